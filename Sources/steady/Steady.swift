import ArgumentParser
import BuiltinPractices
import Foundation
import SteadyKit
import SteadyLocalization

@main
struct Steady: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steady",
        abstract: "Gentle, well-timed check-ins for an anxious attachment style, kept in a private journal.",
        discussion: """
            steady runs as a per-user daemon (`steady daemon`, usually as a systemd user service) that \
            asks at the right moments through a desktop notification. Everything you answer stays in \
            a private journal on this computer ($XDG_DATA_HOME/steady/journal.sqlite).

            Answer from the notification, or later with `steady answer`. Every prompt is optional.
            """,
        version: SteadyVersion.number,
        subcommands: [
            DaemonCommand.self, StatusCommand.self, AnswerCommand.self, HistoryCommand.self,
            PracticesCommand.self, ConfigCommand.self, CalendarCommand.self,
            StatsCommand.self, ReportCommand.self, ExportCommand.self,
            LogCommand.self, PauseCommand.self, BreatheCommand.self, GroundCommand.self, RelaxCommand.self,
            BodyScanCommand.self, AskCommand.self, CheckCommand.self, KitCommand.self, AssessCommand.self, WinsCommand.self,
            ServiceCommand.self,
        ])

    /// Sets the language before anything is said (CLI and daemon alike): `LANGUAGE`, `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` (docs/translating.md), then runs the command.
    static func main() {
        Localization.start()
        main(nil)
    }
}

/// Options shared by commands that read the config.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file to use instead of $XDG_CONFIG_HOME/steady/config.toml.", valueName: "file"))
    var config: String?
}

/// Exit statuses shared by the commands (listed in the man page).
enum ExitStatus {
    static let failure = ExitCode(1)
    static let notFound = ExitCode(66)      // EX_NOINPUT
    static let badAnswer = ExitCode(65)     // EX_DATAERR
    static let journal = ExitCode(74)       // EX_IOERR
    static let config = ExitCode(78)        // EX_CONFIG
}

/// Writes a message for the person to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("steady: \(message)\n".utf8))
}

let registry = BuiltinPractices.registry
