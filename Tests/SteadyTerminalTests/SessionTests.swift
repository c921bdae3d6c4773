import SteadyKit
import SteadyTerminal
import Testing

@Suite struct BreathingSessionTests {
    @Test func run_walksEveryPhaseOnTheClock_andFinishes() {
        let console = ScriptedConsole(input: [])
        let progress = BreathingSession(pattern: .box, rounds: 2).run(on: console)
        #expect(progress == SessionProgress(done: 2, total: 2, seconds: 32, finished: true))
        // Four redraws per second, each waiting for its own deadline on the session's clock.
        #expect(console.waits.count == 32 * 4)
        #expect(console.waits.last == 32)
        #expect(console.liveDepth == 0, "live mode was not left")
    }

    @Test func run_offATerminal_printsOneLinePerPhase() {
        let console = ScriptedConsole(input: [])
        _ = BreathingSession(pattern: .fourSevenEight, rounds: 1).run(on: console)
        let lines = console.output.split(separator: "\n")
        #expect(lines == [
            "Round 1 of 1 · Breathe in through your nose · 4 s",
            "Round 1 of 1 · Hold, shoulders soft · 7 s",
            "Round 1 of 1 · Let it out slowly through your mouth · 8 s",
        ])
    }

    @Test func run_onATerminal_redrawsInPlace() {
        let console = ScriptedConsole(input: [], terminal: true)
        _ = BreathingSession(pattern: .coherent, rounds: 1).run(on: console)
        #expect(console.output.contains("\r\u{1B}[2K  Breathe in, slow and even"))
        #expect(console.output.contains("round 1 of 1 · 0:10 left"))
        #expect(!console.output.contains("\n"), "a live session draws in place")
    }

    @Test func run_speed_scalesTheClock() {
        let console = ScriptedConsole(input: [])
        let progress = BreathingSession(pattern: .box, rounds: 1, speed: 4).run(on: console)
        #expect(console.waits.last == 4)
        #expect(progress.seconds == 16)
    }

    @Test func run_whenInterrupted_reportsWhatWasDone() {
        let console = ScriptedConsole(input: [])
        console.interruptAt = 20.1
        let progress = BreathingSession(pattern: .box, rounds: 3).run(on: console)
        #expect(progress == SessionProgress(done: 1, total: 3, seconds: 20, finished: false))
        #expect(console.liveDepth == 0)
    }

    @Test func breathBar_fillsOnTheInBreath_andEmptiesOnTheOut() {
        #expect(ProgressBar.render(0, width: 4) == "▕    ▏")
        #expect(ProgressBar.render(1, width: 4) == "▕████▏")
        #expect(ProgressBar.render(0.5, width: 4) == "▕██  ▏")
        #expect(ProgressBar.render(0.5 + 2.0 / 32, width: 4) == "▕██▎ ▏")
    }
}

@Suite struct GuideSessionTests {
    @Test func untimedSteps_waitForALineEach() {
        let console = ScriptedConsole(input: ["", "", "", "", "", "rest"])
        let progress = GuideSession(guide: .grounding).run(on: console)
        #expect(progress.finished && progress.done == 5)
        #expect(console.unread == ["rest"])
    }

    @Test func timedSteps_runOnTheClock_andStopOnCtrlC() {
        let console = ScriptedConsole(input: [])
        console.interruptAt = 16
        let progress = GuideSession(guide: .muscleRelaxation).run(on: console)
        #expect(progress == SessionProgress(done: 2, total: 14, seconds: 16, finished: false))
    }
}

@Suite struct CalmingFlowTests {
    @Test func beforeAndAfter_areKeptWithTheSession() throws {
        let console = ScriptedConsole(input: ["8", "4"])
        let flow = CalmingFlow(asker: Asker(console: console, safety: SafetySettings()))
        let outcome = flow.run(technique: "box") { BreathingSession(pattern: .box, rounds: 1).run(on: console) }
        guard case .practised(let response, let progress) = outcome else {
            Issue.record("not practised: \(outcome)")
            return
        }
        #expect(progress.finished)
        #expect(CalmingEntry.change(in: response) == BeforeAfter(before: 8, after: 4, practice: "box"))
        #expect(response.choice(CalmingEntry.Field.ending) == CalmingEntry.Ending.finished)
        #expect(response.number(CalmingEntry.Field.seconds) == 16)
        #expect(throws: Never.self) { try CalmingEntry.form.response(from: response.values) }
    }

    @Test func bothRatings_canBeSkipped() throws {
        let console = ScriptedConsole(input: ["", ""])
        let flow = CalmingFlow(asker: Asker(console: console, safety: SafetySettings()))
        guard case .practised(let response, _) = flow.run(technique: "grounding", session: {
            SessionProgress(done: 5, total: 5, seconds: 60, finished: true)
        }) else { Issue.record("not practised"); return }
        #expect(response.values[CalmingEntry.Field.before] == nil)
        #expect(response.values[CalmingEntry.Field.after] == nil)
        #expect(CalmingEntry.change(in: response) == nil)
    }

    @Test func ctrlCDuringTheSession_keepsItWithoutAskingAgain() throws {
        let console = ScriptedConsole(input: ["6", "should not be read"])
        console.interruptAt = 5
        let flow = CalmingFlow(asker: Asker(console: console, safety: SafetySettings()))
        guard case .practised(let response, let progress) = flow.run(technique: "box", session: {
            BreathingSession(pattern: .box, rounds: 2).run(on: console)
        }) else { Issue.record("not practised"); return }
        #expect(!progress.finished)
        #expect(response.number(CalmingEntry.Field.before) == 6)
        #expect(response.choice(CalmingEntry.Field.ending) == CalmingEntry.Ending.stopped)
        #expect(console.unread == ["should not be read"])
    }

    @Test func ctrlCAtTheFirstQuestion_savesNothing() {
        let console = ScriptedConsole(input: [])
        console.interruptOnRead = 0
        let flow = CalmingFlow(asker: Asker(console: console, safety: SafetySettings()))
        var ran = false
        let outcome = flow.run(technique: "box") { ran = true; return SessionProgress(done: 0, total: 1, seconds: 0, finished: true) }
        #expect(outcome == .stoppedBeforeStart(.interrupted))
        #expect(!ran)
    }

    @Test func aRatingAtTheThreshold_showsTheSafetyResponse() {
        let console = ScriptedConsole(input: ["10", "9"])
        let flow = CalmingFlow(asker: Asker(console: console, safety: SafetySettings()))
        _ = flow.run(technique: "box") { SessionProgress(done: 1, total: 1, seconds: 16, finished: true) }
        let shown = console.output.components(separatedBy: "local emergency number").count - 1
        #expect(shown == 1, "shown \(shown) times: \(console.output)")
    }
}

@Suite struct PauseSessionTests {
    @Test func pause_ratesWaitsRerates_andDecides() throws {
        let console = ScriptedConsole(input: ["8", "5", "3"])
        let outcome = PauseSession(waitSeconds: 30, variant: 0).run(with: Asker(console: console, safety: SafetySettings()))
        guard case .paused(let response, let finished) = outcome else { Issue.record("\(outcome)"); return }
        #expect(finished)
        #expect(PauseEntry.change(in: response) == BeforeAfter(before: 8, after: 5, scale: .urge, practice: "pause"))
        #expect(response.choice(Pause.Field.decision) == "let-it-pass")
        #expect(response.number(PauseEntry.Field.waited) == 30)
        #expect(console.output.contains(Pause.groundingSuggestions[0]))
        #expect(throws: Never.self) { try PauseEntry.form.response(from: response.values) }
    }

    @Test func ctrlCDuringTheWait_keepsTheFirstRatingAndTheTimeWaited() throws {
        let console = ScriptedConsole(input: ["9", "never read"])
        console.interruptAt = 12.5
        let outcome = PauseSession(waitSeconds: 60, variant: 1).run(with: Asker(console: console, safety: SafetySettings()))
        guard case .paused(let response, let finished) = outcome else { Issue.record("\(outcome)"); return }
        #expect(!finished)
        #expect(response.number(Pause.Field.urgeBefore) == 9)
        #expect(response.number(PauseEntry.Field.waited) == 12)
        #expect(response.values[Pause.Field.urgeAfter] == nil)
        #expect(throws: Never.self) { try PauseEntry.form.response(from: response.values) }
    }
}

@Suite struct TechniqueSummaryTests {
    @Test func summaries_putWhatEasedMostFirst() {
        let changes = [
            BeforeAfter(before: 8, after: 4, practice: "box"), BeforeAfter(before: 7, after: 5, practice: "box"),
            BeforeAfter(before: 6, after: 6, practice: "grounding"), BeforeAfter(before: 6, after: 5, practice: "grounding"),
            BeforeAfter(before: 9, after: 2, practice: "coherent"),
        ]
        let summaries = TechniqueSummary.summaries(changes, minimum: 2)
        #expect(summaries.map(\.technique) == ["box", "grounding"])
        #expect(summaries[0].averageChange == -3)
        #expect(summaries[0].summary == "Box breathing eased things by about 3 on average (2 times).")
        #expect(summaries[1].summary == "5-4-3-2-1 grounding eased things by about 0.5 on average (2 times).")
    }

    @Test func summary_whenRatingsRose_staysKind() {
        let summary = TechniqueSummary(technique: "pause", times: 3, averageChange: 1.2).summary
        #expect(summary == "A pause hasn't eased things much so far (3 times); another technique may suit you better.")
    }
}
