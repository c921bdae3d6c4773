import Foundation
@testable import SteadyInsights
import SteadyJournal
import SteadyKit
import Testing

@Suite struct EntryPayloadTests {
    static let values: [String: AnswerValue] = [
        "intensity-before": .number(7), "intensity-after": .number(-2), "technique": .choice("box"),
        "note": .text("a \"quoted\", line\nbreak / slash \\ 🌱 \u{01}"), "finished": .done, "big": .number(Int.max),
        "urge-before": .number(3),
    ]

    /// The `payload` and `choices` columns the journal writes for `values`.
    func stored(_ values: [String: AnswerValue]) -> (payload: [UInt8], choices: [UInt8]) {
        let (payload, choices) = EntryValues.encode(values)
        return (Array(payload.utf8), Array((choices ?? "").utf8))
    }

    @Test func parse_readsWhatTheJournalWrites() throws {
        let (bytes, choices) = stored(Self.values)
        try bytes.withUnsafeBytes { raw in
            try choices.withUnsafeBytes { choices in
                let payload = try #require(EntryPayload.parse(raw, choices: choices))
                #expect(payload.fields.count == Self.values.count)
                #expect(payload.number("intensity-before") == 7)
                #expect(payload.number("intensity-after") == -2)
                #expect(payload.number("big") == Int.max)
                #expect(payload.number("technique") == nil)
                #expect(payload.choice("technique") == "box")
                #expect(payload.choice("note") == nil, "written text is not a choice")
                #expect(payload.choice("missing") == nil)
                let note = try #require(payload.field("note"))
                #expect(note.kind == .text)
                #expect(payload.string(note.value) == "a \"quoted\", line\nbreak / slash \\ 🌱 \u{01}")
                #expect(payload.field("finished")?.kind == .done)
                #expect(payload.beforeAfterPairs().map { "\($0.name) \($0.before) \($0.after)" } == ["intensity 7 -2"])
            }
        }
    }

    @Test func flatFields_matchFoundationsReading() throws {
        let (bytes, _) = stored(Self.values)
        var out: [UInt8] = []
        bytes.withUnsafeBytes { JournalExportTestHook.flatFields($0, into: &out) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
        #expect(object["intensity-before"] as? Int == 7)
        #expect(object["technique"] as? String == "box")
        #expect(object["note"] as? String == "a \"quoted\", line\nbreak / slash \\ 🌱 \u{01}")
        #expect(object["finished"] as? Bool == true)
        #expect(Array(object.keys).count == Self.values.count)
        // Keys come out sorted.
        let text = String(decoding: out, as: UTF8.self)
        let positions = Self.values.keys.sorted().map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func flatFields_sortAndCompactAPayloadWrittenByHand() throws {
        var out: [UInt8] = []
        Array(#"{ "b" : 2, "a" : "x", "c" : true }"#.utf8).withUnsafeBytes { JournalExportTestHook.flatFields($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == #"{"a":"x","b":2,"c":true}"#)
    }

    @Test func otherShapes_areLeftToFoundation() {
        for text in ["[]", "{\"a\":1.5}", "{\"a\":{\"number\":{\"_0\":1}}}", "{\"a\":false}", "{\"a\":null}",
                     "{\"a\":1", "{\"a\":1} trailing", "{\"a\" 1}"] {
            Array(text.utf8).withUnsafeBytes { raw in
                #expect(EntryPayload.parse(raw) == nil, "\(text)")
            }
        }
        Array("{ \"a\" : 4 , \"b\" : \"x\" }".utf8).withUnsafeBytes { raw in
            #expect(EntryPayload.parse(raw)?.number("a") == 4)
        }
        Array("{}".utf8).withUnsafeBytes { raw in
            #expect(EntryPayload.parse(raw)?.fields.isEmpty == true)
        }
    }

    @Test func fields_fallBackToFoundation_forPrettyPrintedPayloads() throws {
        let bytes = Array("{\n  \"urge-after\" : 5.0,\n  \"urge-before\" : 8\n}".utf8)
        bytes.withUnsafeBytes { raw in
            #expect(EntryPayload.parse(raw) == nil, "5.0 is not a whole number in the stored shape")
        }
        let pretty = Array("{\n  \"urge-after\" : 5,\n  \"urge-before\" : 8\n}".utf8)
        pretty.withUnsafeBytes { raw in
            let fields = Fields(raw, choices: UnsafeRawBufferPointer(start: nil, count: 0))
            #expect(fields.number("urge-before") == 8)
            #expect(fields.beforeAfterPairs().map(\.name) == ["urge"])
        }
    }
}
