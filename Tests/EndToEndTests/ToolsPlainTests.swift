import Foundation
import SteadyKit
import SteadyTestSupport
import Testing

/// Plain mode and `NO_COLOR`, seen as the bytes a terminal receives: each tool runs under
/// `script(1)` (its own pseudo-terminal, every byte written to it kept in a file) inside a
/// tmux pane that a test types into, as a person would.
///
/// The terminal's own output processing turns each "\n" into "\r\n" (ONLCR), so a carriage
/// return is only a redraw when no line feed follows it.
@Suite(.serialized) struct ToolsPlainTests {
    /// Runs `steady arguments` in a pseudo-terminal with `TERM=term` and `environment` added;
    /// the pane to type into, and the file that receives every byte the terminal is sent.
    static func raw(_ home: ToolsHome, _ name: String, _ arguments: [String], term: String,
                    environment: [String: String] = [:]) throws -> (TmuxPane, String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw TestSupportError("needs script(1) at /usr/bin/script (Debian's bsdutils, always installed); cannot see the raw bytes without it")
        }
        let file = home.root.file("\(name).typescript")
        let assignments = (["TERM": term].merging(environment) { $1 }).sorted { $0.key < $1.key }
            .map { "\($0.key)=\(quote($0.value))" }
        let inner = (assignments + ["exec"] + ([SteadyBinary.path] + arguments).map(quote)).joined(separator: " ")
        let pane = try TmuxPane(name: name, command: ["/usr/bin/script", "-q", "-f", "-e", "-c", inner, file],
                                environment: home.environment)
        return (pane, file)
    }

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// What the terminal was sent, once the command has ended: the file without the line
    /// script(1) writes first ("Script started on …") and the one it writes last ("Script done on …").
    static func bytes(_ file: String) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard text.hasPrefix("Script started"), let firstEnd = text.firstIndex(of: "\n"),
              let done = text.range(of: "\nScript done", options: .backwards) else {
            throw TestSupportError("not the file script(1) writes: \(text.prefix(200).debugDescription)")
        }
        return String(text[text.index(after: firstEnd)..<done.lowerBound])
    }

    /// The lines as a person reading them one by one gets them ("\r\n" ends a line).
    static func lines(_ text: String) -> [String] { text.components(separatedBy: "\r\n") }

    /// Carriage returns that are not the end of a line: something redrawn over.
    static func bareCarriageReturns(_ text: String) -> Int {
        text.replacingOccurrences(of: "\r\n", with: "\n").occurrences(of: "\r")
    }

    /// SGR sequences (`ESC [ … m`): bold, dim, colour.
    static func styleSequences(_ text: String) -> Int {
        text.components(separatedBy: "\u{1B}[").dropFirst().filter { part in
            guard let end = part.firstIndex(where: { !"0123456789;".contains($0) }) else { return false }
            return part[end] == "m"
        }.count
    }

    @Test func breathe_withTermDumb_printsEachPhaseOnce_onItsOwnLine_withNoEscapesOrRedraws() throws {
        let home = try ToolsHome()
        let (pane, file) = try Self.raw(home, "dumb", ["breathe", "box", "--rounds", "2", "--speed", "8"], term: "dumb")
        try pane.answer("Before you start", with: "6")
        try pane.answer("And now, from 1 to 10?", with: "4")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(!text.contains("\u{1B}"), "an escape sequence with TERM=dumb: \(text.debugDescription)")
        #expect(Self.bareCarriageReturns(text) == 0, "a redraw with TERM=dumb: \(text.debugDescription)")
        let lines = Self.lines(text)
        for timed in BreathingPattern.box.timeline(rounds: 2) {
            let step = "Round \(timed.round) of 2 · \(timed.phase.cue) · \(timed.phase.seconds) s"
            #expect(lines.filter { $0 == step }.count == 1, "\(step) not once on its own line: \(lines)")
        }
        // In the order they are breathed.
        let phases = lines.filter { $0.hasPrefix("Round ") }
        #expect(phases == BreathingPattern.box.timeline(rounds: 2).map { "Round \($0.round) of 2 · \($0.phase.cue) · \($0.phase.seconds) s" })
        #expect(lines.contains("Box breathing"), "the title, without bold")
        #expect(lines.contains("  1 means barely there, 10 means as strong as it gets."), "the scale's ends in words, not '=' and '…'")
        #expect(lines.contains("Box breathing: 2 rounds, 0:32. Saved to your journal (entry #1)."), "\(lines)")
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("intensity-before", "number")), \(ToolsHome.value("intensity-after", "number")),
                   \(ToolsHome.value("ending", "choice")) FROM entry
            """) == "6|4|finished")
    }

    @Test func bodyScan_withPlain_atAColourTerminal_printsEachStepOnce_andNoCountdown() throws {
        let home = try ToolsHome()
        let (pane, file) = try Self.raw(home, "plain", ["body-scan", "--plain", "--speed", "20"], term: "xterm-256color")
        try pane.answer("Before you start", with: "")
        try pane.answer("And now, from 1 to 10?", with: "")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(!text.contains("\u{1B}"), "an escape sequence with --plain: \(text.debugDescription)")
        #expect(Self.bareCarriageReturns(text) == 0, "a redraw with --plain: \(text.debugDescription)")
        #expect(!text.contains("█") && !text.contains("▕"), "no progress bar in plain mode")
        let lines = Self.lines(text)
        let guide = Guide.bodyScan
        for (index, step) in guide.steps.enumerated() {
            #expect(lines.filter { $0 == "Step \(index + 1) of \(guide.steps.count)" }.count == 1, "\(lines)")
            #expect(lines.filter { $0 == step.instruction }.count == 1, "\(step.instruction) not once: \(lines)")
        }
        #expect(lines.contains(guide.closing))
        #expect(try home.sqlite("SELECT \(ToolsHome.value("ending", "choice")) FROM entry") == "finished")
    }

    @Test func ground_withPlainInTheConfig_keepsEachEnterHint_andRedrawsNothing() throws {
        let home = try ToolsHome(config: ToolsHome.safetyConfig + "\n[terminal]\nplain = true\n")
        let (pane, file) = try Self.raw(home, "config", ["ground"], term: "xterm-256color")
        try pane.answer("Before you start", with: "5")
        for index in 1...Guide.grounding.steps.count {
            try pane.waitFor("Step \(index) of \(Guide.grounding.steps.count)")
            try pane.waitUntil("the Enter hint of step \(index)") { $0.occurrences(of: "(Enter when you're ready to go on)") == index }
            try pane.type("")
        }
        try pane.answer("And now, from 1 to 10?", with: "3")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(!text.contains("\u{1B}"), "an escape sequence with [terminal] plain = true: \(text.debugDescription)")
        #expect(Self.bareCarriageReturns(text) == 0, "\(text.debugDescription)")
        let lines = Self.lines(text)
        // The hint stays where it was answered: nothing printed is taken back.
        #expect(lines.filter { $0 == "  (Enter when you're ready to go on)" }.count == Guide.grounding.steps.count, "\(lines)")
        for step in Guide.grounding.steps { #expect(lines.filter { $0 == step.instruction }.count == 1) }
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("technique", "choice")), \(ToolsHome.value("intensity-before", "number")),
                   \(ToolsHome.value("intensity-after", "number")) FROM entry
            """) == "grounding|5|3")
    }

    @Test func pause_withTermDumb_saysTheWaitOnce_andEnterStillMovesOn() throws {
        let home = try ToolsHome()
        let (pane, file) = try Self.raw(home, "pause", ["pause", "20m"], term: "dumb")
        try pane.answer("How strong is the urge", with: "7")
        try pane.waitFor("Waiting 20:00. Enter moves on when you're ready.")
        try pane.type("")
        try pane.answer("And now", with: "4")
        try pane.answer("What would you like to do?", with: "1")
        try pane.answer("[y/N]", with: "")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(!text.contains("\u{1B}"), "\(text.debugDescription)")
        #expect(Self.bareCarriageReturns(text) == 0, "\(text.debugDescription)")
        #expect(Self.lines(text).filter { $0 == "Waiting 20:00. Enter moves on when you're ready." }.count == 1, "\(text.debugDescription)")
        #expect(try home.sqlite("SELECT \(ToolsHome.value("urge-before", "number")), \(ToolsHome.value("urge-after", "number")) FROM entry")
            == "7|4")
    }

    @Test func logTrigger_withTermDumb_asksEveryQuestion_withNoEscapes() throws {
        let home = try ToolsHome()
        let (pane, file) = try Self.raw(home, "log", ["log", "trigger"], term: "dumb")
        try pane.answer("[1/7] What happened?", with: "A late reply")
        try pane.answer("[2/7] What kind of moment", with: "1")
        try pane.answer("[3/7] What went through your mind?", with: "")
        try pane.answer("[4/7] What did you notice in your body?", with: "")
        try pane.answer("[5/7] Which feeling was strongest?", with: "")
        try pane.answer("[6/7] How strong was it", with: "4")
        try pane.answer("[7/7] What did you do", with: "")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(!text.contains("\u{1B}"), "\(text.debugDescription)")
        #expect(Self.bareCarriageReturns(text) == 0, "\(text.debugDescription)")
        #expect(Self.lines(text).contains("Saved as entry #1. Thank you for writing it down."), "\(text.debugDescription)")
    }

    @Test func noColor_takesAwayBoldAndDimOnly_theLiveLineStays() throws {
        let home = try ToolsHome()
        let (pane, file) = try Self.raw(home, "nocolor", ["breathe", "box", "--rounds", "1", "--speed", "8"],
                                        term: "xterm-256color", environment: ["NO_COLOR": "1"])
        try pane.answer("Before you start", with: "")
        try pane.answer("And now, from 1 to 10?", with: "")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(Self.styleSequences(text) == 0, "a style sequence with NO_COLOR=1: \(text.debugDescription)")
        #expect(text.contains("\r\u{1B}[2K"), "NO_COLOR is about colour: the breath bar is still redrawn in place")
        #expect(!text.contains("Round 1 of 1 · Breathe in · 4 s"), "not the plain form")
    }

    @Test func aColourTerminal_byDefault_stillRedrawsInPlace_withBoldAndDim() throws {
        let home = try ToolsHome()
        let (pane, file) = try Self.raw(home, "colour", ["breathe", "box", "--rounds", "1", "--speed", "8"], term: "xterm-256color")
        try pane.answer("Before you start", with: "")
        try pane.answer("And now, from 1 to 10?", with: "")
        #expect(try pane.exitStatus() == 0)
        let text = try Self.bytes(file)
        #expect(text.contains("\u{1B}[1mBox breathing\u{1B}[0m"), "the title in bold: \(text.debugDescription)")
        #expect(text.contains("\r\u{1B}[2K"), "the live line is redrawn")
        #expect(text.contains("\u{1B}[?25l") && text.contains("\u{1B}[?25h"), "the cursor is hidden while it runs, and shown again")
        #expect(!text.contains("Round 1 of 1 · Breathe in · 4 s"))
        #expect(try pane.screen().contains("[tty echo]"))
    }
}
