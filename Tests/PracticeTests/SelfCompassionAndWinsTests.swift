import SteadyKit
import Testing

@testable import SelfCompassion
@testable import Wins

@Suite struct SelfCompassionTests {
    let practice = SelfCompassionPractice(settings: .init())

    @Test func prompt_asksForText_andRotatesDaily() {
        let prompts = (20_000..<20_003).map { practice.prompt(for: scheduledOccasion(day: $0)) }
        #expect(Set(prompts.map(\.title)).count == 3)
        for prompt in prompts {
            #expect(prompt.request == .text(placeholder: SelfCompassionTexts.placeholder))
        }
    }

    @Test func oneRotation_asksWhatYouWouldTellAFriend() {
        let bodies = (20_000..<20_003).map { practice.prompt(for: scheduledOccasion(day: $0)).body }
        #expect(bodies.contains { $0.contains("friend") })
    }

    @Test func answer_isAcknowledged_withoutFollowUps() {
        let reaction = practice.react(to: answer(.text("You did your best today.")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction == Reaction(acknowledgement: SelfCompassionTexts.acknowledgement))
    }

    @Test func settings_haveNoKeys_andSayso() {
        let error = settingsError(SelfCompassionSettings.self, ["mood": .string("kind")])
        #expect(error?.hint == "this practice has no settings")
    }
}

@Suite struct WinsTests {
    let practice = WinsPractice(settings: .init())

    @Test func prompt_asksForText() {
        #expect(practice.prompt(for: scheduledOccasion()).request == .text(placeholder: WinsTexts.placeholder))
    }

    @Test func rotation_coversEvidenceAgainstAFear_andASmallWin() {
        let titles = (20_000..<20_003).map { practice.prompt(for: scheduledOccasion(day: $0)).title }
        #expect(titles.contains("Evidence for the other side"))
        #expect(titles.contains("A small win"))
    }

    @Test func answer_isAcknowledged() {
        let reaction = practice.react(to: answer(.text("She called back.")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.acknowledgement == WinsTexts.acknowledgement)
        #expect(!reaction.skips)
    }
}
