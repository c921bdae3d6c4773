import SteadyKit
import Testing

@testable import EveningReflection

@Suite struct EveningReflectionTests {
    let practice = EveningReflectionPractice(settings: .init())

    @Test func defaults_askAtNine_andRotateQuestions() {
        #expect(EveningReflectionPractice.defaultSchedule == ["21:00"])
        #expect(EveningReflectionSettings().focus == .rotate)
    }

    @Test func prompt_asksForAOneToFiveScale() {
        let prompt = practice.prompt(for: scheduledOccasion())
        guard case .scale(let scale) = prompt.request else {
            Issue.record("expected a scale, got \(prompt.request)")
            return
        }
        #expect(scale.range == 1...5)
        #expect(prompt.body.hasSuffix(EveningReflectionTexts.rating))
    }

    @Test func rotate_alternatesBetweenWentWellAndFeltSecure() {
        let bodies = (20_000...20_001).map { practice.prompt(for: scheduledOccasion(day: $0)).body }
        #expect(bodies.contains { $0.hasPrefix(EveningReflectionTexts.wentWell) })
        #expect(bodies.contains { $0.hasPrefix(EveningReflectionTexts.feltSecure) })
    }

    @Test func fixedFocus_asksTheSameQuestionEveryDay() throws {
        let settings = try EveningReflectionSettings.decode(from: ["focus": .string("felt-secure")])
        let practice = EveningReflectionPractice(settings: settings)
        for day in 20_000...20_003 {
            #expect(practice.prompt(for: scheduledOccasion(day: day)).body.hasPrefix(EveningReflectionTexts.feltSecure))
        }
    }

    @Test(arguments: 1...5)
    func everyRating_isAcknowledged_withoutSkipping(rating: Int) {
        let prompt = practice.prompt(for: scheduledOccasion())
        let reaction = practice.react(to: answer(.number(rating), note: "a walk at lunch"), prompt: prompt)
        #expect(reaction.acknowledgement?.isEmpty == false)
        #expect(!reaction.skips)
        #expect(reaction.snooze == nil)
    }

    @Test func feelingWord_followsARating_unlessTurnedOff() throws {
        let practice = EveningReflectionPractice(settings: .init())
        let rating = answer(.number(4), note: nil)
        let content = practice.prompt(for: scheduledOccasion())
        #expect(practice.react(to: rating, prompt: content).followUps.map(\.key) == [EveningReflectionPractice.feelingKey])
        let settings = try EveningReflectionSettings.decode(from: ["feeling-word": .bool(false)])
        let quiet = EveningReflectionPractice(settings: settings)
        #expect(quiet.react(to: rating, prompt: content).followUps.isEmpty)
    }

    @Test func lowRating_getsAGentleAcknowledgement() {
        let prompt = practice.prompt(for: scheduledOccasion())
        let reaction = practice.react(to: answer(.number(1)), prompt: prompt)
        #expect(reaction.acknowledgement == EveningReflectionTexts.lowAcknowledgement)
    }

    @Test func scale_acceptsTypedNumbersInsideRangeOnly() throws {
        let request = AnswerRequest.scale(EveningReflectionPractice.scale)
        #expect(try request.parse("4") == .number(4))
        #expect(throws: AnswerError.self) { try request.parse("6") }
    }

    @Test func settings_withMisspelledKey_suggestTheRightOne() {
        let error = settingsError(EveningReflectionSettings.self, ["focs": .string("rotate")])
        #expect(error?.hint == "did you mean 'focus'?")
    }

    @Test func settings_withUnknownFocus_listTheOptions() {
        let error = settingsError(EveningReflectionSettings.self, ["focus": .string("gratitude")])
        #expect(error?.keyPath == ["focus"])
        #expect(error?.message.contains("rotate, went-well, felt-secure") == true)
    }
}
