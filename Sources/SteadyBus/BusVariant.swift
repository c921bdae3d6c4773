import CSystemd

/// A value inside a D-Bus variant (`v`), limited to the basic types steady sends and reads,
/// typically as a hint in an `a{sv}` dictionary.
public enum BusVariant: Sendable, Hashable {
    /// A string (`s`).
    case string(String)
    /// A byte (`y`).
    case byte(UInt8)
    /// A boolean (`b`).
    case bool(Bool)
    /// A signed 32-bit integer (`i`).
    case int32(Int32)
    /// An unsigned 32-bit integer (`u`).
    case uint32(UInt32)
    /// A signed 64-bit integer (`x`).
    case int64(Int64)
    /// An unsigned 64-bit integer (`t`).
    case uint64(UInt64)
    /// A double (`d`).
    case double(Double)

    /// The one-character D-Bus signature of the contained value.
    public var signature: String {
        switch self {
        case .string: "s"
        case .byte: "y"
        case .bool: "b"
        case .int32: "i"
        case .uint32: "u"
        case .int64: "x"
        case .uint64: "t"
        case .double: "d"
        }
    }
}

/// A D-Bus type code as sd-bus wants it (`CChar`).
@inline(__always)
func busType(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }
