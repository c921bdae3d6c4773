import Foundation
import SteadyKit

/// A fast reader of an entry's stored `FormResponse` JSON, for summarising and exporting
/// hundreds of thousands of entries.
///
/// The journal stores entries with SteadyKit's `Codable` encoding, compact:
/// `{"formID":"calming","values":{"intensity-before":{"number":{"_0":6}},"technique":{"choice":{"_0":"box"}},"x":{"done":{}}}}`.
/// `parse(_:)` walks exactly that shape, byte by byte, without allocating per field; anything
/// else (another shape, a float, a nested value) makes it return nil, and callers fall back to
/// decoding with Foundation (`EntryPayload.decode`). `EntryPayloadTests` checks it against
/// `JSONEncoder` for every kind of value.
struct EntryPayload {
    enum Kind: UInt8 { case number, choice, text, done }

    /// One field. Ranges index into the payload bytes.
    struct Field {
        /// The key's bytes inside its quotes (still JSON-escaped, if it had escapes).
        var key: Range<Int>
        var kind: Kind
        /// The value's JSON text: digits for a number, the quoted string literal for choice and
        /// text, empty for done.
        var value: Range<Int>
        var number: Int
    }

    private(set) var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private(set) var fields: [Field] = []

    /// An empty reader, to `load` payloads into one after another (reusing its storage).
    init() {}

    /// Parses `bytes`; nil when they are not in the expected shape.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> EntryPayload? {
        var payload = EntryPayload()
        return payload.load(bytes) ? payload : nil
    }

    /// Reads `bytes` in place of what was loaded before; false (and no fields) when they are
    /// not in the expected shape.
    mutating func load(_ bytes: UnsafeRawBufferPointer) -> Bool {
        self.bytes = bytes
        fields.removeAll(keepingCapacity: true)
        var cursor = Cursor(bytes: bytes)
        var sawValues = false
        guard cursor.take(UInt8(ascii: "{")), !cursor.take(UInt8(ascii: "}")) else { return false }
        repeat {
            guard let key = cursor.string(), cursor.take(UInt8(ascii: ":")) else { return fail() }
            if cursor.equals(key, "values") {
                guard parseValues(&cursor) else { return fail() }
                sawValues = true
            } else {
                guard cursor.string() != nil else { return fail() }  // formID
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")), cursor.atEnd, sawValues else { return fail() }
        return true
    }

    private mutating func fail() -> Bool {
        fields.removeAll(keepingCapacity: true)
        return false
    }

    private mutating func parseValues(_ cursor: inout Cursor) -> Bool {
        guard cursor.take(UInt8(ascii: "{")) else { return false }
        if cursor.take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = cursor.string(), cursor.take(UInt8(ascii: ":")), cursor.take(UInt8(ascii: "{")),
                  let kindName = cursor.string(), cursor.take(UInt8(ascii: ":")), cursor.take(UInt8(ascii: "{")) else { return false }
            let kind: Kind
            if cursor.equals(kindName, "number") { kind = .number }
            else if cursor.equals(kindName, "choice") { kind = .choice }
            else if cursor.equals(kindName, "text") { kind = .text }
            else if cursor.equals(kindName, "done") { kind = .done }
            else { return false }
            var value = cursor.position..<cursor.position
            var number = 0
            if kind != .done {
                guard let label = cursor.string(), cursor.equals(label, "_0"), cursor.take(UInt8(ascii: ":")) else { return false }
                let start = cursor.position
                if kind == .number {
                    guard let n = cursor.integer() else { return false }
                    number = n
                } else {
                    guard cursor.string() != nil else { return false }
                }
                value = start..<cursor.position
            }
            guard cursor.take(UInt8(ascii: "}")), cursor.take(UInt8(ascii: "}")) else { return false }
            fields.append(Field(key: key, kind: kind, value: value, number: number))
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}"))
    }

    /// Whether the bytes of `range` are those of `text`.
    func matches(_ range: Range<Int>, _ text: UnsafeRawBufferPointer) -> Bool {
        range.count == text.count && (text.count == 0 || memcmp(bytes.baseAddress! + range.lowerBound, text.baseAddress!, text.count) == 0)
    }

    /// Calls `body` with each numeric `<name>-before` / `<name>-after` pair: the name's range,
    /// the before and the after rating. Allocates nothing.
    func forEachBeforeAfter(_ body: (Range<Int>, Int, Int) -> Void) {
        ("-before" as StaticString).withUTF8Buffer { beforeBytes in
            ("-after" as StaticString).withUTF8Buffer { afterBytes in
                let before = UnsafeRawBufferPointer(beforeBytes), after = UnsafeRawBufferPointer(afterBytes)
                for field in fields where field.kind == .number && field.key.count > before.count {
                    guard matches((field.key.upperBound - before.count)..<field.key.upperBound, before) else { continue }
                    let name = field.key.lowerBound..<(field.key.upperBound - before.count)
                    for other in fields where other.kind == .number && other.key.count == name.count + after.count {
                        guard memcmp(bytes.baseAddress! + other.key.lowerBound, bytes.baseAddress! + name.lowerBound, name.count) == 0,
                              matches((other.key.upperBound - after.count)..<other.key.upperBound, after) else { continue }
                        body(name, field.number, other.number)
                        break
                    }
                }
            }
        }
    }

    /// The field whose key is `key` (keys compared as bytes).
    func field(_ key: String) -> Field? {
        var key = key
        return key.withUTF8 { wanted in
            fields.first { field in
                field.key.count == wanted.count && memcmp(bytes.baseAddress! + field.key.lowerBound, wanted.baseAddress!, wanted.count) == 0
            }
        }
    }

    /// The number given for `key`.
    func number(_ key: String) -> Int? {
        guard let field = field(key), field.kind == .number else { return nil }
        return field.number
    }

    /// The choice key given for `key`.
    func choice(_ key: String) -> String? {
        guard let field = field(key), field.kind == .choice else { return nil }
        return string(field.value)
    }

    /// The string a quoted JSON literal (a field's value range) stands for.
    func string(_ literal: Range<Int>) -> String {
        let inner = UnsafeRawBufferPointer(rebasing: bytes[(literal.lowerBound + 1)..<(literal.upperBound - 1)])
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        let data = Data(UnsafeRawBufferPointer(rebasing: bytes[literal]))
        return (try? JSONDecoder().decode(String.self, from: data)) ?? String(decoding: inner, as: UTF8.self)
    }

    /// Before/after pairs: numeric fields `<name>-before` and `<name>-after`, by name.
    func beforeAfterPairs() -> [(name: String, before: Int, after: Int)] {
        var pairs: [(String, Int, Int)] = []
        forEachBeforeAfter { name, before, after in
            pairs.append((String(decoding: UnsafeRawBufferPointer(rebasing: bytes[name]), as: UTF8.self), before, after))
        }
        return pairs
    }

    /// The values decoded by Foundation: the slow path for payloads `parse` does not take.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> FormResponse? {
        try? JSONDecoder().decode(FormResponse.self, from: Data(bytes))
    }
}

/// A position in JSON bytes, with the few tokens `EntryPayload` needs.
private struct Cursor {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool {
        mutating get { skipSpace(); return position == bytes.count }
    }

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }

    /// Consumes `byte` (after optional white space) if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// A string literal; returns the range inside the quotes.
    mutating func string() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") { position += 2; continue }
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<(position - 1)
            }
            position += 1
        }
        return nil
    }

    /// A whole number (no fraction or exponent).
    mutating func integer() -> Int? {
        skipSpace()
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int(bytes[position] - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        guard position > start else { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") { return nil }
        return negative ? -value : value
    }

    /// Whether the bytes in `range` are `text`.
    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { wanted in
            range.count == wanted.count && memcmp(bytes.baseAddress! + range.lowerBound, wanted.baseAddress!, wanted.count) == 0
        }
    }
}

/// An entry's fields, read by `EntryPayload` when it can, else decoded by Foundation.
struct Fields {
    private let payload: EntryPayload?
    private let response: FormResponse?

    init(_ bytes: UnsafeRawBufferPointer) {
        payload = EntryPayload.parse(bytes)
        response = payload == nil ? EntryPayload.decode(bytes) : nil
    }

    func number(_ key: String) -> Int? { payload.map { $0.number(key) } ?? response?.number(key) }

    func choice(_ key: String) -> String? { payload.map { $0.choice(key) } ?? response?.choice(key) }

    /// Whether `key` holds written text (without reading it).
    func hasText(_ key: String) -> Bool { payload.map { $0.field(key)?.kind == .text } ?? (response?.text(key) != nil) }

    /// Numeric `<name>-before` / `<name>-after` pairs, by name.
    func beforeAfterPairs() -> [(name: String, before: Int, after: Int)] {
        if let payload { return payload.beforeAfterPairs() }
        guard let response else { return [] }
        return response.values.keys.sorted().compactMap { key in
            guard key.hasSuffix("-before"), let before = response.number(key) else { return nil }
            let name = String(key.dropLast("-before".count))
            return response.number(name + "-after").map { (name, before, $0) }
        }
    }
}
