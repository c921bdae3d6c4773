import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

/// A journal written by steady 0.1.0 (Fixtures/journal-v0.1.0.sqlite: scheduled prompts
/// answered, skipped and put off, a trigger entry with its follow-up, a thought record, a win,
/// a self-assessment) opens in today's steady with nothing lost.
@Suite struct ReleasedJournalTests {
    let directory = TemporaryDirectory()

    /// A private copy: opening migrates in place, and the fixture must stay as 0.1.0 wrote it.
    func openCopy() throws -> (Journal, String) {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/journal-v0.1.0.sqlite")
        let path = directory.path + "/journal.sqlite"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return (try Journal(path: path), path)
    }

    @Test func aVersion010Journal_opensWithEveryEntryAnswerAndPromptIntact() throws {
        let (journal, _) = try openCopy()

        let entries = try journal.entries().sorted { $0.id < $1.id }
        #expect(entries.map(\.kind) == ["trigger-journal", "win", "self-assessment", "thought-record"])
        let trigger = entries[0].response.values
        #expect(trigger["what-happened"] == .text("A late reply to my message"))
        #expect(trigger["intensity"] == .number(7))
        #expect(trigger["kind"] == .choice("distance"))
        #expect(entries[1].response.values["win"] == .text("I asked for a hug and got one"))
        #expect(entries[2].response.values.count == 28, "every rating of the self-assessment")
        #expect(entries[3].response.values["belief-before"] == .number(80))
        #expect(entries[3].response.values["belief-after"] == .number(40))

        let history = try journal.history(limit: 50)
        let answers = Dictionary(uniqueKeysWithValues: history.compactMap { item in item.answer.map { (item.prompt.practice.rawValue, $0) } })
        #expect(answers["evening-reflection"]?.value == .number(4))
        #expect(answers["evening-reflection"]?.note == "a kind talk with my sister")
        #expect(answers["morning-mindfulness"]?.value == .choice("box"))
        let outcomes = Dictionary(uniqueKeysWithValues: history.map { ($0.prompt.id, $0.prompt.outcome) })
        #expect(outcomes.count == 5)

        let followUp = try #require(try journal.prompt(5))
        #expect(followUp.kind == .followUp && followUp.entryID == 1 && followUp.followUpKey == "settle")
    }

    @Test func aVersion010Journal_takesTwoCheckInsForOneMoment_afterMigrating() throws {
        let (journal, _) = try openCopy()
        // The follow-up of entry 1 exists; another entry's check-in at the very same slot is kept
        // too (0.1.0's unique (practice, slot, kind) dropped it).
        let existing = try #require(try journal.prompt(5))
        let second = try journal.recordEntry(FormResponse(formID: "trigger-journal", values: ["intensity": .number(5)]), at: existing.slot)
        let draft = PromptDraft(practice: existing.practice, slot: existing.slot, kind: .followUp, followUpKey: "settle",
                                entryID: second.id, content: existing.content, createdAt: existing.slot, dueAt: existing.slot,
                                expiresAt: existing.slot + 3600)
        let recorded = try journal.recordFollowUps([draft])
        #expect(recorded.count == 1)
        #expect(try journal.prompt(5) != nil)
    }

    /// What `sqlite3` prints for `query` on the journal at `path`: the file read from outside,
    /// the way a person reads their own data.
    func sqlite(_ path: String, _ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, query]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 \(query)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aVersion010Journal_storesEveryEntryAsAPlainJSONObject_afterMigrating() throws {
        let (journal, path) = try openCopy()
        _ = journal
        #expect(try sqlite(path, "SELECT count(*) FROM entry WHERE instr(payload, '\"_0\"') > 0 OR instr(payload, 'formID') > 0") == "0")
        let rows = try sqlite(path, "SELECT kind || ' ' || coalesce(choices, '-') || ' ' || payload FROM entry ORDER BY id")
            .split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[0] == #"trigger-journal ["kind"] {"body":"My chest","intensity":7,"kind":"distance","thoughts":"I am too much","what-happened":"A late reply to my message","what-i-did":"went for a walk"}"#)
        #expect(rows[1] == #"win - {"win":"I asked for a hug and got one"}"#)
        #expect(rows[2].hasPrefix(#"self-assessment - {"behaviour.checking":3,"behaviour.follow-ups":3,"#))
        #expect(rows[3] == #"thought-record ["pattern"] {"balanced-view":"They are busy","belief-after":40,"belief-before":80,"evidence-against":"they answered yesterday","evidence-for":"no reply in 2 hours","pattern":"worst-case","situation":"Waiting for a reply","thought":"They are leaving","to-a-friend":"They are busy, it is not about you"}"#)
        // The queries docs/journal-format.md shows.
        #expect(try sqlite(path, "SELECT json_extract(payload, '$.intensity') FROM entry WHERE kind = 'trigger-journal'") == "7")
        #expect(try sqlite(path, "SELECT count(*) FROM entry, json_each(entry.payload)") == "44")
        #expect(try sqlite(path, "SELECT max(identifier) FROM grdb_migrations") == "v7-plain-entry-payloads")
    }

    @Test func anEntryWrittenToday_isStoredAsAPlainJSONObject_andReadBackAsWritten() throws {
        let (journal, path) = try openCopy()
        let values: [String: AnswerValue] = [
            "feeling": .choice("calm"), "own": .text("calm, \"quoted\"\nand / slashes 🌱"), "settled": .number(4), "done": .done,
        ]
        let recorded = try journal.recordEntry(FormResponse(formID: "calming", values: values), at: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(try journal.entry(recorded.id) == recorded)
        #expect(try journal.entry(recorded.id)?.response.values == values)
        #expect(try sqlite(path, "SELECT choices || ' ' || payload FROM entry WHERE id = \(recorded.id)")
                == #"["feeling"] {"done":true,"feeling":"calm","own":"calm, \"quoted\"\nand / slashes 🌱","settled":4}"#)
    }

    @Test func aDraftInTheOldShape_isRewrittenPlain_andOfferedBackAsItWas() throws {
        // A journal as the last release before v7 left it, holding a draft: the fixture brought
        // up to date, then v7 taken back by hand (its columns dropped, its row removed).
        let (journal, path) = try openCopy()
        _ = journal
        let old = #"{"formID":"thought-record","values":{"thought":{"text":{"_0":"I said too much"}},"pattern":{"choice":{"_0":"mind-reading"}},"belief-before":{"number":{"_0":70}}}}"#
        _ = try sqlite(path, """
            ALTER TABLE entry DROP COLUMN choices; ALTER TABLE draft DROP COLUMN choices;
            DELETE FROM grdb_migrations WHERE identifier = 'v7-plain-entry-payloads';
            INSERT INTO draft (form, saved_at, payload) VALUES ('thought-record', 1790000000, '\(old)');
            """)
        let reopened = try Journal(path: path)
        #expect(try sqlite(path, "SELECT choices || ' ' || payload FROM draft")
                == #"["pattern"] {"belief-before":70,"pattern":"mind-reading","thought":"I said too much"}"#)
        let draft = try #require(try reopened.draft(form: "thought-record"))
        #expect(draft.response.values == ["thought": .text("I said too much"), "pattern": .choice("mind-reading"), "belief-before": .number(70)])
        #expect(draft.savedAt == Date(timeIntervalSince1970: 1_790_000_000))
    }
}
