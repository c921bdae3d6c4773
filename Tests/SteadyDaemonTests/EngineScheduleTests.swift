import Foundation
import SteadyCalendar
import SteadyJournal
import SteadyKit
import Testing
@testable import SteadyDaemon

/// The schedule engine on a fake clock: suspend, clock jumps, DST, time-zone changes,
/// crashes, quiet hours, the daily limit, back-off and snooze.
@Suite struct EngineScheduleTests {
    static let twoPractices = """
        quiet-hours = "off"
        [practices.morning-mindfulness]
        schedule = "10:00"
        [practices.evening-reflection]
        schedule = "11:45"
        """

    @Test func simulatedWeek_ofTheDefaultConfig_asksEachSlotOnce() throws {
        let config = """
            [practices.morning-mindfulness]
            schedule = ["Mon..Fri 07:30", "Sat,Sun 09:00"]
            [practices.evening-reflection]
            schedule = "21:00"
            [practices.sleep-wind-down]
            schedule = "22:00"
            """
        // 2026-11-30 is a Monday.
        let h = try EngineHarness(config: config, start: "2026-11-30 00:00", zone: "Europe/Berlin")
        h.clock.advance(by: 7 * 86_400)
        let prompts = try h.prompts()
        #expect(prompts.count == 21)
        #expect(Set(prompts.map { "\($0.practice)@\($0.slot)" }).count == 21)
        let mornings = prompts.filter { $0.practice == "morning-mindfulness" }.map { h.format($0.slot) }
        #expect(mornings == ["2026-11-30 07:30", "2026-12-01 07:30", "2026-12-02 07:30", "2026-12-03 07:30",
                             "2026-12-04 07:30", "2026-12-05 09:00", "2026-12-06 09:00"])
        // Nobody answered and no server showed them: each ended as undelivered after two hours, none as missed.
        #expect(prompts.allSatisfy { $0.outcome == .undelivered })
        #expect(prompts.allSatisfy { $0.endedAt == $0.dueAt.addingTimeInterval(7200) })
    }

    @Test func suspendAcrossTwoSlots_catchesUpTheRecentOne_recordsTheOlderAsMissed_noBurst() throws {
        let h = try EngineHarness(config: Self.twoPractices, start: "2026-12-01 09:00")
        h.clock.suspend(for: 3 * 3600)  // 09:00 → 12:00, across 10:00 and 11:45
        let prompts = try h.prompts()
        #expect(prompts.count == 2)
        let morning = try #require(prompts.first { $0.practice == "morning-mindfulness" })
        let evening = try #require(prompts.first { $0.practice == "evening-reflection" })
        #expect(morning.outcome == .missed)           // 2 h late: past the 30 min grace period
        #expect(evening.outcome == .pending)          // 15 min late: shown once on wake
        #expect(evening.dueAt == h.date("2026-12-01 12:00"))
        #expect(try h.journal.pendingPrompts().count == 1)
    }

    @Test func suspendAcrossManySlotsOfOnePractice_showsAtMostOne() throws {
        let config = """
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "*:0/20"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 09:01")
        h.clock.suspend(for: 2 * 3600 + 30)  // wakes at 11:01:30, slots 09:20 … 11:00 passed
        let prompts = try h.prompts()
        #expect(prompts.count == 6)
        #expect(prompts.filter { $0.outcome == .pending }.count == 1)
        #expect(prompts.filter { $0.outcome == .pending }.first?.slot == h.date("2026-12-01 11:00"))
        #expect(prompts.filter { $0.outcome == .missed }.count == 5)
    }

    @Test func longSuspend_withAFrequentSchedule_isCaughtUpInBoundedTicks() throws {
        let config = """
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "*:*"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 09:00:30")
        h.clock.suspend(for: 3 * 86_400)  // every minute of three days passed asleep
        // The first tick after waking records one batch, and leaves the rest to the next ticks
        // (the watchdog and the control socket get the queue in between).
        #expect(try h.prompts().count == Engine.catchUpBatch + 1)
        #expect(h.engine.nextWake == h.clock.now, "the next piece is due at once")

        h.clock.advance(by: 0)
        let prompts = try h.prompts()
        #expect(prompts.count == 3 * 1440)
        #expect(prompts.filter { $0.outcome == .missed }.count == 3 * 1440 - 1)
        #expect(prompts.last?.outcome == .pending && prompts.last?.slot == h.date("2026-12-04 09:00"))
        #expect(Set(prompts.map(\.slot)).count == prompts.count, "no slot twice")
        #expect(h.engine.nextWake == h.date("2026-12-04 09:01"))
    }

    @Test func clockSetBackwards_doesNotRepeatASlot() throws {
        let h = try EngineHarness(config: Self.twoPractices, start: "2026-12-01 09:59")
        h.clock.advance(by: 120)  // 10:00 fires
        #expect(try h.prompts().count == 1)
        h.clock.setWallClock(by: -3600)  // back to 09:01
        h.clock.advance(by: 3600)        // through 10:00 again
        let prompts = try h.prompts()
        #expect(prompts.count == 1)
        #expect(prompts[0].slot == h.date("2026-12-01 10:00"))
        h.clock.advance(by: 2 * 3600)    // 11:45 still comes
        #expect(try h.prompts().count == 2)
    }

    @Test func clockSetForward_behavesLikeSleep() throws {
        let h = try EngineHarness(config: Self.twoPractices, start: "2026-12-01 09:00")
        h.clock.setWallClock(by: 3 * 3600)
        #expect(try h.prompts().map(\.outcome) == [.missed, .pending])
    }

    @Test func springForwardNight_asksOnce() throws {
        // Europe/Berlin: 2027-03-28 02:00 → 03:00; 02:30 does not exist that night.
        let config = """
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "02:30"
            """
        let h = try EngineHarness(config: config, start: "2027-03-27 00:00", zone: "Europe/Berlin")
        h.clock.advance(by: 3 * 86_400)
        let slots = try h.prompts().map(\.slot)
        let expected = try CalendarExpression("02:30").elapses(after: h.date("2027-03-27 00:00"), count: 4, in: h.zone)
            .filter { $0 <= h.clock.now }
        #expect(slots == expected)  // exactly what systemd's calendar semantics give, nothing more
        #expect(slots.count >= 2)
        let days = slots.map { Calendar.current.dateComponents(in: h.zone, from: $0).day! }
        #expect(Set(days).count == days.count)  // never twice on one day
    }

    @Test func fallBackNight_asksOnce_thoughTheTimeHappensTwice() throws {
        // Europe/Berlin: 2026-10-25 03:00 → 02:00; 02:30 happens twice that night.
        let config = """
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "02:30"
            """
        let h = try EngineHarness(config: config, start: "2026-10-24 12:00", zone: "Europe/Berlin")
        h.clock.advance(by: 2 * 86_400)
        let slots = try h.prompts().map(\.slot)
        let expected = try CalendarExpression("02:30").elapses(after: h.date("2026-10-24 12:00"), count: 2, in: h.zone)
        #expect(slots == expected)
        #expect(slots.count == 2)
    }

    @Test func timeZoneChange_recomputesTheNextDeadline() throws {
        let config = """
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "21:00"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 12:00", zone: "UTC")
        #expect(h.clock.nextDeadline == EngineHarness.date("2026-12-01 21:00", in: TimeZone(identifier: "UTC")!))
        h.changeZone(to: "Asia/Kathmandu")  // UTC+05:45: 21:00 there is 15:15 UTC
        #expect(h.clock.nextDeadline == EngineHarness.date("2026-12-01 21:00", in: TimeZone(identifier: "Asia/Kathmandu")!))
        h.clock.advance(by: 4 * 3600)
        #expect(try h.prompts().map(\.slot) == [EngineHarness.date("2026-12-01 21:00", in: TimeZone(identifier: "Asia/Kathmandu")!)])
    }

    @Test func crashAndRestart_afterTheSlotWasRecorded_neverDuplicates() throws {
        let h = try EngineHarness(config: Self.twoPractices, start: "2026-12-01 09:59")
        h.clock.advance(by: 90)
        #expect(try h.prompts().count == 1)
        h.crashAndRestart()
        h.crashAndRestart()
        h.clock.advance(by: 60)
        let prompts = try h.prompts()
        #expect(prompts.count == 1)
        #expect(prompts[0].outcome == .pending)
    }

    @Test func restartAfterDowntime_catchesUpWithinGrace_andRecordsOlderSlotsAsMissed() throws {
        let h = try EngineHarness(config: Self.twoPractices, start: "2026-12-01 09:00")
        h.clock.advance(by: 3600 + 60)       // 10:00 fires
        h.engine.stop()
        // steady was not running from 10:01 until 12:00 the next day (no timers fire).
        h.clock.suspend(for: 26 * 3600)
        h.crashAndRestart()
        let outcomes = try h.prompts().map { "\($0.practice) \(h.format($0.slot)) \($0.outcome.rawValue)" }
        #expect(outcomes == [
            "morning-mindfulness 2026-12-01 10:00 undelivered",
            "evening-reflection 2026-12-01 11:45 missed",
            "morning-mindfulness 2026-12-02 10:00 missed",
            "evening-reflection 2026-12-02 11:45 pending",
        ])
    }

    @Test func quietHours_skipByDefault_deferWhenAsked() throws {
        let config = """
            quiet-hours = "22:00..07:00"
            [practices.sleep-wind-down]
            schedule = "23:00"
            [practices.evening-reflection]
            schedule = "23:00"
            during-quiet-hours = "defer"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 22:30")
        h.clock.advance(by: 3600)
        let prompts = try h.prompts()
        let skipped = try #require(prompts.first { $0.practice == "sleep-wind-down" })
        let deferred = try #require(prompts.first { $0.practice == "evening-reflection" })
        #expect(skipped.outcome == .suppressed)
        #expect(deferred.outcome == .pending)
        #expect(deferred.dueAt == h.date("2026-12-02 07:00"))
        #expect(try h.journal.recentOutcomes(of: "sleep-wind-down", limit: 1).first?.reason == "quiet hours")
        #expect(h.engine.statusLine().contains("pending") == false)  // not due yet: nothing waits
        h.clock.advance(by: 8 * 3600)
        #expect(h.engine.statusLine().contains("1 pending"))
    }

    @Test func dailyLimit_suppressesTheRest_andRecordsWhy() throws {
        let config = """
            quiet-hours = "off"
            daily-limit = 2
            [practices.morning-mindfulness]
            schedule = "10:00"
            [practices.evening-reflection]
            schedule = "11:00"
            [practices.sleep-wind-down]
            schedule = "12:00"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 09:00")
        h.clock.advance(by: 3 * 3600 + 60)  // 12:01: the first has expired unanswered, the second waits
        #expect(try h.prompts().map(\.outcome) == [.undelivered, .pending, .suppressed])
        #expect(try h.journal.recentOutcomes(of: "sleep-wind-down", limit: 1).first?.reason == "daily limit")
        h.clock.advance(by: 22 * 3600)  // the next day starts fresh
        #expect(try h.prompts().suffix(3).map(\.outcome).filter { $0 == .suppressed }.count == 1)
    }
}

extension CalendarExpression {
    /// The next `count` elapses after `base`.
    func elapses(after base: Date, count: Int, in zone: TimeZone) -> [Date] {
        var result: [Date] = []
        var cursor = base
        while result.count < count, let next = nextElapse(after: cursor, in: zone) {
            result.append(next)
            cursor = next
        }
        return result
    }
}
