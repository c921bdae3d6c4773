import ArgumentParser
import SteadyLocalization

struct LogCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "log",
        abstract: tr("Write something down in your journal: a trigger, or a thought record."),
        discussion: tr("Each asks a few short questions in the terminal; optional ones can be skipped with Enter. Everything stays in your private journal."),
        subcommands: [LogTriggerCommand.self, LogThoughtCommand.self]) }
}
