import ArgumentParser
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct BreatheCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "breathe",
        abstract: tr("Breathe along with a paced pattern in the terminal."),
        discussion: tr("Patterns: %1$@", BreathingPattern.all.map { "\($0.id) (\($0.howTo))" }.joined(separator: " ")) + "\n\n" + tr("Before and after, steady asks how strong the feeling is from 1 to 10 (Enter skips either), and keeps both with the session in your journal, so you can see which technique helps you most. In a terminal the phase, the count and a breath bar are redrawn in place; with --plain, TERM=dumb or output that is not a terminal, one plain line per phase, printed as it begins. Ctrl-C ends it whenever you like and still keeps what you did.") + "\n\n" + tr("Exit status: 0 saved, 65 piped input did not fit, 74 the journal cannot be written, 130 stopped before starting.")) }

    @Argument(help: ArgumentHelp(tr("The pattern: %1$@.", BreathingPattern.all.map(\.id).joined(separator: ", ")), valueName: "pattern"))
    var pattern: String = BreathingPattern.box.id

    @Option(help: ArgumentHelp(tr("How many rounds (each pattern has its own default).")))
    var rounds: Int?

    @OptionGroup var pacing: PacingOptions
    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard BreathingPattern.named(pattern) != nil else {
            let ids = BreathingPattern.all.map(\.id)
            let hint = didYouMean(pattern, in: ids)
            throw ValidationError(tr("'%1$@' is not a breathing pattern.%2$@ Choose one of: %3$@.", pattern, hint, ids.joined(separator: ", ")))
        }
        if let rounds, !(1...100).contains(rounds) {
            throw ValidationError(tr("--rounds takes a number from 1 to 100."))
        }
    }

    func run() throws {
        let pattern = BreathingPattern.named(pattern)!
        let tool = ToolConsole(options: options, display: display)
        let session = BreathingSession(pattern: pattern, rounds: rounds, speed: pacing.speed)
        let console = tool.console
        console.line(console.bold(pattern.name))
        console.line(pattern.howTo)
        let count = trn("%1$d round", "%1$d rounds", session.rounds)
        // TRANSLATORS: "4 rounds", then the time it takes as m:ss.
        console.line(tr("%1$@, about %2$@. Ctrl-C ends it whenever you like.", count, clockText(pattern.duration(rounds: session.rounds))))
        try CalmingRun(tool: tool, technique: pattern.id, name: pattern.name).run({ session.run(on: console) }) { progress in
            // TRANSLATORS: %1$d: rounds planned; %2$d: rounds done.
            let rounds = progress.finished ? count : progress.done == 0 ? tr("part of the first round")
                : trn("%2$d of %1$d round", "%2$d of %1$d rounds", session.rounds, progress.done)
            return "\(rounds), \(clockText(progress.seconds))"
        }
    }
}
