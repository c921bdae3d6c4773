import ArgumentParser
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct LogThoughtCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "thought",
        abstract: tr("A thought record: look at one worrying thought from a few sides."),
        discussion: tr("Asks about the situation, the anxious thought and how true it feels (0–100), what backs it up and what doesn't fit, what you would tell a friend, a fairer view, and how true the first thought feels afterwards.") + "\n\n" + tr("Answers can also be piped in, one line each (an empty line skips an optional one).") + "\n\n" + tr("Ctrl-C keeps what you wrote so far as a draft, and the next `steady log thought` in a terminal offers to continue it.") + "\n\n" + tr("Exit status: 0 saved, 65 piped input ended or did not fit, 74 the journal cannot be written, 130 stopped with Ctrl-C (a draft is kept if anything was written).")) }

    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let tool = ToolConsole(options: options, display: display)
        // English: a command name
        let response = try tool.fillKeepingDrafts(ThoughtRecord.form, command: "steady log thought")
        let journal = try openJournalForWriting()
        let saved = try saveEntry(response, in: journal)
        tool.finished(ThoughtRecord.form, journal: journal)
        let console = tool.console
        console.line()
        if let change = ThoughtRecord.change(in: response) { console.line(change.summary) }
        console.line(tr("Saved as entry #%1$d. Looking at a thought this closely takes some courage.", saved.id))
    }
}
