import CSystemd
import Foundation

// English file: D-Bus errors reach only the daemon's log and STATUS=, which stay English.

/// Appends typed arguments to an outgoing D-Bus message, in signature order.
///
/// Handed to the `build` closure of
/// ``BusConnection/call(destination:path:interface:member:timeout:autoStart:build:reply:)``;
/// valid only inside that closure. Stands in for sd-bus's variadic `sd_bus_message_append`, which Swift cannot import.
public struct BusMessageWriter {
    /// The sd-bus message being built.
    public let handle: OpaquePointer

    /// Wraps a message that sd-bus created; does not take a reference.
    public init(handle: OpaquePointer) { self.handle = handle }

    /// Appends a string (`s`).
    public func append(_ value: String) throws(BusError) { try appendString(value, type: "s") }
    /// Appends an object path (`o`).
    public func append(objectPath value: String) throws(BusError) { try appendString(value, type: "o") }
    /// Appends an unsigned 32-bit integer (`u`).
    public func append(_ value: UInt32) throws(BusError) { try appendBasic("u", value) }
    /// Appends a signed 32-bit integer (`i`).
    public func append(_ value: Int32) throws(BusError) { try appendBasic("i", value) }
    /// Appends a byte (`y`).
    public func append(byte value: UInt8) throws(BusError) { try appendBasic("y", value) }
    /// Appends a boolean (`b`).
    public func append(_ value: Bool) throws(BusError) { try appendBasic("b", Int32(value ? 1 : 0)) }

    /// Appends an array of strings (`as`).
    public func append(_ strings: [String]) throws(BusError) {
        try open("a", "s")
        for string in strings { try append(string) }
        try close()
    }

    /// Appends a variant (`v`) holding one basic value.
    public func append(variant value: BusVariant) throws(BusError) {
        try open("v", value.signature)
        switch value {
        case .string(let s): try append(s)
        case .byte(let b): try append(byte: b)
        case .bool(let b): try append(b)
        case .int32(let i): try append(i)
        case .uint32(let u): try append(u)
        case .int64(let x): try appendBasic("x", x)
        case .uint64(let t): try appendBasic("t", t)
        case .double(let d): try appendBasic("d", d)
        }
        try close()
    }

    /// Appends an `a{sv}` dictionary, entries in key order so the bytes are reproducible.
    public func append(dictionary: [String: BusVariant]) throws(BusError) {
        try open("a", "{sv}")
        for key in dictionary.keys.sorted() {
            try open("e", "sv")
            try append(key)
            try append(variant: dictionary[key]!)
            try close()
        }
        try close()
    }

    // MARK: - Helpers

    private func appendString(_ value: String, type: Unicode.Scalar) throws(BusError) {
        let rc = value.withCString { sd_bus_message_append_basic(handle, busType(type), $0) }
        if rc < 0 { throw BusError.invalid("append a value of type '\(type)' to a D-Bus message", rc) }
    }

    private func appendBasic<T>(_ type: Unicode.Scalar, _ value: T) throws(BusError) {
        var value = value
        let rc = withUnsafePointer(to: &value) { sd_bus_message_append_basic(handle, busType(type), $0) }
        if rc < 0 { throw BusError.invalid("append a value of type '\(type)' to a D-Bus message", rc) }
    }

    private func open(_ type: Unicode.Scalar, _ contents: String) throws(BusError) {
        let rc = sd_bus_message_open_container(handle, busType(type), contents)
        if rc < 0 { throw BusError.invalid("open a '\(type)\(contents)' container in a D-Bus message", rc) }
    }

    private func close() throws(BusError) {
        let rc = sd_bus_message_close_container(handle)
        if rc < 0 { throw BusError.invalid("close a container in a D-Bus message", rc) }
    }
}
