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

    static func followUp(_ key: String) -> Occasion {
        Occasion(reason: .followUp(key: key, after: nil), slot: Date(timeIntervalSince1970: 1_728_000_000), dayNumber: 20_000)
    }

    @Test func entry_asksForOneCheckIn_anHourLaterByDefault() {
        #expect(TriggerJournalPractice.defaultSchedule.isEmpty, "on demand: no calendar of its own")
        #expect(practice.followUps(afterEntry: Self.entry()) == [FollowUp(after: 3600, key: "settle")])
        #expect(practice.followUps(afterEntry: Self.entry(TriggerJournal.followUpForm.id)).isEmpty, "not after its own follow-ups")
    }

    @Test func followUpAfter_isConfigurable_orOff() throws {
        let soon = try TriggerJournalSettings.decode(from: ["follow-up-after": .string("45m")])
        #expect(TriggerJournalPractice(settings: soon).followUps(afterEntry: Self.entry()) == [FollowUp(after: 2700, key: "settle")])
        #expect(TriggerJournalPractice(settings: soon).prompt(for: Self.followUp("settle")).body.hasPrefix("About 45 minutes ago"))
        for (span, opening) in [("20s", "A short while ago"), ("90s", "About 2 minutes ago"), ("3h", "About 3 hours ago"),
                                ("1h 40m", "About 2 hours ago")] {
            let settings = try TriggerJournalSettings.decode(from: ["follow-up-after": .string(span)])
            #expect(TriggerJournalPractice(settings: settings).prompt(for: Self.followUp("settle")).body
                .hasPrefix(opening + " you noted a hard moment."), "\(span)")
        }
        let off = try TriggerJournalSettings.decode(from: ["follow-up-after": .string("off")])
        #expect(TriggerJournalPractice(settings: off).followUps(afterEntry: Self.entry()).isEmpty)
    }

    @Test func badFollowUpAfter_isRejectedWithAHint() {
        for bad in ["soon", "5s", "2d"] {
            let error = settingsError(TriggerJournalSettings.self, ["follow-up-after": .string(bad)])
            #expect(error?.keyPath == ["follow-up-after"], "\(bad)")
            #expect(error?.hint?.contains("\"off\"") == true, "\(bad)")
        }
    }

    @Test func settleQuestion_offersTheSettleTimes_andBringsTheSecondAtOnce() {
        let prompt = practice.prompt(for: Self.followUp("settle"))
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
