import BuiltinPractices
import Foundation
import SteadyKit
import Testing

@testable import Asking
@testable import Boundaries
@testable import EveningReflection
@testable import TimeAlone

func followUpOccasion(_ key: String, after value: AnswerValue? = nil, lookBack: Occasion.LookBack? = nil) -> Occasion {
    Occasion(reason: .followUp(key: key, after: value), slot: Date(timeIntervalSince1970: 1_728_000_000), dayNumber: 20_000,
             lookBack: lookBack)
}

/// The check-in after `steady ask`.
@Suite struct AskingPracticeTests {
    let practice = AskingPractice(settings: .init())

    @Test func aRequest_bringsOneCheckIn_aDayLaterByDefault_andNoneAfterOtherEntries() {
        #expect(AskingPractice.id == "asking" && AskingPractice.defaultSchedule.isEmpty)
        let request = FormResponse(formID: NeedRequest.form.id, values: [NeedRequest.Field.request: .text("call me")])
        #expect(practice.followUps(afterEntry: request) == [FollowUp(after: 86_400, key: "how-it-went")])
        #expect(practice.followUps(afterEntry: FormResponse(formID: "win", values: [:])).isEmpty)
    }

    @Test func followUpAfter_isConfigurable_boundedOrOff() throws {
        let soon = try AskingSettings.decode(from: ["follow-up-after": .string("6h")])
        #expect(AskingPractice(settings: soon).followUps(afterEntry: FormResponse(formID: "asking", values: [:]))
            == [FollowUp(after: 21_600, key: "how-it-went")])
        let off = try AskingSettings.decode(from: ["follow-up-after": .string("off")])
        #expect(AskingPractice(settings: off).followUps(afterEntry: FormResponse(formID: "asking", values: [:])).isEmpty)
        for bad in ["10m", "4d", "later"] {
            #expect(settingsError(AskingSettings.self, ["follow-up-after": .string(bad)])?.keyPath == ["follow-up-after"], "\(bad)")
        }
    }

    @Test func howItWent_saysWhenFromWhenItIsShown_andOffersTheOutcomes() {
        let lookBack = Occasion.LookBack(seconds: 20 * 3600, daysBack: 1, minuteOfDay: 21 * 60 + 30)
        let prompt = practice.prompt(for: followUpOccasion("how-it-went", lookBack: lookBack))
        #expect(prompt.body == "Last night you put a request into words. How did it go?")
        #expect(choices(of: prompt) == NeedRequest.outcomes)
        #expect(practice.prompt(for: followUpOccasion("how-it-went")).body.hasPrefix("Earlier you put a request"))
    }

    @Test func wentWell_asksAtOnceWhetherToKeepItAsAWin() {
        let prompt = practice.prompt(for: followUpOccasion("how-it-went"))
        let reaction = practice.react(to: answer(.choice("went-well")), prompt: prompt)
        #expect(reaction.followUps == [FollowUp(after: 0, key: "keep-as-win")])
        let keep = practice.prompt(for: followUpOccasion("keep-as-win", after: .choice("went-well")))
        #expect(choices(of: keep).map(\.key) == ["keep", "no-thanks"])
        #expect(practice.react(to: answer(.choice("keep")), prompt: keep).acknowledgement == NeedRequest.keptAcknowledgement)
    }

    @Test func otherOutcomes_areAcknowledgedKindly_withNothingMore() {
        let prompt = practice.prompt(for: followUpOccasion("how-it-went"))
        for outcome in ["mixed", "not-as-hoped", "not-sent"] {
            let reaction = practice.react(to: answer(.choice(outcome)), prompt: prompt)
            #expect(reaction.followUps.isEmpty && !reaction.skips, "\(outcome)")
            #expect(reaction.acknowledgement == NeedRequest.acknowledgement(of: outcome))
        }
    }
}

/// One small no a week, and resentment as a signal.
@Suite struct BoundariesPracticeTests {
    let practice = BoundariesPractice(settings: .init())

    @Test func weekly_offersToTry_toNoteResentment_orToLetItPass() {
        #expect(BoundariesPractice.defaultSchedule == ["Sun 18:00"])
        let prompt = practice.prompt(for: scheduledOccasion())
        #expect(choices(of: prompt).map(\.key) == ["try", "did", "resentment", "not-now"])
        #expect(practice.react(to: answer(.choice("not-now")), prompt: prompt).skips)
    }

    @Test func invitations_rotateWeekByWeek() {
        let titles = (0..<3).map { practice.prompt(for: scheduledOccasion(day: 20_000 + 7 * $0)).title }
        #expect(Set(titles).count == 3)
    }

    @Test func trying_bringsACheckInThreeDaysLater() {
        let reaction = practice.react(to: answer(.choice("try")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.followUps == [FollowUp(after: 3 * 86_400, key: "how-it-went")])
        let checkIn = practice.prompt(for: followUpOccasion("how-it-went", after: .choice("try")))
        #expect(choices(of: checkIn).map(\.key) == ["said-it", "not-yet"])
    }

    @Test func resentment_asksWhereAtOnce_asText() {
        let reaction = practice.react(to: answer(.choice("resentment")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.followUps == [FollowUp(after: 0, key: "resentment-where")])
        let whereAt = practice.prompt(for: followUpOccasion("resentment-where", after: .choice("resentment")))
        guard case .text = whereAt.request else { Issue.record("expected text: \(whereAt.request)"); return }
        #expect(practice.react(to: answer(.text("extra shifts")), prompt: whereAt).acknowledgement != nil)
    }
}

/// Time alone that grows slowly, from how the last time went.
@Suite struct TimeAlonePracticeTests {
    let practice = TimeAlonePractice(settings: .init())

    func invitation(previous: [String: AnswerValue] = [:], settings: TimeAloneSettings = .init()) -> PromptContent {
        var occasion = scheduledOccasion()
        occasion.previous = previous
        return TimeAlonePractice(settings: settings).prompt(for: occasion)
    }

    @Test func firstTime_offersTheStartingLength() {
        let prompt = invitation()
        #expect(choices(of: prompt).map(\.key) == ["start-15", "not-now"])
        #expect(prompt.body.hasPrefix("15 minutes, with something you enjoy"))
    }

    @Test func start_marksTheStart_asksHowAnxiousAtOnce_andTheEndWhenTheTimeIsUp() {
        let reaction = practice.react(to: answer(.choice("start-20")), prompt: invitation())
        #expect(reaction.followUps == [FollowUp(after: 0, key: "before"), FollowUp(after: 1200, key: "end")])
        for key in ["before", "end"] {
            #expect(practice.prompt(for: followUpOccasion(key, after: .choice("start-20"))).request == .scale(.intensity), "\(key)")
        }
    }

    @Test func aTimeThatWentAllRight_makesTheNextALittleLonger() {
        let easier: [String: AnswerValue] = ["": .choice("start-15"), "before": .number(6), "end": .number(4)]
        let prompt = invitation(previous: easier)
        #expect(choices(of: prompt).first?.key == "start-20")
        #expect(prompt.body.hasPrefix("20 minutes, a little longer than last time"))
        // Settled at the end counts too, even if it began low.
        #expect(choices(of: invitation(previous: ["": .choice("start-30"), "before": .number(1), "end": .number(3)])).first?.key == "start-35")
    }

    @Test func aHarderTime_orNoEnding_keepsTheSameLength() {
        #expect(choices(of: invitation(previous: ["": .choice("start-25"), "before": .number(4), "end": .number(7)])).first?.key == "start-25")
        #expect(choices(of: invitation(previous: ["": .choice("start-25"), "before": .number(4)])).first?.key == "start-25")
    }

    @Test func growth_stopsAtTheLongest() throws {
        let settings = try TimeAloneSettings.decode(from: ["minutes": .integer(10), "step": .integer(10), "longest": .integer(30)])
        let last: [String: AnswerValue] = ["": .choice("start-30"), "before": .number(5), "end": .number(2)]
        #expect(choices(of: invitation(previous: last, settings: settings)).first?.key == "start-30")
        #expect(!invitation(previous: last, settings: settings).body.contains("longer"))
    }

    @Test func settings_areBounded() {
        #expect(settingsError(TimeAloneSettings.self, ["minutes": .integer(2)])?.keyPath == ["minutes"])
        #expect(settingsError(TimeAloneSettings.self, ["step": .integer(0)])?.keyPath == ["step"])
        #expect(settingsError(TimeAloneSettings.self, ["minutes": .integer(30), "longest": .integer(20)])?.keyPath == ["longest"])
    }
}

/// The evening reflection's feeling word, as the next question.
@Suite struct EveningFeelingTests {
    let practice = EveningReflectionPractice(settings: .init())

    @Test func aRating_bringsTheFeelingQuestionAtOnce() {
        let reaction = practice.react(to: answer(.number(2)), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.followUps == [FollowUp(after: 0, key: "feeling")])
        #expect(reaction.acknowledgement == EveningReflectionTexts.lowAcknowledgement)
    }

    @Test func feelingQuestion_offersAFewWords_andAnotherWord_whichAsksForItAsText() {
        let feeling = practice.prompt(for: followUpOccasion("feeling", after: .number(2)))
        #expect(choices(of: feeling).map(\.key) == Feelings.eveningWords.map(\.key) + ["own"])
        #expect(practice.react(to: answer(.choice("own")), prompt: feeling).followUps == [FollowUp(after: 0, key: "feeling-own")])
        let own = practice.prompt(for: followUpOccasion("feeling-own", after: .choice("own")))
        guard case .text = own.request else { Issue.record("expected text: \(own.request)"); return }
        #expect(practice.react(to: answer(.text("wistful")), prompt: own).acknowledgement == EveningReflectionTexts.feelingAcknowledgement)
        #expect(practice.react(to: answer(.choice("calm")), prompt: feeling).followUps.isEmpty)
    }
}
