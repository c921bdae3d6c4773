import ArgumentParser
import SteadyKit
import SteadyTerminal

struct LogThoughtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thought",
        abstract: "A thought record: look at one worrying thought from a few sides.",
        discussion: """
            Asks about the situation, the anxious thought and how true it feels (0–100), what \
            backs it up and what doesn't fit, what you would tell a friend, a fairer view, and \
            how true the first thought feels afterwards.

            Answers can also be piped in, one line each (an empty line skips an optional one).

            Exit status: 0 saved, 65 piped input ended or did not fit, 74 the journal cannot be \
            written, 130 stopped with Ctrl-C (nothing saved).
            """)

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let tool = ToolConsole(options: options)
        switch tool.asker.walk(ThoughtRecord.form) {
        case .failure(let stop):
            throw stopped(stop, console: tool.console)
        case .success(let response):
            let saved = try saveEntry(response)
            let console = tool.console
            console.line()
            if let change = ThoughtRecord.change(in: response) { console.line(change.summary) }
            console.line("Saved as entry #\(saved.id). Looking at a thought this closely takes some courage.")
        }
    }
}
