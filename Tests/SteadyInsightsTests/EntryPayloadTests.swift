import Foundation
@testable import SteadyInsights
import SteadyKit
import Testing

@Suite struct EntryPayloadTests {
    static let values: [String: AnswerValue] = [
        "intensity-before": .number(7), "intensity-after": .number(-2), "technique": .choice("box"),
        "note": .text("a \"quoted\", line\nbreak / slash \\ 🌱 \u{01}"), "finished": .done, "big": .number(Int.max),
        "urge-before": .number(3),
    ]

    func encoded(_ response: FormResponse) -> [UInt8] { Array(try! JSONEncoder().encode(response)) }

    @Test func parse_readsWhatJSONEncoderWrote() throws {
        let bytes = encoded(FormResponse(formID: "calming", values: Self.values))
        try bytes.withUnsafeBytes { raw in
            let payload = try #require(EntryPayload.parse(raw))
            #expect(payload.fields.count == Self.values.count)
            #expect(payload.number("intensity-before") == 7)
            #expect(payload.number("intensity-after") == -2)
            #expect(payload.number("big") == Int.max)
            #expect(payload.number("technique") == nil)
            #expect(payload.choice("technique") == "box")
            #expect(payload.choice("missing") == nil)
            let note = try #require(payload.field("note"))
            #expect(payload.string(note.value) == "a \"quoted\", line\nbreak / slash \\ 🌱 \u{01}")
            #expect(payload.field("finished")?.kind == .done)
            #expect(payload.beforeAfterPairs().map { "\($0.name) \($0.before) \($0.after)" } == ["intensity 7 -2"])
        }
    }

    @Test func flatFields_matchFoundationsReading() throws {
        let bytes = encoded(FormResponse(formID: "calming", values: Self.values))
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

    @Test func otherShapes_areLeftToFoundation() {
        for text in ["{}", "[]", "{\"values\":{\"a\":{\"number\":{\"_0\":1.5}}}}", "{\"values\":{\"a\":{\"date\":{\"_0\":1}}}}",
                     "{\"formID\":\"x\"}", "{\"values\":{\"a\":{\"number\":{\"_0\":1}}}", "{\"values\":{}} trailing"] {
            Array(text.utf8).withUnsafeBytes { raw in
                #expect(EntryPayload.parse(raw) == nil, "\(text)")
            }
        }
        Array("{ \"values\" : { \"a\" : { \"number\" : { \"_0\" : 4 } } }, \"formID\" : \"x\" }".utf8).withUnsafeBytes { raw in
            #expect(EntryPayload.parse(raw)?.number("a") == 4)
        }
    }

    @Test func fields_fallBackToFoundation_forPrettyPrintedPayloads() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = Array(try encoder.encode(FormResponse(formID: "pause", values: ["urge-before": .number(8), "urge-after": .number(5)])))
        bytes.withUnsafeBytes { raw in
            let fields = Fields(raw)
            #expect(fields.number("urge-before") == 8)
            #expect(fields.beforeAfterPairs().map(\.name) == ["urge"])
        }
    }
}
