import ArgumentParser

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Write something down in your journal: a trigger, or a thought record.",
        discussion: "Each asks a few short questions in the terminal; optional ones can be skipped with Enter. Everything stays in your private journal.",
        subcommands: [LogTriggerCommand.self, LogThoughtCommand.self])
}
