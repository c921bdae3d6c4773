import Foundation
import SteadyCheckIn
import SteadyJournal
import SteadyKit
import Testing
@testable import SteadyDaemon

/// Back-off, snooze, skip and random windows on the fake clock.
@Suite struct EngineSparingTests {
    static let hourly = """
        quiet-hours = "off"
        daily-limit = 24
        expire-after = "30m"
        [practices.evening-reflection]
        schedule = "*:00"
        """

    /// Lets the next slot fire and, as a notification server would, shows the prompt.
    private func nextSlotShown(_ h: EngineHarness) throws -> PromptRecord? {
        h.clock.advance(by: 3600)
        guard let prompt = try h.prompts().last else { return nil }
        if prompt.outcome == .pending { try h.journal.markDelivered(prompt.id, at: h.clock.now, channel: "notification") }
        return prompt
    }

    @Test func backOff_afterThreeUnanswered_asksEverySecondSlot_untilAnswered() throws {
        let h = try EngineHarness(config: Self.hourly, start: "2026-12-01 08:00:30")
        var outcomes: [String] = []
        for _ in 0..<13 {
            let prompt = try #require(try nextSlotShown(h))
            outcomes.append(prompt.outcome == .suppressed ? "left out" : "asked")
        }
        // 3 unanswered (expired) in a row → every second slot; 6 → every fourth.
        #expect(outcomes == ["asked", "asked", "asked", "left out", "asked", "left out", "asked", "left out",
                             "asked", "left out", "left out", "left out", "asked"])
        let reasons = try h.journal.recentOutcomes(of: "evening-reflection", limit: 13).filter { $0.outcome == .suppressed }.map(\.reason)
        #expect(reasons.allSatisfy { $0 == "back-off" })

        // An answer resets it: the person answers the one just asked, and the next slot is asked.
        let pending = try #require(try h.journal.pendingPrompts().last)
        _ = try h.engine.answerFromTerminal(promptID: pending.id, value: .number(4), note: nil)
        let next = try #require(try nextSlotShown(h))
        #expect(next.outcome == .pending)
    }

    @Test func backOff_canBeTurnedOff() throws {
        let h = try EngineHarness(config: "back-off = false\n" + Self.hourly, start: "2026-12-01 08:00:30")
        for _ in 0..<6 { _ = try nextSlotShown(h) }
        #expect(try h.prompts().allSatisfy { $0.outcome != .suppressed })
    }

    @Test func later_putsOffTenMinutes_atMostThreeTimes() throws {
        let h = try EngineHarness(config: Self.hourly, start: "2026-12-01 08:59")
        h.clock.advance(by: 60)
        let prompt = try #require(try h.journal.pendingPrompts().first)
        for round in 1...3 {
            let reply = try h.engine.handleWithoutAnswer(promptID: prompt.id, skip: false)
            #expect(reply.hasPrefix("I'll ask again at"))
            let moved = try #require(try h.journal.prompt(prompt.id))
            #expect(moved.snoozes == round)
            #expect(moved.dueAt == h.clock.now.addingTimeInterval(600))
            #expect(h.engine.actions(for: moved).contains { $0.key == GenericAction.later } == (round < 3))
            h.clock.advance(by: 600)
        }
        #expect(throws: CheckInError.self) { try h.engine.handleWithoutAnswer(promptID: prompt.id, skip: false) }
        #expect(try h.journal.prompt(prompt.id)?.outcome == .pending)
    }

    @Test func skip_endsThePromptAsSkipped_withoutAnAnswer() throws {
        let h = try EngineHarness(config: Self.hourly, start: "2026-12-01 08:59")
        h.clock.advance(by: 60)
        let prompt = try #require(try h.journal.pendingPrompts().first)
        _ = try h.engine.handleWithoutAnswer(promptID: prompt.id, skip: true)
        let item = try #require(try h.journal.history(limit: 1).first)
        #expect(item.prompt.outcome == .skipped)
        #expect(item.answer == nil)
    }

    @Test func practiceSnooze_isAPutOff_notAnAnswer() throws {
        let config = """
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "22:00"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 21:59")
        h.clock.advance(by: 60)
        let prompt = try #require(try h.journal.pendingPrompts().first)
        _ = try h.engine.answerFromTerminal(promptID: prompt.id, value: .choice("15-more-minutes"), note: nil)
        let moved = try #require(try h.journal.prompt(prompt.id))
        #expect(moved.outcome == .pending)
        #expect(moved.dueAt == h.date("2026-12-01 22:15"))
        _ = try h.engine.answerFromTerminal(promptID: prompt.id, value: .choice("heading-to-bed"), note: nil)
        #expect(try h.journal.history(limit: 1).first?.answer?.value == .choice("heading-to-bed"))
    }

    @Test func randomWindow_drawsOncePerDay_keepsThemAcrossRestarts_andRespectsTheGap() throws {
        let config = """
            quiet-hours = "off"
            daily-limit = 10
            [practices.evening-reflection]
            schedule = []
            random = { between = "10:00..20:00", count = 3, min-gap = "90m" }
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 00:00")
        let drawn = try #require(try h.journal.randomDraw(of: "evening-reflection", day: "2026-12-01"))
        #expect(drawn.count == 3)
        #expect(drawn.allSatisfy { (600..<1200).contains($0) })
        #expect(zip(drawn, drawn.dropFirst()).allSatisfy { $1 - $0 >= 90 })
        h.crashAndRestart()
        #expect(try h.journal.randomDraw(of: "evening-reflection", day: "2026-12-01") == drawn)
        h.clock.advance(by: 86_400)
        let slots = try h.prompts().map(\.slot)
        #expect(slots == drawn.map { h.date("2026-12-01 00:00").addingTimeInterval(Double($0) * 60) })
        #expect(try h.journal.randomDraw(of: "evening-reflection", day: "2026-12-02")?.count == 3)
    }
}
