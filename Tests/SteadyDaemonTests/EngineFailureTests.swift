import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing
@testable import SteadyDaemon

/// What the person chose on a bubble must never be lost in silence: when it cannot be saved,
/// they are told where the bubble was and the prompt comes back; an answer and the
/// question it brings are stored together or not at all.
@Suite struct EngineFailureTests {
    /// Makes every write of `table` (optionally only rows matching `when`) fail inside the
    /// journal file itself, as a full disk or a broken write would: a trigger that aborts.
    static func breakWrites(to table: String, when condition: String = "1", in h: EngineHarness) throws {
        let result = try ChildProcess.run("/usr/bin/sqlite3", [h.journal.path, """
            CREATE TRIGGER injected_failure BEFORE INSERT ON \(table) WHEN \(condition)
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
            """], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func mendWrites(in h: EngineHarness) throws {
        _ = try ChildProcess.run("/usr/bin/sqlite3", [h.journal.path, "DROP TRIGGER injected_failure;"],
                                 environment: ProcessInfo.processInfo.environment)
    }

    @Test func answerThatCannotBeSaved_saysSoInTheBubble_andThePromptComesBack() throws {
        let (h, channel) = try EngineBubbleTests.harness("quiet-hours = \"off\"\n[practices.morning-mindfulness]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        try Self.breakWrites(to: "answer", in: h)

        h.engine.handle(.chose(handle: bubble, key: "box"))
        guard case .notice(let body, bubble, true)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        #expect(body.hasPrefix("The journal could not be written"), "\(body)")
        #expect(body.hasSuffix("so nothing was saved. I'll ask again at 08:02."), "\(body)")
        #expect(try h.journal.prompt(id)?.outcome == .pending)
        #expect(h.engine.nextWake == h.date("2026-12-01 08:02"))

        try Self.mendWrites(in: h)
        h.clock.advance(by: 120)
        #expect(channel.calls.last == .show(promptID: id, replacing: bubble, handle: bubble), "it comes back in the same bubble: \(channel.calls)")
        h.engine.handle(.chose(handle: bubble, key: "box"))
        #expect(try h.journal.prompt(id)?.outcome == .answered)
    }

    @Test func laterAndSkipThatCannotBeSaved_sayItToo() throws {
        let (h, channel) = try EngineBubbleTests.harness("quiet-hours = \"off\"\n[practices.wins]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        try Self.breakWrites(to: "event", in: h)  // snooze and skip both record an event in their transaction

        h.engine.handle(.chose(handle: bubble, key: "steady:later"))
        guard case .notice(let later, bubble, true)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        #expect(later.contains("so nothing was saved. I'll ask again at"), "\(later)")
        #expect(try h.journal.prompt(id)?.snoozes == 0)

        h.clock.advance(by: 120)
        guard case .show(id, bubble, bubble)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.chose(handle: bubble, key: "steady:skip"))
        guard case .notice(let skip, bubble, true)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        #expect(skip.contains("so nothing was saved. I'll ask again at"), "\(skip)")
        #expect(try h.journal.prompt(id)?.outcome == .pending)
    }

    @Test func choiceThatDoesNotFitTheQuestion_isNotLostInSilence() throws {
        let (h, channel) = try EngineBubbleTests.harness("quiet-hours = \"off\"\n[practices.evening-reflection]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.chose(handle: bubble, key: "a-key-from-an-older-version"))
        guard case .notice(let body, bubble, true)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        #expect(body.hasPrefix("That answer did not fit this question (it asks for a number from 1 to 5), so nothing was saved."), "\(body)")
        #expect(try h.journal.prompt(id)?.outcome == .pending)
        h.clock.advance(by: 120)
        #expect(channel.calls.last == .show(promptID: id, replacing: bubble, handle: bubble), "\(channel.calls)")
    }

    @Test func repeatedAction_isANoOp() throws {
        let (h, channel) = try EngineBubbleTests.harness("quiet-hours = \"off\"\n[practices.morning-mindfulness]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.chose(handle: bubble, key: "box"))
        let afterFirst = channel.calls
        h.engine.handle(.chose(handle: bubble, key: "box"))  // the same signal again (GNOME sends two)
        #expect(channel.calls == afterFirst)
        #expect(try h.journal.history(limit: 10).filter { $0.answer != nil }.count == 1)
        #expect(try h.journal.prompt(id)?.outcome == .answered)
    }

    @Test func answerAndTheQuestionItBrings_areStoredTogetherOrNotAtAll() throws {
        let h = try EngineHarness(config: EngineEntryFollowUpTests.config, start: "2026-12-01 14:05")
        let entry = try EngineEntryFollowUpTests.writeEntry(h)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(by: 3600)
        let settle = try #require(try h.journal.pendingPrompts().first)
        // The second question ("how strong now?") cannot be written.
        try Self.breakWrites(to: "prompt", when: "NEW.follow_up_key = 'intensity-now'", in: h)

        #expect(throws: JournalError.self) {
            _ = try h.engine.answerFromTerminal(promptID: settle.id, value: .choice("half-hour"), note: nil)
        }
        #expect(try h.journal.prompt(settle.id)?.outcome == .pending, "the answer went back with the question")
        #expect(try h.journal.history(limit: 10).allSatisfy { $0.answer == nil })

        try Self.mendWrites(in: h)
        _ = try h.engine.answerFromTerminal(promptID: settle.id, value: .choice("half-hour"), note: nil)
        #expect(try h.journal.pendingPrompts().map(\.followUpKey) == ["intensity-now"])
    }
}
