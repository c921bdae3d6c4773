import CSystemd

/// A value inside a D-Bus variant (`v`), limited to the basic types steady sends and reads,
/// typically as a hint in an `a{sv}` dictionary.
public enum BusVariant: Sendable, Hashable {
    case string(String)
    case byte(UInt8)
    case bool(Bool)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
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
