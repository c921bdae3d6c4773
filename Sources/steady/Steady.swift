import ArgumentParser
import BuiltinPractices
import Foundation
import SteadyKit
import SteadyLocalization

@main
struct Steady: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "steady",
        abstract: tr("Gentle, well-timed check-ins for an anxious attachment style, kept in a private journal."),
        discussion: tr("steady runs as a per-user daemon (`steady daemon`, usually as a systemd user service) that asks at the right moments through a desktop notification. Everything you answer stays in a private journal on this computer ($XDG_DATA_HOME/steady/journal.sqlite).") + "\n\n" + tr("Answer from the notification, or later with `steady answer`. Every prompt is optional."),
        version: SteadyVersion.number,
        subcommands: [
            DaemonCommand.self, StatusCommand.self, AnswerCommand.self, HistoryCommand.self,
            PracticesCommand.self, ConfigCommand.self, CalendarCommand.self,
            StatsCommand.self, ReportCommand.self, ExportCommand.self,
            LogCommand.self, PauseCommand.self, BreatheCommand.self, GroundCommand.self, RelaxCommand.self,
            BodyScanCommand.self, AskCommand.self, CheckCommand.self, KitCommand.self, AssessCommand.self, WinsCommand.self,
            ServiceCommand.self,
        ]) }

    /// Sets the language before anything is said (CLI and daemon alike): `LANGUAGE`, `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` (docs/translating.md), then runs the command.
    static func main() {
        Localization.start()
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            exitSpeaking(error)
        }
    }

    /// `exit(withError:)` with swift-argument-parser's own words (help headings, parse errors)
    /// in the person's language (`ParserWords`): help on stdout with status 0, anything else on
    /// stderr with the library's status.
    static func exitSpeaking(_ error: any Error) -> Never {
        let width = ParserWords.screenWidth
        let text = ParserWords.translate(fullMessage(for: error, columns: width), width: width)
        let status = exitCode(for: error)
        if !text.isEmpty {
            if status == .success {
                print(text)
            } else {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
        Foundation.exit(status.rawValue)
    }

    /// For scripts/generate-manual: prints the man page's EXIT STATUS section (`ExitStatus.manual`).
    @Flag(help: .private)
    var exitStatuses = false

    func run() throws {
        guard exitStatuses else { throw CleanExit.helpRequest(self) }
        print(ExitStatus.manualSection)
    }
}

/// Options shared by commands that read the config.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        tr("Config file to use instead of $XDG_CONFIG_HOME/steady/config.toml."), valueName: "file"))
    var config: String?
}

/// " Did you mean 'box'?" after a sentence, when a name is close to `text`; otherwise nothing.
func didYouMean(_ text: String, in names: [String]) -> String {
    // TRANSLATORS: follows a sentence saying a name was not found; the placeholder is the closest known name.
    Suggestion.nearest(to: text, in: names).map { " " + tr("Did you mean '%1$@'?", $0) } ?? ""
}

/// Writes a message for the person to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("steady: \(message)\n".utf8))
}

let registry = BuiltinPractices.registry
