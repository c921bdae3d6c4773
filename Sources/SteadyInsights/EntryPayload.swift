import Foundation
import SteadyJournal
import SteadyKit

/// A fast reader of an entry's stored values, for summarising and exporting hundreds of
/// thousands of entries.
///
/// The journal stores an entry's values as a plain JSON object (`SteadyJournal.EntryValues`,
/// docs/journal-format.md): `{"intensity-before":6,"technique":"box","x":true}`, with the
/// fields holding a choice's key listed apart (`["technique"]`). `load(_:choices:)` walks
/// that object byte by byte without allocating per field; anything else (a float, a nested
/// value, `false`) makes it return false, and callers fall back to `EntryValues.decode`.
/// `EntryPayloadTests` checks it against what the journal writes for every kind of value.
struct EntryPayload {
    enum Kind: UInt8 { case number, choice, text, done }

    /// One field. Ranges index into the payload bytes.
    struct Field {
        /// The key's bytes inside its quotes (still JSON-escaped, if it had escapes).
        var key: Range<Int>
        var kind: Kind
        /// The value's JSON text: digits for a number, the quoted string literal for choice and
        /// text, `true` for done.
        var value: Range<Int>
        var number: Int
    }

    private(set) var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private(set) var fields: [Field] = []

    /// An empty reader, to `load` payloads into one after another (reusing its storage).
    init() {}

    /// Parses `bytes` (and the `choices` column); nil when they are not in the expected shape.
    static func parse(_ bytes: UnsafeRawBufferPointer, choices: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) -> EntryPayload? {
        var payload = EntryPayload()
        return payload.load(bytes, choices: choices) ? payload : nil
    }

    /// Reads `bytes` in place of what was loaded before; false (and no fields) when they are
    /// not in the expected shape. `choices` is the `choices` column: a JSON array of the keys
    /// whose string is a choice's key (empty for NULL).
    mutating func load(_ bytes: UnsafeRawBufferPointer, choices: UnsafeRawBufferPointer) -> Bool {
        self.bytes = bytes
        fields.removeAll(keepingCapacity: true)
        var cursor = Cursor(bytes: bytes)
        guard cursor.take(UInt8(ascii: "{")) else { return false }
        if !cursor.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = cursor.string(), cursor.take(UInt8(ascii: ":")) else { return fail() }
                cursor.skipSpace()
                let start = cursor.position
                guard start < bytes.count else { return fail() }
                var kind = Kind.number, number = 0
                switch bytes[start] {
                case UInt8(ascii: "\""):
                    guard cursor.string() != nil else { return fail() }
                    kind = Self.isListed(UnsafeRawBufferPointer(rebasing: bytes[key]), in: choices) ? .choice : .text
                case UInt8(ascii: "t"):
                    guard cursor.word("true") else { return fail() }
                    kind = .done
                default:
                    guard let n = cursor.integer() else { return fail() }
                    number = n
                }
                fields.append(Field(key: key, kind: kind, value: start..<cursor.position, number: number))
            } while cursor.take(UInt8(ascii: ","))
            guard cursor.take(UInt8(ascii: "}")) else { return fail() }
        }
        guard cursor.atEnd else { return fail() }
        return true
    }

    /// Whether `"key"` is one of the strings of the JSON array `choices` (keys of fields are
    /// code constants: compared as their stored bytes).
    private static func isListed(_ key: UnsafeRawBufferPointer, in choices: UnsafeRawBufferPointer) -> Bool {
        guard choices.count >= key.count + 2 else { return false }
        var cursor = Cursor(bytes: choices)
        guard cursor.take(UInt8(ascii: "[")) else { return false }
        repeat {
            guard let listed = cursor.string() else { return false }
            if listed.count == key.count, key.count == 0 || memcmp(choices.baseAddress! + listed.lowerBound, key.baseAddress!, key.count) == 0 {
                return true
            }
        } while cursor.take(UInt8(ascii: ","))
        return false
    }

    private mutating func fail() -> Bool {
        fields.removeAll(keepingCapacity: true)
        return false
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
    static func decode(_ bytes: UnsafeRawBufferPointer, choices: UnsafeRawBufferPointer) -> FormResponse? {
        let choiceList = choices.count == 0 ? nil : String(decoding: choices, as: UTF8.self)
        guard let values = try? EntryValues.decode(payload: String(decoding: bytes, as: UTF8.self), choices: choiceList) else { return nil }
        return FormResponse(formID: "", values: values)
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

    /// Consumes the bare word `text` (`true`) if it is next.
    mutating func word(_ text: StaticString) -> Bool {
        skipSpace()
        let end = position + text.utf8CodeUnitCount
        guard end <= bytes.count, equals(position..<end, text) else { return false }
        position = end
        return true
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

    init(_ bytes: UnsafeRawBufferPointer, choices: UnsafeRawBufferPointer) {
        payload = EntryPayload.parse(bytes, choices: choices)
        response = payload == nil ? EntryPayload.decode(bytes, choices: choices) : nil
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
