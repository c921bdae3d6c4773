import SteadyTerminal
import Testing

/// When the console redraws and styles, and when it is plain: the rules `SystemConsole` applies
/// to its own terminal (the end-to-end tests see the bytes through a pseudo-terminal).
@Suite struct PlainModeTests {
    @Test func redrawing_needsATerminal_thatIsNotDumb_andPlainNotAskedFor() {
        #expect(SystemConsole.redraws(outputIsTerminal: true, environment: ["TERM": "xterm-256color"], plain: false))
        #expect(SystemConsole.redraws(outputIsTerminal: true, environment: [:], plain: false), "no TERM at all is not dumb")
        #expect(!SystemConsole.redraws(outputIsTerminal: false, environment: ["TERM": "xterm-256color"], plain: false))
        #expect(!SystemConsole.redraws(outputIsTerminal: true, environment: ["TERM": "dumb"], plain: false))
        #expect(!SystemConsole.redraws(outputIsTerminal: true, environment: ["TERM": "xterm-256color"], plain: true))
    }

    @Test func noColor_withAnyNonEmptyValue_turnsStylesOff_anEmptyOneDoesNot() {
        #expect(SystemConsole.styles(redrawsInPlace: true, environment: [:]))
        #expect(SystemConsole.styles(redrawsInPlace: true, environment: ["NO_COLOR": ""]), "no-color.org: only a non-empty value counts")
        for value in ["1", "0", "true", "no"] {
            #expect(!SystemConsole.styles(redrawsInPlace: true, environment: ["NO_COLOR": value]), "NO_COLOR=\(value)")
        }
        #expect(!SystemConsole.styles(redrawsInPlace: false, environment: [:]), "plain mode has no styles")
    }

    @Test func liveLine_inPlainMode_drawsNothing_andNotesEachStepOnce() {
        let console = PlainScriptedConsole()
        let live = LiveLine(console: console)
        live.draw("  ▕███  ▏ 0:03")
        live.note("Round 1 of 1 · Breathe in · 4 s")
        live.clear()
        #expect(console.output == "Round 1 of 1 · Breathe in · 4 s\n")
    }
}

/// A terminal in plain mode: its output is a terminal, but it does not redraw.
final class PlainScriptedConsole: Console {
    var inputIsTerminal: Bool { true }
    var outputIsTerminal: Bool { true }
    var redrawsInPlace: Bool { false }
    var usesStyles: Bool { false }
    var output = ""
    func write(_ text: String) { output += text }
    func error(_ line: String) {}
    func readLine() -> ConsoleInput { .end }
    func now() -> Double { 0 }
    func wait(until deadline: Double, endOnEnter: Bool) -> WaitEnd { .elapsed }
    func beginLive() {}
    func endLive() {}
}
