import Foundation
import SteadyJournal
import SteadyKit
import Testing
@testable import SteadyDaemon

/// A practice that asks again twenty minutes after a high rating (a plugin written for the
/// test, through the same API as the built-in ones).
struct CheckAgainPractice: Practice {
    struct Settings: PracticeSettings { init() {} }
    static let id: PracticeID = "check-again"
    static let displayName = "Check again"
    static let summary = "Asks how intense things feel, and again later when it was high."
    static let defaultSchedule = ["12:00"]
    init(settings: Settings) {}

    func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .scheduled:
            PromptContent(title: "How intense is it?", body: "From 1 to 10.", request: .scale(.intensity))
        case .followUp(let key, let earlier):
            PromptContent(title: "And now?", body: "Earlier: \(earlier?.description ?? "?"), key \(key).", request: .scale(.intensity))
        }
    }

    func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        if case .number(let n) = answer.value, n >= 8 { return Reaction(followUps: [FollowUp(after: 1200, key: "re-rate")]) }
        return .none
    }
}

@Suite struct EngineFollowUpTests {
    static var registry: PracticeRegistry {
        var registry = PracticeRegistry()
        registry.register(CheckAgainPractice.self)
        return registry
    }

    @Test func highRating_schedulesAFollowUp_twentyMinutesLater_throughTheJournal() throws {
        let h = try EngineHarness(config: "quiet-hours = \"off\"\n[practices.check-again]\n", start: "2026-12-01 11:59", registry: Self.registry)
        h.clock.advance(by: 60)
        let first = try #require(try h.journal.pendingPrompts().first)
        _ = try h.engine.answerFromTerminal(promptID: first.id, value: .number(9), note: nil)
        let answeredAt = h.clock.now
        #expect(try h.journal.pendingPrompts().first?.dueAt == answeredAt.addingTimeInterval(1200))
        #expect(h.clock.nextDeadline == answeredAt.addingTimeInterval(1200))

        h.clock.advance(by: 1200)
        let followUp = try #require(try h.journal.pendingPrompts().first)
        #expect(followUp.kind == .followUp)
        #expect(followUp.parentID == first.id)
        #expect(followUp.followUpKey == "re-rate")
        #expect(followUp.content.title == "And now?")
        #expect(followUp.content.body.contains("Earlier: 9"))

        // A restart does not repeat it.
        h.crashAndRestart()
        #expect(try h.prompts().filter { $0.kind == .followUp }.count == 1)
    }

    @Test func lowRating_schedulesNothing() throws {
        let h = try EngineHarness(config: "quiet-hours = \"off\"\n[practices.check-again]\n", start: "2026-12-01 11:59", registry: Self.registry)
        h.clock.advance(by: 60)
        let first = try #require(try h.journal.pendingPrompts().first)
        _ = try h.engine.answerFromTerminal(promptID: first.id, value: .number(3), note: nil)
        #expect(try h.journal.pendingPrompts().isEmpty)
        h.clock.advance(by: 3600)
        #expect(try h.prompts().count == 1)
    }
}
