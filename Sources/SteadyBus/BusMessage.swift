import CSystemd
import Foundation

// English file: D-Bus errors reach only the daemon's log and STATUS=, which stay English.

/// A received D-Bus message (method reply, error or signal), with a read cursor.
///
/// Only valid on the queue of the ``BusConnection`` that delivered it. Reading advances the
/// cursor through the body in signature order; ``rewind()`` starts over.
public final class BusMessage {
    /// The sd-bus message (one reference owned by this object).
    public let handle: OpaquePointer

    /// Takes a new reference to `handle`.
    public init(retaining handle: OpaquePointer) {
        self.handle = sd_bus_message_ref(handle)
    }

    deinit { sd_bus_message_unref(handle) }

    // MARK: - Header

    /// The unique name (`:1.42`) of the sender, when known.
    public var sender: String? { sd_bus_message_get_sender(handle).map { String(cString: $0) } }
    /// The object path, for calls and signals.
    public var path: String? { sd_bus_message_get_path(handle).map { String(cString: $0) } }
    /// The interface, for calls and signals.
    public var interface: String? { sd_bus_message_get_interface(handle).map { String(cString: $0) } }
    /// The member (method or signal name), for calls and signals.
    public var member: String? { sd_bus_message_get_member(handle).map { String(cString: $0) } }
    /// The destination, when the message was addressed to one connection.
    public var destination: String? { sd_bus_message_get_destination(handle).map { String(cString: $0) } }
    /// The body's signature (`"susssasa{sv}i"`).
    public var signature: String { sd_bus_message_get_signature(handle, 1).map { String(cString: $0) } ?? "" }
    /// The D-Bus error name, when this is an error reply.
    public var errorName: String? { sd_bus_message_get_error(handle)?.pointee.name.map { String(cString: $0) } }

    // MARK: - Reading

    /// Reads a string (`s`).
    public func readString() throws(BusError) -> String { try readStringLike("s") }
    /// Reads an object path (`o`).
    public func readObjectPath() throws(BusError) -> String { try readStringLike("o") }
    /// Reads an unsigned 32-bit integer (`u`).
    public func readUInt32() throws(BusError) -> UInt32 { try readBasic("u", UInt32(0)) }
    /// Reads a signed 32-bit integer (`i`).
    public func readInt32() throws(BusError) -> Int32 { try readBasic("i", Int32(0)) }
    /// Reads a byte (`y`).
    public func readByte() throws(BusError) -> UInt8 { try readBasic("y", UInt8(0)) }
    /// Reads a boolean (`b`).
    public func readBool() throws(BusError) -> Bool { try readBasic("b", Int32(0)) != 0 }

    /// Reads an array of strings (`as`).
    public func readStringArray() throws(BusError) -> [String] {
        try enter("a", "s")
        var strings: [String] = []
        while try !atEndOfContainer() { strings.append(try readString()) }
        try exit()
        return strings
    }

    /// Reads an `a{sv}` dictionary. Entries whose variant holds a type ``BusVariant`` cannot
    /// represent are skipped.
    public func readDictionary() throws(BusError) -> [String: BusVariant] {
        try enter("a", "{sv}")
        var dictionary: [String: BusVariant] = [:]
        while try !atEndOfContainer() {
            try enter("e", "sv")
            let key = try readString()
            if let value = try readVariant() { dictionary[key] = value }
            try exit()
        }
        try exit()
        return dictionary
    }

    /// Reads a variant (`v`); nil (and the variant skipped) when it is not a basic type
    /// that ``BusVariant`` represents.
    public func readVariant() throws(BusError) -> BusVariant? {
        var type: CChar = 0
        var contents: UnsafePointer<CChar>? = nil
        let rc = sd_bus_message_peek_type(handle, &type, &contents)
        guard rc > 0, type == busType("v"), let contents else {
            throw BusError.invalid("read a variant (found \(Self.describe(type)))", rc < 0 ? rc : -EBADMSG)
        }
        let inner = String(cString: contents)
        try enter("v", inner)
        let value: BusVariant?
        switch inner {
        case "s": value = .string(try readString())
        case "y": value = .byte(try readByte())
        case "b": value = .bool(try readBool())
        case "i": value = .int32(try readInt32())
        case "u": value = .uint32(try readUInt32())
        case "x": value = .int64(try readBasic("x", Int64(0)))
        case "t": value = .uint64(try readBasic("t", UInt64(0)))
        case "d": value = .double(try readBasic("d", Double(0)))
        default:
            let rc = sd_bus_message_skip(handle, inner)
            if rc < 0 { throw BusError.invalid("skip a variant of type \(inner)", rc) }
            value = nil
        }
        try exit()
        return value
    }

    /// Skips the next complete values of the given signature (`"s"`, `"a{sv}"`).
    public func skip(_ signature: String) throws(BusError) {
        let rc = sd_bus_message_skip(handle, signature)
        if rc < 0 { throw BusError.invalid("skip \(signature)", rc) }
    }

    /// Moves the read cursor back to the start of the body.
    public func rewind() {
        _ = sd_bus_message_rewind(handle, 1)
    }

    // MARK: - Helpers

    private func readStringLike(_ type: Unicode.Scalar) throws(BusError) -> String {
        var pointer: UnsafePointer<CChar>? = nil
        let rc = sd_bus_message_read_basic(handle, busType(type), &pointer)
        guard rc > 0, let pointer else { throw Self.readError(type, rc) }
        return String(cString: pointer)
    }

    private func readBasic<T>(_ type: Unicode.Scalar, _ initial: T) throws(BusError) -> T {
        var value = initial
        let rc = withUnsafeMutablePointer(to: &value) { sd_bus_message_read_basic(handle, busType(type), $0) }
        guard rc > 0 else { throw Self.readError(type, rc) }
        return value
    }

    private func enter(_ type: Unicode.Scalar, _ contents: String) throws(BusError) {
        let rc = sd_bus_message_enter_container(handle, busType(type), contents)
        guard rc > 0 else { throw Self.readError(type, rc, contents: contents) }
    }

    private func exit() throws(BusError) {
        let rc = sd_bus_message_exit_container(handle)
        if rc < 0 { throw BusError.invalid("leave a container", rc) }
    }

    private func atEndOfContainer() throws(BusError) -> Bool {
        let rc = sd_bus_message_at_end(handle, 0)
        if rc < 0 { throw BusError.invalid("read a container", rc) }
        return rc > 0
    }

    private static func readError(_ type: Unicode.Scalar, _ rc: Int32, contents: String = "") -> BusError {
        if rc == 0 {
            return BusError(.invalidMessage, "A D-Bus message ended where a value of type '\(type)\(contents)' was expected.")
        }
        return BusError.invalid("read a value of type '\(type)\(contents)'", rc)
    }

    private static func describe(_ type: CChar) -> String {
        type == 0 ? "end of message" : "'\(Character(Unicode.Scalar(UInt8(bitPattern: type))))'"
    }
}
