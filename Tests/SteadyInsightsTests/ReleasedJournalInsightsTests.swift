import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

/// The journal written by steady 0.1.0 (SteadyJournalTests/Fixtures/journal-v0.1.0.sqlite),
/// migrated to plain JSON entries, shows the same history, stats and export as 0.1.0 read
/// from it: the entries' fields are what they were, only their stored shape changed.
@Suite struct ReleasedJournalInsightsTests {
    let directory = TemporaryDirectory()

    func openCopy() throws -> Journal {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SteadyJournalTests/Fixtures/journal-v0.1.0.sqlite").standardized
        let path = directory.path + "/journal.sqlite"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return try Journal(path: path)
    }

    @Test func aMigratedJournal_exportsEachEntrysFieldsAsBefore() throws {
        let journal = try openCopy()
        let collected = Collected()
        let summary = try JournalExport(format: .json, timeZone: TimeZone(identifier: "UTC")!)
            .write(from: journal, to: CaptureSink { collected.bytes.append(contentsOf: $0) })
        #expect(summary.entries == 4)
        let lines = String(decoding: collected.bytes, as: UTF8.self).split(separator: "\n")
        let fields = try lines.compactMap { line -> String? in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["record"] as? String == "entry" else { return nil }
            // The "fields" value exactly as written in the line.
            let text = String(line)
            let start = try #require(text.range(of: "\"fields\":"))
            let end = try #require(text.range(of: ",\"entry_id\":"))
            return String(text[start.upperBound..<end.lowerBound])
        }
        #expect(fields.count == 4)
        #expect(fields[0] == #"{"body":"My chest","intensity":7,"kind":"distance","thoughts":"I am too much","what-happened":"A late reply to my message","what-i-did":"went for a walk"}"#)
        #expect(fields[1] == #"{"win":"I asked for a hug and got one"}"#)
        #expect(fields[2].hasPrefix(#"{"behaviour.checking":3,"#) && fields[2].split(separator: ":").count == 29)
        #expect(fields[3] == #"{"balanced-view":"They are busy","belief-after":40,"belief-before":80,"evidence-against":"they answered yesterday","evidence-for":"no reply in 2 hours","pattern":"worst-case","situation":"Waiting for a reply","thought":"They are leaving","to-a-friend":"They are busy, it is not about you"}"#)
    }

    @Test func aMigratedJournal_countsItsEntriesAsBefore() throws {
        let journal = try openCopy()
        let stats = try InsightsLoader(window: .all, timeZone: TimeZone(identifier: "UTC")!).stats(from: journal)
        #expect(stats.entries.map { "\($0.key) \($0.count)" }.sorted() == ["self-assessment 1", "thought-record 1", "trigger-journal 1", "win 1"])
        #expect(stats.triggers.count == 1)
        #expect(stats.triggers.byKind == [CountItem(key: "distance", count: 1)])
        #expect(stats.triggers.meanIntensity == 7)
        #expect(stats.assessments.count == 1)
        let belief = try #require(stats.techniques.first { $0.technique == "thought-record" })
        #expect(belief.measure == "belief" && belief.count == 1)
        #expect(stats.wins >= 1)
    }

    @Test func aMigratedJournal_showsItsEntriesInTheHistory() throws {
        let journal = try openCopy()
        let entries = try journal.historyPage(HistoryFilter(), limit: 100).compactMap { record -> EntryRecord? in
            if case .entry(let entry) = record { return entry }
            return nil
        }
        #expect(entries.map(\.kind).sorted() == ["self-assessment", "thought-record", "trigger-journal", "win"])
        let trigger = try #require(entries.first { $0.kind == "trigger-journal" })
        #expect(trigger.response.formID == "trigger-journal")
        #expect(trigger.response.values == [
            "what-happened": .text("A late reply to my message"), "thoughts": .text("I am too much"), "intensity": .number(7),
            "what-i-did": .text("went for a walk"), "body": .text("My chest"), "kind": .choice("distance"),
        ])
    }
}
