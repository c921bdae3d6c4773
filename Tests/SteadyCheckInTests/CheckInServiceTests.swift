import BuiltinPractices
import Foundation
import SteadyCheckIn
import SteadyConfig
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

/// A practice that asks again twenty minutes after a high rating, and at once after a 10
/// (a plugin written for the test, through the same API as the built-in ones).
struct RateAgainPractice: Practice {
    struct Settings: PracticeSettings { init() {} }
    static let id: PracticeID = "rate-again"
    static let displayName = "Rate again"
    static let summary = "Asks how intense things feel, and again later when it was high."
    static let defaultSchedule = ["12:00"]
    init(settings: Settings) {}

    func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .scheduled: PromptContent(title: "How intense is it?", body: "From 1 to 10.", request: .scale(.intensity))
        case .followUp(let key, _): PromptContent(title: "And now?", body: "Key \(key).", request: .scale(.intensity))
        }
    }

    func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        guard case .number(let n) = answer.value else { return .none }
        if n == 10 { return Reaction(followUps: [FollowUp(after: 0, key: "now"), FollowUp(after: 1200, key: "later")]) }
        if n >= 8 { return Reaction(followUps: [FollowUp(after: 1200, key: "later")], acknowledgement: "Noted.") }
        return Reaction(acknowledgement: "Thank you.")
    }
}

/// The check-in service on its own: a real journal file, a config read from TOML, and a
/// clock the test moves.
final class ServiceHarness {
    let directory = TemporaryDirectory(prefix: "steady-checkin")
    let journal: Journal
    let zone = TimeZone(identifier: "UTC")!
    var now: Date
    private(set) var service: CheckInService!

    init(config: String, start: String) throws {
        var registry = BuiltinPractices.registry
        registry.register(RateAgainPractice.self)
        journal = try Journal(path: directory.file("journal.sqlite"))
        let path = try directory.write("config.toml", config)
        now = Self.date(start)
        service = CheckInService(journal: journal, config: try ConfigLoader(registry: registry).load(path: path),
                                 now: { [unowned self] in now }, timeZone: { [zone] in zone })
    }

    /// A fresh service on the same journal and config, as a new process would have.
    func another() -> CheckInService {
        CheckInService(journal: journal, config: service.config, now: { [unowned self] in now }, timeZone: { [zone] in zone })
    }

    /// Moves the clock and lets the service create what came due, as the daemon's tick does.
    func advance(to text: String) {
        now = Self.date(text)
        for setup in service.config.practices { _ = service.createDuePrompts(for: setup, now: now) }
    }

    static func date(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }
}

@Suite struct CheckInServiceTests {
    static let noon = """
        quiet-hours = "22:00..07:00"
        expire-after = "2h"
        [practices.rate-again]
        schedule = "12:00"
        """

    /// A harness with the 12:00 prompt due and waiting.
    static func waitingAtNoon() throws -> (ServiceHarness, PromptRecord) {
        let h = try ServiceHarness(config: noon, start: "2026-12-01 11:00")
        h.service.initializeCursors()
        h.advance(to: "2026-12-01 12:00")
        let prompt = try #require(try h.service.waiting().first)
        return (h, prompt)
    }

    // MARK: answer

    @Test func answer_recordsItDurably_andGivesThePracticesWords() throws {
        let (h, prompt) = try Self.waitingAtNoon()
        let outcome = try h.service.answer(promptID: prompt.id, value: .number(3), note: "a note", channel: .terminal)
        guard case .recorded(let answered) = outcome else { Issue.record("expected a recorded answer, got \(outcome)"); return }
        #expect(answered.acknowledgement == "Thank you.")
        #expect(!answered.lingers && !answered.asksNextRightAway)
        #expect(h.service.reply(to: outcome) == "Thank you.")
        let item = try #require(try h.journal.history(limit: 1).first)
        #expect(item.prompt.outcome == .answered)
        #expect(item.answer?.value == .number(3))
        #expect(item.answer?.note == "a note")
        #expect(try h.service.waiting().isEmpty)
    }

    @Test func answer_refusesAnUnknownPrompt_andOneAlreadyAnswered_changingNothing() throws {
        let (h, prompt) = try Self.waitingAtNoon()
        #expect(throws: CheckInError.noSuchPrompt(999)) {
            try h.service.answer(promptID: 999, value: .number(3), note: nil, channel: .terminal)
        }
        _ = try h.service.answer(promptID: prompt.id, value: .number(3), note: nil, channel: .terminal)
        #expect(throws: CheckInError.alreadyFinished(prompt.id, .answered)) {
            try h.service.answer(promptID: prompt.id, value: .number(5), note: nil, channel: .terminal)
        }
        #expect(try h.journal.history(limit: 1).first?.answer?.value == .number(3))
    }

    @Test func answer_fromAnotherProcess_isRefusedAsAlreadyAnswered() throws {
        let (h, prompt) = try Self.waitingAtNoon()
        let other = h.another()
        _ = try other.answer(promptID: prompt.id, value: .number(2), note: nil, channel: .terminal)
        #expect(throws: CheckInError.alreadyFinished(prompt.id, .answered)) {
            try h.service.answer(promptID: prompt.id, value: .number(4), note: nil, channel: .notification)
        }
    }

    // MARK: follow-ups

    @Test func answer_bringsEachOfItsFollowUps_noneDropped() throws {
        let (h, prompt) = try Self.waitingAtNoon()
        let outcome = try h.service.answer(promptID: prompt.id, value: .number(10), note: nil, channel: .notification)
        guard case .recorded(let answered) = outcome else { Issue.record("expected a recorded answer"); return }
        #expect(answered.asksNextRightAway)
        let followUps = try h.journal.pendingPrompts().filter { $0.kind == .followUp }
        #expect(followUps.map(\.followUpKey) == ["now", "later"])
        #expect(followUps.allSatisfy { $0.parentID == prompt.id })
        #expect(followUps.map(\.dueAt) == [h.now, h.now.addingTimeInterval(1200)])
        #expect(try h.service.waiting().map(\.followUpKey) == ["now"], "only the one due now waits")
        #expect(followUps.allSatisfy(CheckInService.isAskedFor) == false)
        #expect(CheckInService.isAskedFor(followUps[0]), "the next question right after an answer may come in quiet hours")
    }

    @Test func followUpAskedForLater_neverArrivesInQuietHours() throws {
        let h = try ServiceHarness(config: Self.noon.replacingOccurrences(of: "12:00\"", with: "21:50\""), start: "2026-12-01 21:00")
        h.service.initializeCursors()
        h.advance(to: "2026-12-01 21:50")
        let prompt = try #require(try h.service.waiting().first)
        _ = try h.service.answer(promptID: prompt.id, value: .number(8), note: nil, channel: .terminal)
        let followUp = try #require(try h.journal.pendingPrompts().first { $0.kind == .followUp })
        #expect(followUp.dueAt == ServiceHarness.date("2026-12-02 07:00"))
    }

    @Test func entryFollowUps_areScheduled_andClosedWhenFollowedUpInTheTerminal() throws {
        let h = try ServiceHarness(config: "quiet-hours = \"off\"\n[practices.trigger-journal]\nfollow-up-after = \"1h\"\n",
                                   start: "2026-12-01 14:05")
        let entry = try h.journal.recordEntry(
            FormResponse(formID: TriggerJournal.form.id, values: [
                TriggerJournal.Field.happened: .text("a late reply"), TriggerJournal.Field.intensity: .number(7),
            ]), at: h.now)
        #expect(try h.service.scheduleFollowUps(forEntry: entry.id) == [ServiceHarness.date("2026-12-01 15:05")])
        #expect(throws: CheckInError.noSuchEntry(4242)) { try h.service.scheduleFollowUps(forEntry: 4242) }

        let followUp = try h.journal.recordEntry(
            FormResponse(formID: TriggerJournal.followUpForm.id, values: [:]), at: h.now, parentID: entry.id)
        let closed = try h.service.closeFollowUps(ofEntry: entry.id, followUpEntryID: followUp.id)
        #expect(closed.count == 1)
        #expect(closed.promptIDs.count == 1)
        #expect(try h.journal.pendingPrompts().isEmpty)
        #expect(try h.service.closeFollowUps(ofEntry: entry.id, followUpEntryID: followUp.id).count == 0)
    }

    // MARK: Later and Skip

    @Test func later_asksAgainAfterTheSnooze_asOftenAsTheLimitAllows() throws {
        let (h, prompt) = try Self.waitingAtNoon()
        for round in 1...3 {
            let putOff = try h.service.later(promptID: prompt.id)
            guard case .snoozed(_, let until) = putOff else { Issue.record("expected a snooze, got \(putOff)"); return }
            #expect(until == h.now.addingTimeInterval(600))
            #expect(h.service.reply(to: putOff) == "I'll ask again at \(CheckInService.describe(until, now: h.now, zone: h.zone)).")
            #expect(h.service.bubbleWords(for: putOff).hasPrefix("Later, then. I'll ask again at"))
            let moved = try #require(try h.journal.prompt(prompt.id))
            #expect(moved.snoozes == round && moved.dueAt == until && moved.outcome == .pending)
            #expect(try h.service.waiting().isEmpty, "put off: not waiting until it comes back")
            h.now = until
        }
        #expect(throws: CheckInError.snoozeLimitReached(prompt.id, times: 3)) { try h.service.later(promptID: prompt.id) }
        #expect(throws: CheckInError.noSuchPrompt(77)) { try h.service.later(promptID: 77) }
        #expect(try h.journal.prompt(prompt.id)?.outcome == .pending)
    }

    @Test func later_thatWouldFallInQuietHours_letsThePromptRest() throws {
        let h = try ServiceHarness(config: Self.noon.replacingOccurrences(of: "12:00\"", with: "21:55\""), start: "2026-12-01 21:00")
        h.service.initializeCursors()
        h.advance(to: "2026-12-01 21:55")
        let prompt = try #require(try h.service.waiting().first)
        let putOff = try h.service.later(promptID: prompt.id)
        guard case .rested(_, let words) = putOff else { Issue.record("expected a rest, got \(putOff)"); return }
        #expect(words == "Quiet hours begin at 22:00, so I'll let this one rest until next time.")
        #expect(try h.journal.prompt(prompt.id)?.outcome == .suppressed)
    }

    @Test func skip_endsThePromptAsSkipped_once() throws {
        let (h, prompt) = try Self.waitingAtNoon()
        _ = try h.service.skip(promptID: prompt.id, channel: .terminal)
        let item = try #require(try h.journal.history(limit: 1).first)
        #expect(item.prompt.outcome == .skipped && item.answer == nil)
        #expect(throws: CheckInError.alreadyFinished(prompt.id, .skipped)) { try h.service.skip(promptID: prompt.id, channel: .terminal) }
        #expect(throws: CheckInError.noSuchPrompt(55)) { try h.service.skip(promptID: 55, channel: .terminal) }
    }

    // MARK: expiry

    @Test func expiry_endsWhatWasNeverShownAsUndelivered_andWhatWasShownAsExpired() throws {
        let h = try ServiceHarness(config: """
            quiet-hours = "off"
            expire-after = "2h"
            [practices.rate-again]
            schedule = "12:00"
            [practices.evening-reflection]
            schedule = "12:30"
            """, start: "2026-12-01 11:00")
        h.service.initializeCursors()
        h.advance(to: "2026-12-01 12:00")
        h.advance(to: "2026-12-01 12:30")
        let waiting = try h.service.waiting()
        #expect(waiting.count == 2)
        try h.journal.markDelivered(waiting[1].id, at: h.now, channel: "notification")
        h.now = ServiceHarness.date("2026-12-01 14:00")
        #expect(h.service.expireOverdue(now: h.now) == [waiting[0].id], "only what is past its expiry")
        h.now = ServiceHarness.date("2026-12-01 14:30")
        #expect(h.service.expireOverdue(now: h.now) == [waiting[1].id])
        #expect(try h.journal.prompt(waiting[0].id)?.outcome == .undelivered)
        #expect(try h.journal.prompt(waiting[1].id)?.outcome == .expired)
        #expect(h.service.expireOverdue(now: h.now).isEmpty)
    }

    // MARK: what comes next

    @Test func upcoming_includesRandomWindows_withTheTimesTheDaemonWillUse() throws {
        let h = try ServiceHarness(config: """
            quiet-hours = "off"
            daily-limit = 10
            [practices.evening-reflection]
            schedule = []
            random = { between = "10:00..20:00", count = 3, min-gap = "90m" }
            [practices.rate-again]
            schedule = "23:00"
            """, start: "2026-12-01 08:00")
        let upcoming = h.service.upcoming(limit: .max)
        #expect(upcoming.map(\.practice) == ["evening-reflection", "rate-again"])
        let drawn = try #require(try h.journal.randomDraw(of: "evening-reflection", day: "2026-12-01"), "the draw is kept")
        #expect(upcoming[0].at == ServiceHarness.date("2026-12-01 00:00").addingTimeInterval(Double(drawn[0]) * 60))
        #expect(upcoming[1].at == ServiceHarness.date("2026-12-01 23:00"))
        #expect(h.another().upcoming(limit: 1).map(\.at) == [upcoming[0].at], "another process sees the same times")
        #expect(h.service.nextDeadline(now: h.now) == upcoming[0].at)
    }

    @Test func upcoming_withoutAJournal_stillCountsRandomWindows() throws {
        let h = try ServiceHarness(config: """
            [practices.evening-reflection]
            schedule = []
            random = { between = "10:00..20:00", count = 2 }
            """, start: "2026-12-01 08:00")
        let next = SlotFinder(journal: nil).upcoming(of: h.service.config.practices, after: h.now, in: h.zone)
        #expect(next.count == 1)
        #expect(next.allSatisfy { $0.at >= ServiceHarness.date("2026-12-01 10:00") && $0.at < ServiceHarness.date("2026-12-01 20:00") })
    }

    // MARK: the waiting list

    @Test func waiting_listsWhatIsDue_notWhatIsPutOffOrEnded() throws {
        let h = try ServiceHarness(config: """
            quiet-hours = "off"
            daily-limit = 10
            [practices.rate-again]
            schedule = "12:00"
            [practices.evening-reflection]
            schedule = "12:05"
            [practices.sleep-wind-down]
            schedule = "12:10"
            """, start: "2026-12-01 11:00")
        h.service.initializeCursors()
        h.advance(to: "2026-12-01 12:00")
        h.advance(to: "2026-12-01 12:05")
        h.advance(to: "2026-12-01 12:10")
        let all = try h.service.waiting()
        #expect(all.map(\.practice) == ["rate-again", "evening-reflection", "sleep-wind-down"])
        _ = try h.service.later(promptID: all[0].id)
        _ = try h.service.skip(promptID: all[1].id, channel: .terminal)
        #expect(try h.service.waiting().map(\.id) == [all[2].id])
        #expect(try CheckInService.waitingPrompt(all[2].id, in: h.journal).id == all[2].id)
        #expect(throws: CheckInError.alreadyFinished(all[1].id, .skipped)) { try CheckInService.waitingPrompt(all[1].id, in: h.journal) }
    }

    // MARK: errors

    @Test func everyRefusal_saysWhatHappened_andWhatThePersonCanDo() {
        let refusals: [CheckInError] = [
            .noSuchPrompt(12), .alreadyFinished(12, .answered), .snoozeLimitReached(12, times: 3), .noSuchEntry(4),
            .answerDoesNotFit(expectation: "a number from 0 to 10"),
        ]
        #expect(refusals.map(\.description) == [
            "There is no prompt #12; `steady status` lists the ones waiting for an answer.",
            "Prompt #12 is already answered; nothing was changed.",
            "Prompt #12 has come back 3 times, as often as steady asks again. It waits here; answer it or skip it whenever suits you.",
            "There is no entry #4; `steady history --entries` lists them.",
            "That answer did not fit this question (it asks for a number from 0 to 10), so nothing was saved.",
        ])
        #expect(refusals.map(\.kind) == [.notFound, .notFound, .notFound, .notFound, .doesNotFit])
    }
}

/// `CheckInError`'s sentences in German (real gettext over po/de.po), with the count's plural.
@Suite struct CheckInErrorLanguageTests {
    @Test func refusals_speakGerman_andCountInPlural() throws {
        let (none, finished, once, often) = try Catalogues.inLocale("de_DE.UTF-8") {
            (CheckInError.noSuchPrompt(12).description,
             CheckInError.alreadyFinished(12, .answered).description,
             CheckInError.snoozeLimitReached(4, times: 1).description,
             CheckInError.snoozeLimitReached(4, times: 3).description)
        }
        #expect(none == "Es gibt keinen Check-in #12; `steady status` zeigt dir die, die auf eine Antwort warten.")
        #expect(finished == "Check-in #12 ist schon beantwortet; es wurde nichts geändert.")
        #expect(once.hasPrefix("Check-in #4 ist 1 Mal wiedergekommen"), "\(once)")
        #expect(often.hasPrefix("Check-in #4 ist 3 Mal wiedergekommen"), "\(often)")
    }

    @Test func refusals_readAsBefore_inEnglish() {
        #expect(CheckInError.alreadyFinished(12, .skipped).description == "Prompt #12 is already skipped; nothing was changed.")
        #expect(CheckInError.snoozeLimitReached(4, times: 1).description
                == "Prompt #4 has come back 1 time, as often as steady asks again. It waits here; answer it or skip it whenever suits you.")
        #expect(CheckInError.snoozeLimitReached(4, times: 3).description
                == "Prompt #4 has come back 3 times, as often as steady asks again. It waits here; answer it or skip it whenever suits you.")
    }
}
