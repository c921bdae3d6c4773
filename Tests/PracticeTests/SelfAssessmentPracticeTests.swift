import SteadyKit
import Testing

@testable import SelfAssessment

@Suite struct SelfAssessmentPracticeTests {
    let practice = SelfAssessmentPractice(settings: .init())

    @Test func runsMonthly_onTheFirstSaturday() {
        #expect(SelfAssessmentPractice.defaultSchedule == ["Sat *-*-01..07 10:00"])
    }

    @Test func prompt_invitesToRunSteadyAssess() {
        let prompt = practice.prompt(for: scheduledOccasion())
        #expect(prompt.body.contains("steady assess"))
        #expect(choices(of: prompt).map(\.key) == ["done", "tomorrow", "not-now"])
    }

    @Test func tomorrow_snoozesADay() {
        let reaction = practice.react(to: answer(.choice("tomorrow")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.snooze == 86_400)
        #expect(!reaction.skips)
    }

    @Test func notThisMonth_skips() {
        let reaction = practice.react(to: answer(.choice("not-now")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.skips)
        #expect(reaction.snooze == nil)
    }

    @Test func done_isAnAnswer() {
        let reaction = practice.react(to: answer(.choice("done")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(!reaction.skips)
        #expect(reaction.snooze == nil)
    }
}
