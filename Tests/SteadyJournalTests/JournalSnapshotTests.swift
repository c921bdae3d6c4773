import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

/// The bulk writer steady-bench fills journals with, and the snapshot reads stats and export
/// stream: what one writes, the other reads back, in the journal's own shapes.
@Suite struct JournalSnapshotTests {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/steady/journal.sqlite" }
    let content = PromptContent(title: "Looking back", body: "How settled did the day feel?",
                                request: .scale(Scale(1...5, low: "unsettled", high: "settled")))

    /// Two prompts (one answered) and two entries, the second a follow-up of the first.
    func fill() throws {
        try FileManager.default.createDirectory(atPath: directory.path + "/steady", withIntermediateDirectories: true)
        try JournalBulkWriter.fill(newJournalAt: path) { writer in
            let first = try writer.scheduledPrompt(practice: "evening-reflection", slot: 1000, content: content, dueAt: 1000,
                                                   expiresAt: 4600, deliveredAt: 1001, snoozes: 1, outcome: .answered, endedAt: 1100)
            try writer.answer(promptID: first, value: .number(4), note: "a kind talk", at: 1100, channel: .notification)
            try writer.event(at: 1100, kind: "answered", promptID: first, practice: "evening-reflection", detail: "notification")
            let entry = try writer.entry(["intensity": .number(7), "kind": .choice("distance"), "what-happened": .text("late, \"again\"")],
                                         kind: "trigger-journal", at: 1500, parentID: nil)
            try writer.commit()
            _ = try writer.entry(["settled-after": .choice("half-hour")], kind: "trigger-journal-follow-up", at: 3000, parentID: entry)
            _ = try writer.scheduledPrompt(practice: "evening-reflection", slot: 2000, content: content, dueAt: 2000,
                                           expiresAt: 5600, deliveredAt: nil, snoozes: 0, outcome: .missed, endedAt: 2000)
        }
    }

    @Test func bulkWrittenRows_readBackThroughTheJournal() throws {
        try fill()
        let journal = try Journal(path: path, create: false)
        #expect(try journal.rowCounts() == JournalRowCounts(prompts: 2, answers: 1, entries: 2, events: 1))
        let entries = try journal.entries().sorted { $0.id < $1.id }
        #expect(entries.map(\.response.values) == [
            ["intensity": .number(7), "kind": .choice("distance"), "what-happened": .text("late, \"again\"")],
            ["settled-after": .choice("half-hour")],
        ])
        #expect(entries[1].parentID == entries[0].id)
        let answered = try #require(try journal.prompt(1))
        #expect(answered.outcome == .answered && answered.snoozes == 1 && answered.content == content)
        #expect(try journal.history(limit: 10).first { $0.prompt.id == 1 }?.answer?.value == .number(4))
    }

    @Test func forEachRecord_mergesPromptsAndEntriesByCreationTime_withEveryColumn() throws {
        try fill()
        let journal = try Journal(path: path, create: false)
        var lines: [String] = []
        try journal.readSnapshot { snapshot in
            try snapshot.forEachRecord(in: nil) { record in
                func text(_ bytes: UnsafeRawBufferPointer?) -> String { bytes.map { String(decoding: $0, as: UTF8.self) } ?? "nil" }
                switch record {
                case .prompt(let p):
                    lines.append("prompt \(p.id) \(text(p.practice)) \(text(p.outcome)) \(text(p.answerKind)) \(p.answerNumber.map(String.init) ?? "nil") "
                                 + "\(text(p.answerNote)) \(text(p.answerChannel)) \(p.deliveredAt.map { String($0) } ?? "nil") \(p.snoozes)")
                case .entry(let e):
                    lines.append("entry \(e.id) \(text(e.kind)) \(e.parentID.map(String.init) ?? "nil") \(text(e.payload))")
                }
            }
        }
        #expect(lines == [
            "prompt 1 evening-reflection answered number 4 a kind talk notification 1001.0 1",
            #"entry 1 trigger-journal nil {"intensity":7,"kind":"distance","what-happened":"late, \"again\""}"#,
            "prompt 2 evening-reflection missed nil nil nil nil nil 0",
            #"entry 2 trigger-journal-follow-up 1 {"settled-after":"half-hour"}"#,
        ])
        // A span keeps what lies in it: prompts by slot, entries by time.
        var ids: [String] = []
        try journal.readSnapshot { snapshot in
            try snapshot.forEachRecord(in: 1200..<2500) { record in
                switch record {
                case .prompt(let p): ids.append("p\(p.id)")
                case .entry(let e): ids.append("e\(e.id)")
                }
            }
        }
        #expect(ids == ["e1", "p2"])
    }

    @Test func entryScans_handTheStoredValuesAndTheirChoices() throws {
        try fill()
        let journal = try Journal(path: path, create: false)
        var seen: [String] = []
        try journal.readSnapshot { snapshot in
            try snapshot.forEachEntry(createdIn: nil) { entry in
                seen.append("\(entry.id) \(String(decoding: entry.choices, as: UTF8.self)) \(entry.parentID.map(String.init) ?? "-")")
            }
            #expect(try snapshot.entries(kind: "trigger-journal", createdIn: 0..<10_000).map(\.id) == [1])
            let times = try snapshot.entryTimes(kind: "trigger-journal", createdIn: 0..<10_000, text: "what-happened")
            #expect(times.map(\.time) == [1500] && times.map(\.text) == ["late, \"again\""])
            #expect(try snapshot.entryTimes(kind: "trigger-journal", createdIn: 0..<10_000, text: nil).map(\.text) == [nil])
        }
        #expect(seen == [#"1 ["kind"] -"#, #"2 ["settled-after"] 1"#])
    }
}
