import ArgumentParser
import Foundation
import SteadyCheckIn
import SteadyConfig
import SteadyControl
import SteadyJournal
import SteadyKit
import SteadyLocalization

struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "status",
        abstract: tr("Show whether steady is running, what comes next, and prompts waiting for an answer.")) }

    @OptionGroup var options: ConfigOptions

    @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
    var json = false

    struct Report: Encodable {
        struct Pending: Encodable {
            var id: Int64
            var practice: String
            var due: Date
            var expires: Date
            var title: String
            var body: String
            var accepts: String
            /// The choices' keys (the JSON keeps them: a data format).
            var choices: [String]
            /// The choices as the bubble words them, in the language the prompt was asked in:
            /// what the text view suggests typing (`steady answer` takes a label, key or number).
            var choiceLabels: [String] = []

            enum CodingKeys: String, CodingKey { case id, practice, due, expires, title, body, accepts, choices }
        }
        var running: Bool
        var pid: Int32?
        var config: String?
        /// The config problem as one line in English (`ConfigError.summary`, as the daemon's
        /// `STATUS=` and log say it): a stable form for scripts, whatever the language.
        var configProblem: String?
        var notificationServer: String?
        var upcoming: [DaemonStatus.Upcoming]
        var pending: [Pending]
    }

    func run() throws {
        var report = Report(running: false, upcoming: [], pending: [])
        /// The config problem for the person: the diagnostic in their language, with the line and a hint.
        var problemForPerson: String?
        do {
            if case .status(let status)? = try askDaemon(.status, timeout: 5) {
                report.running = true
                report.pid = status.pid
                report.config = status.configSource
                report.configProblem = status.reloadProblem
                report.notificationServer = status.notificationServer
                report.upcoming = status.upcoming
                problemForPerson = status.reloadProblem.map(described)
            }
        } catch {
            printError(tr("the daemon did not answer: %1$@", "\(error)"))
        }
        let journal = try openJournal(create: false)
        if !report.running {
            do {
                let config = try ConfigLoader(registry: registry).load(path: options.config)
                report.config = config.source
                // What comes next as the daemon will see it, random windows included (their
                // times are drawn once a day and kept in the journal, so the daemon keeps them).
                let upcoming = if let journal {
                    CheckInService(journal: journal, config: config).upcoming(limit: .max)
                } else {
                    SlotFinder(journal: nil).upcoming(of: config.practices, after: Date(), in: .current)
                }
                report.upcoming = upcoming.map { DaemonStatus.Upcoming(practice: $0.practice, at: $0.at) }
            } catch {
                report.configProblem = error.summary
                problemForPerson = error.description
            }
        }
        if let journal {
            report.pending = ((try? CheckInService.waiting(in: journal)) ?? []).map {
                Report.Pending(id: $0.id, practice: $0.practice.rawValue, due: $0.dueAt, expires: $0.expiresAt,
                               title: $0.content.title, body: $0.content.body, accepts: $0.content.request.expectation,
                               choices: $0.content.request.actionChoices.map(\.key),
                               choiceLabels: Self.typeable($0.content.request))
            }
        }
        if json { try printJSON(report); return }
        render(report, problem: problemForPerson)
    }

    /// The daemon's config problem (its English summary) as the person reads it: the same file
    /// read here, when it still has that very problem, gives the diagnostic in their language;
    /// otherwise (fixed since, or another file) the daemon's words stand.
    private func described(_ daemonProblem: String) -> String {
        do {
            _ = try ConfigLoader(registry: registry).load(path: options.config)
        } catch where error.summary == daemonProblem {
            return error.description
        } catch {}
        return daemonProblem
    }

    /// A practice as the person knows it: its name in their language. A practice run by a
    /// program of the person's own has only its id here (its described name would mean running it).
    static func name(_ practice: String) -> String { practiceNames[practice] ?? practice }

    /// What the text view suggests typing for a prompt: a choice by its label (as the bubble
    /// words it), a scale by its numbers.
    static func typeable(_ request: AnswerRequest) -> [String] {
        if case .scale = request { return request.actionChoices.map(\.key) }
        return request.actionChoices.map(\.label)
    }

    private func render(_ report: Report, problem: String?) {
        if report.running {
            print(tr("steady is running (pid %1$@, config: %2$@).", report.pid ?? 0, report.config ?? "?"))
            print(report.notificationServer.map { tr("Notifications appear through %1$@.", $0) }
                  ?? tr("No notification server on the session bus: prompts wait here for `steady answer`."))
        } else {
            print(tr("steady is not running. Start it with `steady daemon` (or `steady service install`)."))
        }
        if let problem = problem ?? report.configProblem {
            let indented = problem.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            print(report.running ? tr("The config has a problem; the previous settings are still in use:") + "\n" + indented
                                 : tr("The config has a problem:") + "\n" + indented)
        }
        print("")
        if report.upcoming.isEmpty {
            print(tr("Nothing is scheduled."))
        } else {
            print(tr("Next:"))
            for item in report.upcoming.prefix(5) {
                print("  \(Clock.short(item.at).padding(toLength: 10, withPad: " ", startingAt: 0))  \(Self.name(item.practice.rawValue))")
            }
        }
        print("")
        if report.pending.isEmpty {
            print(tr("No prompts are waiting for an answer."))
        } else {
            print(tr("Waiting for an answer (each is optional):"))
            for item in report.pending {
                print("  #\(item.id)  \(Self.name(item.practice)) · \(Clock.short(item.due)) — \(item.title)")
                print("       \(item.body)")
                let accepts = item.choiceLabels.isEmpty ? item.accepts : item.choiceLabels.joined(separator: " | ")
                print("       steady answer \(item.id) <\(accepts)>")
            }
        }
    }
}
