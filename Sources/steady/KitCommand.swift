import ArgumentParser
import Foundation
import SteadyConfig
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct KitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "kit",
        abstract: tr("Your soothing kit and setback plan, written on a calm day for the hard ones."),
        discussion: tr("`steady kit` shows it; `steady kit edit` writes it, or changes it: what calms your body, what comforts your feelings, what steadies your mind, people to call, the basics, and a plan for when old patterns come back. Where steady knows something from your own journal and config (the technique that has eased things most in your before/after ratings, the people you named) it suggests it, and Enter keeps it.") + "\n\n" + tr("steady shows the kit next to the safety response, inside `steady pause`, and once after several unsettled evenings in a row. A notification only points at it; what you wrote shows only in the terminal."),
        subcommands: [Show.self, Edit.self],
        defaultSubcommand: Show.self) }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: tr("Show your kit and setback plan.")) }

        @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
        var json = false

        func run() throws {
            let kit = latestKit()
            if json {
                try printJSON(kit?.values ?? [:])
                return
            }
            guard let kit, !kit.isEmpty else {
                for line in SoothingKit.noKitYet { print(line) }
                return
            }
            for line in kit.lines { print(line) }
        }
    }

    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "edit", abstract: tr("Write your kit, or change it (Enter keeps each line as it is).")) }

        @OptionGroup var options: ConfigOptions
        @OptionGroup var display: DisplayOptions

        func run() throws {
            let tool = ToolConsole(options: options, display: display)
            let existing = latestKit()
            let prefills = SoothingKit.prefills(existing: existing, suggestions: suggestions())
            let suggestions = prefills.mapValues { Asker.Suggestion(text: $0.text, reason: $0.reason) }
            // English: a command name
            let response = try tool.fillKeepingDrafts(SoothingKit.form, command: "steady kit edit", suggestions: suggestions)
            let console = tool.console
            console.line()
            guard !SoothingKit(response).isEmpty else {
                console.line(SoothingKit.nothingWritten)
                return
            }
            let journal = try openJournalForWriting()
            let saved = try saveEntry(response, in: journal)
            tool.finished(SoothingKit.form, journal: journal)
            for line in SoothingKit(response).lines { console.line(line) }
            console.line()
            console.line(Translation.sentences(tr("Saved as entry #%1$d.", saved.id), SoothingKit.saved))
        }

        /// What the person's own journal and config suggest.
        func suggestions() -> SoothingKit.Suggestions {
            var suggestions = SoothingKit.Suggestions()
            if let journal = try? openJournal(create: false) {
                if let best = bestTechnique(journal: journal) {
                    suggestions.bestTechnique = (CalmingEntry.name(of: best.technique), -best.averageChange)
                }
                suggestions.hasWins = !((try? journal.entries(kind: WinEntry.form.id, limit: 1)) ?? []).isEmpty
                    || ((try? journal.history(limit: 50, practice: "wins")) ?? []).contains { $0.answer != nil }
            }
            if let config = try? ConfigLoader(registry: registry).load(path: options.config) {
                suggestions.people = config.safety.contacts
            }
            return suggestions
        }
    }
}
