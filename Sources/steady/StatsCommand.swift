import ArgumentParser
import Foundation
import SteadyInsights
import SteadyJournal
import SteadyLocalization

struct StatsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "stats",
        abstract: tr("What has helped you: what eases things, how triggers felt, wins, feelings; the counts last."),
        discussion: tr("Covers the last 30 days unless --since says otherwise (--since all for everything). Leads with what helps: your ratings before and after calming practices, checks, pauses and time alone (once there are enough to say anything); how strong triggers felt and how that changed; wins; the feeling words you named; the times that suit you; requests you wrote with `steady ask`; how self-assessment areas moved. The plain counts of how check-ins ended, and when they were shown and answered, come last, for you or a therapist. Nothing here is a streak or a grade.") + "\n\n" + tr("Exit status: 0 shown, 64 --since/--until could not be read, 74 the journal cannot be read.")) }

    static let defaultSince = "30d"

    @OptionGroup var window: WindowOptions

    @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
    var json = false

    func run() throws {
        let dateWindow = try window.window(defaultSince: Self.defaultSince)
        let stats: JournalStats
        if let journal = try openJournal(create: false) {
            do {
                stats = try InsightsLoader(window: dateWindow).stats(from: journal)
            } catch {
                printError(error.description)
                throw ExitStatus.journal
            }
        } else {
            stats = InsightsLoader(window: dateWindow).emptyStats()
        }
        if json { try printJSON(stats); return }
        print(StatsText(stats: stats, names: practiceNames, labels: KeyLabels.of(stats), windowDescription: window.description(defaultSince: Self.defaultSince)).render(),
              terminator: "")
    }
}
