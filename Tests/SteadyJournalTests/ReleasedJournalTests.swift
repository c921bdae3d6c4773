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
}
