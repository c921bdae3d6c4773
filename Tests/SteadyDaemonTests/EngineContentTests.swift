import Foundation
import SteadyJournal
import SteadyKit
import Testing
@testable import SteadyDaemon

/// Words built when a check-in is shown, quiet hours for re-asks, the soothing kit after
/// unsettled evenings, and practices that pick up where the last time left off.
@Suite struct EngineContentTests {
    static func harness(_ config: String, start: String) throws -> (EngineHarness, RecordingChannel) {
        let h = try EngineHarness(config: config, start: start)
        let channel = RecordingChannel()
        h.engine.attach(channel: channel)
        return (h, channel)
    }

    static func shownIDs(_ channel: RecordingChannel) -> [Int64] {
        channel.calls.compactMap { if case .show(let id, _, _) = $0 { id } else { nil } }
    }

    // MARK: - The check-in's words

    @Test func checkInMovedPastQuietHours_saysLastNight_whenItIsShown() throws {
        let (h, channel) = try Self.harness(EngineEntryFollowUpTests.config, start: "2026-12-01 22:10")
        let entry = try EngineEntryFollowUpTests.writeEntry(h)
        #expect(try h.engine.scheduleFollowUps(forEntry: entry.id) == [h.date("2026-12-02 07:00")])
        h.clock.advance(to: h.date("2026-12-02 07:00"))
        let id = try #require(Self.shownIDs(channel).first)
        #expect(try h.journal.prompt(id)?.content.body == "Last night you noted a hard moment. How long did it take to settle?")
    }

    @Test func checkInShownLater_thanPlanned_saysHowLongItReallyWas() throws {
        // No server for the first hours: the check-in waits, and says so when it appears.
        let h = try EngineHarness(config: EngineEntryFollowUpTests.config, start: "2026-12-01 09:00")
        let entry = try EngineEntryFollowUpTests.writeEntry(h)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(by: 5400)
        let channel = RecordingChannel()
        h.engine.attach(channel: channel)
        h.engine.handle(.available)
        let id = try #require(Self.shownIDs(channel).first)
        #expect(try h.journal.prompt(id)?.content.body == "About 2 hours ago you noted a hard moment. How long did it take to settle?")
    }

    // MARK: - Quiet hours

    static let windDown = """
        quiet-hours = "22:30..07:00"
        [practices.sleep-wind-down]
        bedtime = "22:30"
        """

    @Test func windDownsSecondReask_wouldFallInQuietHours_soItRests_andNothingIsShownAtNight() throws {
        let (h, channel) = try Self.harness(Self.windDown, start: "2026-12-01 21:59")
        h.clock.advance(by: 60)
        let prompt = try #require(try h.journal.pendingPrompts().first)
        #expect(try h.engine.answerFromTerminal(promptID: prompt.id, value: .choice("15-more-minutes"), note: nil)
            == "I'll ask again at 22:15.")
        h.clock.advance(to: h.date("2026-12-01 22:15"))
        #expect(Self.shownIDs(channel).count == 2, "shown at 22:00 and again at 22:15")
        let said = try h.engine.answerFromTerminal(promptID: prompt.id, value: .choice("15-more-minutes"), note: nil)
        #expect(said == "Quiet hours begin at 22:30, so I'll let this one rest until next time.")
        #expect(try h.journal.prompt(prompt.id)?.outcome == .suppressed)
        h.clock.advance(to: h.date("2026-12-02 06:59"))
        #expect(Self.shownIDs(channel).count == 2, "nothing during the night")
    }

    @Test func laterIntoQuietHours_withDefer_waitsForTheirEnd() throws {
        let config = """
            quiet-hours = "22:30..07:00"
            [practices.wins]
            schedule = "22:25"
            during-quiet-hours = "defer"
            """
        let (h, _) = try Self.harness(config, start: "2026-12-01 22:24")
        h.clock.advance(by: 60)
        let prompt = try #require(try h.journal.pendingPrompts().first)
        #expect(try h.engine.handleWithoutAnswer(promptID: prompt.id, skip: false) == "I'll ask again at Wed 07:00.")
        #expect(try h.journal.prompt(prompt.id)?.dueAt == h.date("2026-12-02 07:00"))
    }

    @Test func aPromptWaitingWhenQuietHoursBegin_isNotShownUntilTheyEnd() throws {
        let config = """
            quiet-hours = "22:30..07:00"
            expire-after = "12h"
            [practices.wins]
            schedule = "22:00"
            """
        let h = try EngineHarness(config: config, start: "2026-12-01 21:59")
        h.clock.advance(by: 60)  // created, but no server to show it
        h.clock.advance(to: h.date("2026-12-01 23:00"))
        let channel = RecordingChannel()
        h.engine.attach(channel: channel)
        h.engine.handle(.available)
        #expect(Self.shownIDs(channel).isEmpty, "a server appearing at night shows nothing")
        #expect(h.clock.nextDeadline == h.date("2026-12-02 07:00"), "the timer waits for the end of quiet hours")
        h.clock.advance(to: h.date("2026-12-02 07:00"))
        #expect(Self.shownIDs(channel).count == 1, "shown once quiet hours end, while it still waits")
    }

    @Test func theNextQuestion_afterAnAnswerAtNight_isShown_becauseItWasAskedFor() throws {
        let config = "quiet-hours = \"22:30..07:00\"\nexpire-after = \"16h\"\n[practices.trigger-journal]\nfollow-up-after = \"10m\"\n"
        let (h, channel) = try Self.harness(config, start: "2026-12-01 07:30")
        let entry = try EngineEntryFollowUpTests.writeEntry(h)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(to: h.date("2026-12-01 22:45"))  // not answered all day; the person opens it late
        let settle = try #require(try h.journal.pendingPrompts().first)
        _ = try h.engine.answerFromTerminal(promptID: settle.id, value: .choice("longer"), note: nil)
        let next = try #require(try h.journal.pendingPrompts().first)
        #expect(next.followUpKey == "intensity-now")
        #expect(Self.shownIDs(channel).contains(next.id))
    }

    // MARK: - The soothing kit

    static let evenings = "quiet-hours = \"off\"\n[practices.evening-reflection]\nschedule = \"21:00\"\n"

    func writeKit(_ h: EngineHarness) throws {
        try h.journal.recordEntry(FormResponse(formID: "soothing-kit", values: [
            "body": .text("a warm shower"), "people": .text("Sam"),
        ]), at: h.clock.now)
    }

    @Test func threeUnsettledEveningsInARow_bringTheKit_once() throws {
        let h = try EngineHarness(config: Self.evenings, start: "2026-12-01 20:59")
        try writeKit(h)
        var said: [String?] = []
        for (day, rating) in [2, 1, 2, 1, 4].enumerated() {
            h.clock.advance(to: h.date("2026-12-0\(day + 1) 21:00"))
            let prompt = try #require(try h.journal.pendingPrompts().first { $0.kind == .scheduled })
            said.append(try h.engine.answerFromTerminal(promptID: prompt.id, value: .number(rating), note: nil))
            for next in try h.journal.pendingPrompts() { _ = try h.engine.handleWithoutAnswer(promptID: next.id, skip: true) }
        }
        let withKit = said.map { $0?.contains("From your soothing kit: a warm shower · Sam.") == true }
        #expect(withKit == [false, false, true, false, false], "\(said)")
        #expect(said[2]?.contains("The last few evenings have felt unsettled.") == true)
    }

    @Test func onTheBubble_theKitIsOnlyPointedAt_andTheNoticeStays() throws {
        let (h, channel) = try Self.harness(Self.evenings, start: "2026-11-28 20:59")
        try writeKit(h)
        for day in ["2026-11-28", "2026-11-29", "2026-11-30"] {
            h.clock.advance(to: h.date("\(day) 21:00"))
            guard case .show(_, _, let bubble)? = channel.calls.last(where: { if case .show = $0 { true } else { false } }) else {
                Issue.record("\(channel.calls)")
                return
            }
            h.engine.handle(.chose(handle: bubble, key: "2"))
            for next in try h.journal.pendingPrompts() { _ = try h.engine.handleWithoutAnswer(promptID: next.id, skip: true) }
        }
        guard case .notice(let body, _, let lingers)? = channel.calls.last(where: { if case .notice = $0 { true } else { false } }) else {
            Issue.record("\(channel.calls)")
            return
        }
        #expect(body.contains("steady kit") && !body.contains("warm shower"), "\(body)")
        #expect(lingers)
    }

    @Test func theSafetyResponse_inTheTerminal_namesTheKit() throws {
        let h = try EngineHarness(config: EngineEntryFollowUpTests.config, start: "2026-12-01 14:05")
        try writeKit(h)
        let entry = try EngineEntryFollowUpTests.writeEntry(h)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(by: 3600)
        let settle = try #require(try h.journal.pendingPrompts().first)
        h.clock.advance(by: 20)  // reading it
        _ = try h.engine.answerFromTerminal(promptID: settle.id, value: .choice("still-settling"), note: nil)
        let now = try #require(try h.journal.pendingPrompts().first)
        let said = try #require(try h.engine.answerFromTerminal(promptID: now.id, value: .number(10), note: nil))
        #expect(said.contains("From your soothing kit: a warm shower · Sam."), "\(said)")
    }

    // MARK: - Picking up where the last time left off

    @Test func timeAlone_growsAfterATimeThatWentAllRight() throws {
        let config = "quiet-hours = \"off\"\n[practices.time-alone]\nschedule = \"Sat 15:00\"\nminutes = 15\nstep = 5\n"
        let h = try EngineHarness(config: config, start: "2026-12-05 14:59")
        h.clock.advance(by: 60)
        let invitation = try #require(try h.journal.pendingPrompts().first)
        #expect(invitation.content.request.actionChoices.first?.key == "start-15")
        _ = try h.engine.answerFromTerminal(promptID: invitation.id, value: .choice("start-15"), note: nil)
        let before = try #require(try h.journal.pendingPrompts().first { $0.followUpKey == "before" })
        _ = try h.engine.answerFromTerminal(promptID: before.id, value: .number(6), note: nil)
        let end = try #require(try h.journal.pendingPrompts().first { $0.followUpKey == "end" })
        #expect(end.dueAt == invitation.dueAt.addingTimeInterval(0).addingTimeInterval(15 * 60), "the end is marked when the time is up")
        h.clock.advance(to: end.dueAt)
        _ = try h.engine.answerFromTerminal(promptID: end.id, value: .number(3), note: nil)
        h.clock.advance(to: h.date("2026-12-12 15:00"))
        let next = try #require(try h.journal.pendingPrompts().first { $0.kind == .scheduled })
        #expect(next.content.request.actionChoices.first?.key == "start-20")
        #expect(next.content.body.contains("a little longer than last time"))
    }
}

