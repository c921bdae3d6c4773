import ArgumentParser
import Foundation
import SteadyKit
import SteadyTerminal
import SteadyLocalization

/// Runs a calming practice inside the before/after loop and saves it: shared by `breathe`,
/// `ground`, `relax` and `body-scan`.
struct CalmingRun {
    let tool: ToolConsole
    let technique: String
    let name: String

    /// Intro lines are shown by the caller; this asks, practises, asks, saves and closes.
    func run(_ session: () -> SessionProgress, describe: (SessionProgress) -> String) throws {
        let console = tool.console
        let outcome = CalmingFlow(asker: tool.asker).run(technique: technique, session: {
            console.line()
            return session()
        })
        switch outcome {
        case .stoppedBeforeStart(let stop):
            throw stopped(stop, console: console)
        case .practised(let response, let progress):
            let journal = try openJournalForWriting()
            let entry = try saveEntry(response, in: journal)
            console.line()
            if !progress.finished { console.line(tr("Stopped there, and that's fine.")) }
            // TRANSLATORS: the practice's name, how far it went ("4 rounds, 1:04"), the entry's number.
            console.line(tr("%1$@: %2$@. Saved to your journal (entry #%3$d).", name, describe(progress), entry.id))
            if let change = CalmingEntry.change(in: response) { console.line(change.summary) }
            for line in techniqueLines(journal: journal, current: technique) { console.line(line) }
            // The check-in that invited this practice (e.g. through "Guide me") is answered by it.
            for line in answerGuidedCheckIns(choosing: technique, journal: journal, configPath: tool.configPath) {
                console.line(line)
            }
        }
    }
}
