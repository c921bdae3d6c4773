import SteadyKit
import Testing

@testable import ReachOut

@Suite struct ReachOutTests {
    @Test func withoutNames_asksOpenly_aboutAWiderCircleInTurn() {
        let practice = ReachOutPractice(settings: .init())
        let bodies = (20_000..<20_003).map { practice.prompt(for: scheduledOccasion(day: $0)).body }
        #expect(Set(bodies) == Set(ReachOutTexts.widerCircle))
        #expect(choices(of: practice.prompt(for: scheduledOccasion())).map(\.key) == ["reached-out", "planned", "not-now"])
    }

    @Test func withNames_namesEachPersonInTurn() throws {
        let settings = try ReachOutSettings.decode(from: ["people": .array([.string("Sam"), .string("Aunt Jo")])])
        let practice = ReachOutPractice(settings: settings)
        let bodies = (20_000..<20_008).map { practice.prompt(for: scheduledOccasion(day: $0)).body }
        #expect(bodies.contains { $0.contains("Sam") })
        #expect(bodies.contains { $0.contains("Aunt Jo") })
    }

    @Test func oneName_isNotSuggestedEveryTime_theWiderCircleTakesTurns() throws {
        let settings = try ReachOutSettings.decode(from: ["people": .array([.string("Alex")])])
        let practice = ReachOutPractice(settings: settings)
        // The default schedule: Wednesdays and Sundays, for six weeks.
        let days = (0..<6).flatMap { week in [20_000 + 7 * week, 20_004 + 7 * week] }
        let named = days.filter { practice.prompt(for: scheduledOccasion(day: $0)).body.contains("Alex") }
        #expect(named.count >= 2, "the partner is still suggested now and then")
        #expect(named.count <= days.count / 2, "but most prompts widen the circle: \(named.count) of \(days.count)")
        let wider = days.map { practice.prompt(for: scheduledOccasion(day: $0)).body }.filter { !$0.contains("Alex") }
        #expect(Set(wider).count >= 2, "the wider-circle suggestions vary")
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
