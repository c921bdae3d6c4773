import ArgumentParser

/// Benchmarks for steady, kept apart from the tests: each prints numbers and asserts nothing.
///
/// One subcommand per file. Build in release mode for numbers worth reading:
/// `swift run -c release steady-bench insights`.
@main
struct SteadyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steady-bench",
        abstract: "Measure steady: fill a large journal, time the read-only commands on it.",
        subcommands: [
            GenerateCommand.self, InsightsBenchCommand.self,
        ])
}

/// The journal the benchmarks use unless told otherwise.
struct JournalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The data directory holding steady/journal.sqlite (what XDG_DATA_HOME would be).", valueName: "dir"))
    var dataHome = "/tmp/steady-bench/data"

    var journalPath: String { dataHome + "/steady/journal.sqlite" }
}
