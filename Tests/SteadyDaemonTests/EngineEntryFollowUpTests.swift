import Foundation
import SteadyCheckIn
import SteadyJournal
import SteadyKit
import Testing
@testable import SteadyDaemon

/// The trigger journal's check-in: an entry written with `steady log trigger` brings a
/// prompt `follow-up-after` later (how long it took to settle), whose answer brings the
/// second question at once (how strong it is now), all linked to the entry.
@Suite struct EngineEntryFollowUpTests {
    static let config = """
        quiet-hours = "22:30..07:00"
        [safety]
        contacts = ["Sam 07700 900123"]
        [practices.trigger-journal]
        follow-up-after = "1h"
        """

    /// Writes a trigger journal entry at the harness's now, as `steady log trigger` does.
    static func writeEntry(_ h: EngineHarness, intensity: Int = 7) throws -> EntryRecord {
        try h.journal.recordEntry(
            FormResponse(formID: TriggerJournal.form.id, values: [
                TriggerJournal.Field.happened: .text("a late reply"), TriggerJournal.Field.intensity: .number(intensity),
            ]), at: h.clock.now)
    }

    @Test func entry_bringsACheckInAnHourLater_andItsSecondQuestionAtOnce() throws {
        let h = try EngineHarness(config: Self.config, start: "2026-12-01 14:05")
        let entry = try Self.writeEntry(h)
        let dates = try h.engine.scheduleFollowUps(forEntry: entry.id)
        #expect(dates == [h.date("2026-12-01 15:05")])
        #expect(h.clock.nextDeadline == h.date("2026-12-01 15:05"), "the timer is armed for it")

        h.clock.advance(by: 3600)
        let settle = try #require(try h.journal.pendingPrompts().first)
        #expect(settle.practice == "trigger-journal" && settle.kind == .followUp && settle.followUpKey == "settle")
        #expect(settle.entryID == entry.id)
        // Not shown yet (no notification server): the words do not guess when it will be.
        #expect(settle.content.body == "Earlier you noted a hard moment. How long did it take to settle?")
        #expect(settle.content.request == .choices(TriggerJournal.settleTimes))
        // What the person wrote never goes into a notification.
        #expect(!settle.content.body.contains("late reply") && !settle.content.title.contains("late reply"))

        h.clock.advance(by: 20)  // reading it
        let first = try h.engine.answerFromTerminal(promptID: settle.id, value: .choice("half-hour"), note: nil)
        #expect(first == nil, "no acknowledgement yet: the next question follows")
        let now = try #require(try h.journal.pendingPrompts().first)
        #expect(now.followUpKey == "intensity-now" && now.parentID == settle.id && now.entryID == entry.id)
        #expect(now.dueAt == h.clock.now && now.content.request == .scale(.intensity))

        let second = try h.engine.answerFromTerminal(promptID: now.id, value: .number(4), note: nil)
        #expect(second == "Thank you for looking back. Both answers are in your journal.")
        #expect(try h.journal.pendingPrompts().isEmpty)
        // Answered on the notification, the entry no longer waits for `--follow-up`.
        #expect(try h.journal.entriesAwaitingFollowUp(kind: TriggerJournal.form.id, followUpKind: TriggerJournal.followUpForm.id).isEmpty)
    }

    @Test func checkIn_dueInQuietHours_waitsForTheirEnd() throws {
        let h = try EngineHarness(config: Self.config, start: "2026-12-01 22:10")
        let entry = try Self.writeEntry(h)
        #expect(try h.engine.scheduleFollowUps(forEntry: entry.id) == [h.date("2026-12-02 07:00")])
        h.clock.advance(by: 3600)
        #expect(try h.journal.pendingPrompts().allSatisfy { $0.dueAt == h.date("2026-12-02 07:00") })
        #expect(try h.journal.pendingPrompts().count == 1)
    }

    @Test func followingUpInTheTerminal_closesTheWaitingCheckIn() throws {
        let h = try EngineHarness(config: Self.config, start: "2026-12-01 14:05")
        let entry = try Self.writeEntry(h)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(by: 3600)
        let followUp = try h.journal.recordEntry(
            FormResponse(formID: TriggerJournal.followUpForm.id, values: [TriggerJournal.FollowUpField.intensity: .number(3)]),
            at: h.clock.now, parentID: entry.id)
        #expect(try h.engine.closeFollowUps(ofEntry: entry.id, followUpEntryID: followUp.id) == 1)
        #expect(try h.journal.pendingPrompts().isEmpty)
        let ended = try #require(try h.prompts().first)
        #expect(ended.outcome == .answered)
        #expect(try h.engine.closeFollowUps(ofEntry: entry.id, followUpEntryID: followUp.id) == 0, "nothing left to close")
    }

    @Test func intensityNowAtTheTop_answersWithTheSafetyResponse_andBelowItDoesNot() throws {
        for (rating, safety) in [(10, true), (9, false)] {
            let h = try EngineHarness(config: Self.config, start: "2026-12-01 14:05")
            let entry = try Self.writeEntry(h)
            _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
            h.clock.advance(by: 3600)
            let settle = try #require(try h.journal.pendingPrompts().first)
            h.clock.advance(by: 20)
            _ = try h.engine.answerFromTerminal(promptID: settle.id, value: .choice("still-settling"), note: nil)
            let now = try #require(try h.journal.pendingPrompts().first)
            let said = try #require(try h.engine.answerFromTerminal(promptID: now.id, value: .number(rating), note: nil))
            #expect(said.contains("Sam 07700 900123") == safety, "\(rating): \(said)")
            #expect(said.contains("emergency") == safety, "\(rating): \(said)")
        }
    }

    @Test func followUpOff_orPracticeNotConfigured_schedulesNothing() throws {
        for config in ["[practices.trigger-journal]\nfollow-up-after = \"off\"\n", "[practices.wins]\n"] {
            let h = try EngineHarness(config: config, start: "2026-12-01 14:05")
            let entry = try Self.writeEntry(h)
            #expect(try h.engine.scheduleFollowUps(forEntry: entry.id).isEmpty, "\(config)")
            h.clock.advance(by: 7200)
            #expect(try h.prompts().allSatisfy { $0.practice != "trigger-journal" }, "\(config)")
        }
    }

    @Test func unknownEntry_isRefusedWithAReason() throws {
        let h = try EngineHarness(config: Self.config, start: "2026-12-01 14:05")
        #expect(throws: CheckInError.self) { try h.engine.scheduleFollowUps(forEntry: 42) }
    }
}

/// Regression: two entries' check-ins moved to the same end of quiet hours were one prompt.
@Suite struct EngineEntryFollowUpCollisionTests {
    @Test func twoEntriesInQuietHours_eachKeepTheirOwnCheckIn() throws {
        let h = try EngineHarness(config: EngineEntryFollowUpTests.config, start: "2026-12-01 22:40")
        let first = try EngineEntryFollowUpTests.writeEntry(h)
        #expect(try h.engine.scheduleFollowUps(forEntry: first.id) == [h.date("2026-12-02 07:00")])
        h.clock.advance(by: 900)
        let second = try EngineEntryFollowUpTests.writeEntry(h, intensity: 8)
        #expect(try h.engine.scheduleFollowUps(forEntry: second.id) == [h.date("2026-12-02 07:00")])

        let waiting = try h.journal.pendingPrompts()
        #expect(waiting.map(\.entryID) == [first.id, second.id], "each entry keeps its check-in")
        #expect(waiting.allSatisfy { $0.dueAt == h.date("2026-12-02 07:00") && $0.followUpKey == "settle" })
    }

    @Test func scheduledAgainForTheSameEntry_isStillOneCheckIn() throws {
        let h = try EngineHarness(config: EngineEntryFollowUpTests.config, start: "2026-12-01 14:05")
        let entry = try EngineEntryFollowUpTests.writeEntry(h)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(by: 5)  // the CLI asked again after a timeout
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        #expect(try h.journal.pendingPrompts().count == 1)
    }
}
