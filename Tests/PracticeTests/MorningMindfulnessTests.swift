import SteadyKit
import Testing

@testable import MorningMindfulness

@Suite struct MorningMindfulnessTests {
    let practice = MorningMindfulnessPractice(settings: .init())

    @Test func defaults_suggestBoxBreathing_onWeekdayAndWeekendMornings() {
        #expect(MorningMindfulnessSettings().technique == .box)
        #expect(MorningMindfulnessPractice.defaultSchedule == ["Mon..Fri 07:30", "Sat,Sun 09:00"])
        #expect(MorningMindfulnessPractice.id == "morning-mindfulness")
    }

    @Test(arguments: MorningMindfulnessSettings.Technique.allCases)
    func prompt_namesTheConfiguredTechnique_withItsHowTo(technique: MorningMindfulnessSettings.Technique) {
        var settings = MorningMindfulnessSettings()
        settings.technique = technique
        let prompt = MorningMindfulnessPractice(settings: settings).prompt(for: scheduledOccasion())
        #expect(prompt.body.hasPrefix("\(technique.pattern.name): \(technique.pattern.howTo.lowercasingFirst)"))
        #expect(choices(of: prompt).first?.key == technique.rawValue)
    }

    @Test func prompt_offersEveryPracticeAndNotNow() {
        let keys = choices(of: practice.prompt(for: scheduledOccasion())).map(\.key)
        #expect(keys == ["box", "4-7-8", "coherent", "grounding", "not-now"])
    }

    @Test func prompt_wordingChangesFromDayToDay_butNotWithinADay() {
        let monday = practice.prompt(for: scheduledOccasion(day: 20_000))
        let tuesday = practice.prompt(for: scheduledOccasion(day: 20_001))
        #expect(monday.title != tuesday.title)
        #expect(monday == practice.prompt(for: scheduledOccasion(day: 20_000)))
    }

    @Test func notNow_skipsThePrompt_kindly() {
        let prompt = practice.prompt(for: scheduledOccasion())
        let reaction = practice.react(to: answer(.choice("not-now")), prompt: prompt)
        #expect(reaction.skips)
        #expect(reaction.snooze == nil)
        #expect(reaction.acknowledgement != nil)
    }

    @Test(arguments: ["4-7-8", "box", "coherent", "grounding"])
    func doneChoices_areRecordedAsAnswered(key: String) {
        let prompt = practice.prompt(for: scheduledOccasion())
        let reaction = practice.react(to: answer(.choice(key)), prompt: prompt)
        #expect(!reaction.skips)
        #expect(reaction.followUps.isEmpty)
        #expect(reaction.acknowledgement?.isEmpty == false)
    }

    @Test func settings_readTechniqueFromTable() throws {
        let settings = try MorningMindfulnessSettings.decode(from: ["technique": .string("4-7-8")])
        #expect(settings.technique == .fourSevenEight)
        #expect(try MorningMindfulnessSettings.decode(from: [:]) == MorningMindfulnessSettings())
    }

    @Test func settings_withMisspelledKey_suggestTheRightOne() {
        let error = settingsError(MorningMindfulnessSettings.self, ["tehcnique": .string("box")])
        #expect(error?.keyPath == ["tehcnique"])
        #expect(error?.hint == "did you mean 'technique'?")
    }

    @Test func settings_withUnknownTechnique_listTheOptions() {
        let error = settingsError(MorningMindfulnessSettings.self, ["technique": .string("squar")])
        #expect(error?.keyPath == ["technique"])
        #expect(error?.message.contains("4-7-8, box, coherent") == true)
    }

    @Test func settings_withNearlyRightTechnique_suggestIt() {
        let error = settingsError(MorningMindfulnessSettings.self, ["technique": .string("boxx")])
        #expect(error?.message.contains("did you mean 'box'?") == true)
    }

    @Test func settings_withWrongType_sayWhatWasExpected() {
        let error = settingsError(MorningMindfulnessSettings.self, ["technique": .integer(4)])
        #expect(error?.keyPath == ["technique"])
        #expect(error?.message == "expected a string")
    }
}
