import SteadyKit
import Testing

@testable import ReachOut

@Suite struct ReachOutTests {
    @Test func withoutNames_asksOpenly() {
        let prompt = ReachOutPractice(settings: .init()).prompt(for: scheduledOccasion())
        #expect(prompt.body == ReachOutTexts.openBody)
        #expect(choices(of: prompt).map(\.key) == ["reached-out", "planned", "not-now"])
    }

    @Test func withNames_namesEachPersonInTurn() throws {
        let settings = try ReachOutSettings.decode(from: ["people": .array([.string("Sam"), .string("Aunt Jo")])])
        let practice = ReachOutPractice(settings: settings)
        let bodies = (20_000...20_001).map { practice.prompt(for: scheduledOccasion(day: $0)).body }
        #expect(bodies.contains { $0.contains("Sam") })
        #expect(bodies.contains { $0.contains("Aunt Jo") })
    }

    @Test func notNow_skips_andOtherChoicesAreAnswers() {
        let practice = ReachOutPractice(settings: .init())
        let prompt = practice.prompt(for: scheduledOccasion())
        #expect(practice.react(to: answer(.choice("not-now")), prompt: prompt).skips)
        #expect(!practice.react(to: answer(.choice("reached-out")), prompt: prompt).skips)
        #expect(!practice.react(to: answer(.choice("planned")), prompt: prompt).skips)
    }

    @Test func reachedOut_acknowledgesTheReachingNotTheReply() {
        let practice = ReachOutPractice(settings: .init())
        let reaction = practice.react(to: answer(.choice("reached-out")), prompt: practice.prompt(for: scheduledOccasion()))
        #expect(reaction.acknowledgement == ReachOutTexts.reachedOutAcknowledgement)
    }

    @Test func settings_withEmptyName_pointAtIt() {
        let error = settingsError(ReachOutSettings.self, ["people": .array([.string("Sam"), .string("  ")])])
        #expect(error?.keyPath == ["people", "[1]"])
    }

    @Test func settings_withNamesNotInAList_sayAListIsExpected() {
        let error = settingsError(ReachOutSettings.self, ["people": .string("Sam")])
        #expect(error?.keyPath == ["people"])
    }

    @Test func settings_withMisspelledKey_suggestTheRightOne() {
        let error = settingsError(ReachOutSettings.self, ["peple": .array([])])
        #expect(error?.hint == "did you mean 'people'?")
    }
}
