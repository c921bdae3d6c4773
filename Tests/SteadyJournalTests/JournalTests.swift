import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

@Suite struct JournalTests {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/data/steady/journal.sqlite" }
    let content = PromptContent(title: "A calm start?", body: "Three rounds of box breathing.",
                                request: .choices([Choice(key: "box", label: "Box"), Choice(key: "not-now", label: "Not now")]))
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func newJournal_isPrivate_directory0700_file0600() throws {
        let journal = try Journal(path: path)
        _ = try journal.recordPrompt(practice: "morning-mindfulness", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 7200)
        #expect(try mode(directory.path + "/data/steady") == 0o700)
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
    }

    @Test func open_withoutCreate_reportsMissingJournal() {
        #expect(throws: JournalError.self) { try Journal(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func schema_isMigrated_andReopenKeepsData() throws {
        do {
            let journal = try Journal(path: path)
            _ = try journal.recordPrompt(practice: "evening-reflection", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60)
        }
        let reopened = try Journal(path: path)
        #expect(try reopened.pendingPrompts().count == 1)
    }

    @Test func sameSlot_isRecordedOnlyOnce() throws {
        let journal = try Journal(path: path)
        let first = try journal.recordPrompt(practice: "morning-mindfulness", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60)
        let second = try journal.recordPrompt(practice: "morning-mindfulness", slot: t0, content: content, createdAt: t0 + 5, dueAt: t0 + 5, expiresAt: t0 + 65)
        #expect(first != nil)
        #expect(second == nil)
        let other = try journal.recordPrompt(practice: "evening-reflection", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60)
        #expect(other != nil)
    }

    @Test func bubbleRecords_oneBubbleBelongsToOnePrompt_andSayWhetherItShowsANotice() throws {
        let journal = try Journal(path: path)
        let first = try #require(try journal.recordPrompt(practice: "morning-mindfulness", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60))
        let second = try #require(try journal.recordPrompt(practice: "evening-reflection", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60))
        try journal.markDelivered(first.id, at: t0, channel: "notification", bubble: ("bus :1.4", 7))
        try journal.markDelivered(second.id, at: t0, channel: "notification", bubble: ("bus :1.4", 8))
        try journal.recordNotice(aboutPrompt: second.id, server: "bus :1.4", handle: 8)
        try journal.recordAnswer(Answer(promptID: second.id, value: .choice("box"), note: nil, answeredAt: t0 + 1, channel: .notification))
        #expect(try journal.recordedBubbles() == [
            RecordedBubble(promptID: first.id, server: "bus :1.4", handle: 7, showsNotice: false, isPending: true),
            RecordedBubble(promptID: second.id, server: "bus :1.4", handle: 8, showsNotice: true, isPending: false),
        ])
        // The second prompt's bubble is handed to the first (its next question, say): it is the first's alone.
        try journal.markDelivered(first.id, at: t0 + 2, channel: "notification", bubble: ("bus :1.4", 8))
        #expect(try journal.recordedBubbles() == [RecordedBubble(promptID: first.id, server: "bus :1.4", handle: 8, showsNotice: false, isPending: true)])
        try journal.forgetBubbles(of: [first.id])
        #expect(try journal.recordedBubbles().isEmpty)
    }

    @Test func answer_isStoredWithPrompt_andEndsIt() throws {
        let journal = try Journal(path: path)
        let prompt = try #require(try journal.recordPrompt(practice: "morning-mindfulness", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60))
        try journal.recordAnswer(Answer(promptID: prompt.id, value: .choice("box"), note: "felt good", answeredAt: t0 + 30, channel: .notification))
        let history = try journal.history(limit: 10)
        #expect(history.count == 1)
        #expect(history[0].prompt.outcome == .answered)
        #expect(history[0].answer?.value == .choice("box"))
        #expect(history[0].answer?.note == "felt good")
        #expect(history[0].answer?.channel == .notification)
        #expect(try journal.pendingPrompts().isEmpty)
    }

    @Test func secondAnswer_isRefused_andChangesNothing() throws {
        let journal = try Journal(path: path)
        let prompt = try #require(try journal.recordPrompt(practice: "morning-mindfulness", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60))
        try journal.recordAnswer(Answer(promptID: prompt.id, value: .choice("box"), answeredAt: t0 + 1, channel: .terminal))
        #expect(throws: JournalError.self) {
            try journal.recordAnswer(Answer(promptID: prompt.id, value: .choice("not-now"), answeredAt: t0 + 2, channel: .terminal))
        }
        #expect(try journal.history(limit: 1)[0].answer?.value == .choice("box"))
    }

    @Test func unknownPrompt_isRefused() throws {
        let journal = try Journal(path: path)
        do {
            try journal.recordAnswer(Answer(promptID: 99, value: .done, answeredAt: t0, channel: .terminal))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownPrompt)
        }
    }

    @Test func finish_endsOnlyPendingPrompts() throws {
        let journal = try Journal(path: path)
        let prompt = try #require(try journal.recordPrompt(practice: "sleep-wind-down", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60))
        #expect(try journal.finish(prompt.id, as: .expired, at: t0 + 60))
        #expect(try journal.finish(prompt.id, as: .missed, at: t0 + 61) == false)
        #expect(try journal.prompt(prompt.id)?.outcome == .expired)
    }

    @Test func history_isNewestFirst_andPages() throws {
        let journal = try Journal(path: path)
        for i in 0..<5 {
            _ = try journal.recordPrompt(practice: "evening-reflection", slot: t0 + Double(i) * 86_400, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60)
        }
        let page = try journal.history(limit: 2)
        #expect(page.map(\.prompt.slot) == [t0 + 4 * 86_400, t0 + 3 * 86_400])
        let next = try journal.history(limit: 2, before: page.last!.prompt.slot)
        #expect(next.map(\.prompt.slot) == [t0 + 2 * 86_400, t0 + 86_400])
        #expect(try journal.lastSlot(of: "evening-reflection") == t0 + 4 * 86_400)
    }

    @Test func reschedule_movesDueTime_andCountsSnoozes() throws {
        let journal = try Journal(path: path)
        let prompt = try #require(try journal.recordPrompt(practice: "sleep-wind-down", slot: t0, content: content, createdAt: t0, dueAt: t0, expiresAt: t0 + 60))
        try journal.markDelivered(prompt.id, at: t0, channel: "notification")
        try journal.reschedule(prompt.id, dueAt: t0 + 900, expiresAt: t0 + 8100, at: t0 + 1, snoozed: true)
        let moved = try #require(try journal.prompt(prompt.id))
        #expect(moved.dueAt == t0 + 900)
        #expect(moved.snoozes == 1)
        #expect(moved.deliveredAt == nil)
        #expect(moved.outcome == .pending)
    }

    @Test func checkpointsByHand_leaveTheDatabaseFileAlone_untilAsked() throws {
        func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }
        func fill(_ journal: Journal) throws {
            for n in 0..<1_500 {  // well past SQLite's usual 1000-page checkpoint mark
                let slot = t0 + Double(n)
                _ = try journal.recordPrompt(practice: "wins", slot: slot, content: PromptContent(
                    title: String(repeating: "t", count: 1_500), body: "b", request: .done), createdAt: slot, dueAt: slot, expiresAt: slot + 60)
            }
        }
        let byHand = try Journal(path: directory.file("by-hand.sqlite"), checkpointsByHand: true)
        let before = fileSize(byHand.path)
        try fill(byHand)
        #expect(fileSize(byHand.path) == before, "no checkpoint in the middle of a write")
        byHand.checkpoint()
        #expect(fileSize(byHand.path) > before + 1_000_000, "checkpoint() moves the WAL into the file")

        let automatic = try Journal(path: directory.file("automatic.sqlite"))
        let start = fileSize(automatic.path)
        try fill(automatic)
        #expect(fileSize(automatic.path) > start + 1_000_000, "by default SQLite checkpoints as it goes")
    }

}
