import ArgumentParser
import Foundation
import SteadyInsights
import SteadyJournal

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts from your journal: how prompts ended, when answering fits, what eases things.",
        discussion: """
            Covers the last 30 days unless --since says otherwise (--since all for everything). \
            Shows, per practice, how prompts ended; answered prompts by hour and weekday; ratings \
            before and after calming practices (once there are enough to say anything); trigger \
            entries by kind and time of day; and how self-assessment areas moved. Counts, not grades.

            Exit status: 0 shown, 64 --since/--until could not be read, 74 the journal cannot be read.
            """)

    static let defaultSince = "30d"

    @OptionGroup var window: WindowOptions

    @Flag(help: "Print JSON for scripts.")
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
        print(StatsText(stats: stats, names: practiceNames, windowDescription: window.description(defaultSince: Self.defaultSince)).render(),
              terminator: "")
    }
}
