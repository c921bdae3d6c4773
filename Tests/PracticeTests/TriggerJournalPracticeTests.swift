import BuiltinPractices
import Foundation
import SteadyKit
import Testing

@testable import TriggerJournal

/// The trigger journal's check-in: one after each entry, two questions, nothing of what was
/// written in the notification.
@Suite struct TriggerJournalPracticeTests {
    let practice = TriggerJournalPractice(settings: .init())

    static func entry(_ formID: String = TriggerJournal.form.id) -> FormResponse {
        FormResponse(formID: formID, values: [TriggerJournal.Field.happened: .text("a late reply"),
                                              TriggerJournal.Field.intensity: .number(7)])
    }

    static func followUp(_ key: String, lookBack: Occasion.LookBack? = nil) -> Occasion {
        Occasion(reason: .followUp(key: key, after: nil), slot: Date(timeIntervalSince1970: 1_728_000_000), dayNumber: 20_000,
                 lookBack: lookBack)
    }

    /// An entry written at `then` and a check-in shown at `now`, both "yyyy-MM-dd HH:mm" in UTC.
    static func lookBack(_ then: String, _ now: String) -> Occasion.LookBack {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return Occasion.LookBack(from: formatter.date(from: then)!, to: formatter.date(from: now)!, in: TimeZone(identifier: "UTC")!)
    }

    @Test func entry_asksForOneCheckIn_anHourLaterByDefault() {
        #expect(TriggerJournalPractice.defaultSchedule.isEmpty, "on demand: no calendar of its own")
        #expect(practice.followUps(afterEntry: Self.entry()) == [FollowUp(after: 3600, key: "settle")])
        #expect(practice.followUps(afterEntry: Self.entry(TriggerJournal.followUpForm.id)).isEmpty, "not after its own follow-ups")
    }

    @Test func followUpAfter_isConfigurable_orOff() throws {
        let soon = try TriggerJournalSettings.decode(from: ["follow-up-after": .string("45m")])
        #expect(TriggerJournalPractice(settings: soon).followUps(afterEntry: Self.entry()) == [FollowUp(after: 2700, key: "settle")])
        let off = try TriggerJournalSettings.decode(from: ["follow-up-after": .string("off")])
        #expect(TriggerJournalPractice(settings: off).followUps(afterEntry: Self.entry()).isEmpty)
    }

    /// The words say how long ago the entry was, as seen when the check-in is shown, whatever
    /// the configured delay was (a check-in moved past quiet hours says "last night").
    @Test(arguments: [
        ("2026-12-01 14:05", "2026-12-01 14:05", "A short while ago"),
        ("2026-12-01 14:05", "2026-12-01 14:07", "About 2 minutes ago"),
        ("2026-12-01 14:05", "2026-12-01 14:50", "About 45 minutes ago"),
        ("2026-12-01 14:05", "2026-12-01 15:05", "About an hour ago"),
        ("2026-12-01 14:05", "2026-12-01 15:45", "About 2 hours ago"),
        ("2026-12-01 08:00", "2026-12-01 19:30", "This morning"),
        ("2026-12-01 22:10", "2026-12-02 07:00", "Last night"),
        ("2026-12-01 23:50", "2026-12-02 00:50", "About an hour ago"),
        ("2026-12-02 01:30", "2026-12-02 07:00", "Late last night"),
        ("2026-12-01 16:00", "2026-12-02 07:00", "Yesterday afternoon"),
        ("2026-11-28 16:00", "2026-12-02 07:00", "A few days ago"),
    ])
    func settleQuestion_saysWhenTheEntryWas_fromWhenItIsShown(then: String, now: String, opening: String) {
        let prompt = practice.prompt(for: Self.followUp("settle", lookBack: Self.lookBack(then, now)))
        #expect(prompt.body == "\(opening) you noted a hard moment. How long did it take to settle?")
    }

    @Test func settleQuestion_withoutKnowingWhen_saysEarlier() {
        #expect(practice.prompt(for: Self.followUp("settle")).body == "Earlier you noted a hard moment. How long did it take to settle?")
    }

    @Test func badFollowUpAfter_isRejectedWithAHint() {
        for bad in ["soon", "5s", "2d"] {
            let error = settingsError(TriggerJournalSettings.self, ["follow-up-after": .string(bad)])
            #expect(error?.keyPath == ["follow-up-after"], "\(bad)")
            #expect(error?.hint?.contains("\"off\"") == true, "\(bad)")
        }
    }

    @Test func settleQuestion_offersTheSettleTimes_andBringsTheSecondAtOnce() {
        let prompt = practice.prompt(for: Self.followUp("settle", lookBack: Self.lookBack("2026-12-01 14:05", "2026-12-01 15:05")))
        #expect(prompt.title == "Looking back at earlier")
        #expect(prompt.body == "About an hour ago you noted a hard moment. How long did it take to settle?")
        #expect(choices(of: prompt) == TriggerJournal.settleTimes)
        let reaction = practice.react(to: answer(.choice("few-minutes")), prompt: prompt)
        #expect(reaction.followUps == [FollowUp(after: 0, key: "intensity-now")])
        #expect(reaction.acknowledgement == nil)
    }

    @Test func intensityNow_isRatedOneToTen_andThanked() {
        let prompt = practice.prompt(for: Self.followUp("intensity-now"))
        #expect(prompt.request == .scale(.intensity))
        let reaction = practice.react(to: answer(.number(3)), prompt: prompt)
        #expect(reaction.followUps.isEmpty)
        #expect(reaction.acknowledgement == "Thank you for looking back. Both answers are in your journal.")
    }

    @Test func givenASchedule_itAsksGentlyAndAsksNothingMore() {
        let prompt = practice.prompt(for: scheduledOccasion())
        #expect(choices(of: prompt).map(\.key) == ["noted", "nothing"])
        let reaction = practice.react(to: answer(.choice("nothing")), prompt: prompt)
        #expect(reaction.followUps.isEmpty && reaction.acknowledgement != nil)
    }
}
