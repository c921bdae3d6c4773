import ArgumentParser
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill a new journal with years of made-up but realistic check-ins and entries.",
        discussion: """
            Deterministic for a given --seed. The default practices run on their default schedules; \
            a frequent mood check-in and logged entries (triggers with follow-ups, calming practices, \
            pauses, thought records, wins, a monthly self-assessment) are scaled so the journal \
            holds about --rows rows in the prompt, answer and entry tables (within a percent or \
            so; events come on top), every day up to yesterday filled. Answer \
            habits vary by hour and weekday, ratings ease slowly over the years, and some written \
            text is hostile to parsers (commas, quotes, line breaks, emoji).
            """)

    @OptionGroup var journal: JournalOptions

    @Option(help: "About how many rows to write in the prompt, answer and entry tables together.")
    var rows = 1_000_000

    @Option(help: "Years of history, ending now.")
    var years = 10.0

    @Option(help: "Seed for the random choices.")
    var seed: UInt64 = 6

    @Flag(help: "Replace an existing journal at that place.")
    var force = false

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must not be negative.") }
        guard years > 0 else { throw ValidationError("--years must be more than 0.") }
    }

    func run() throws {
        let path = journal.journalPath
        if FileManager.default.fileExists(atPath: path) {
            guard force else {
                throw ValidationError("\(path) exists; add --force to replace it, or pick another --data-home.")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let start = Date()
        let generator = JournalGenerator(path: path, rows: rows, years: years, seed: seed, timeZone: .current)
        let counts = try generator.run()
        let seconds = Date().timeIntervalSince(start)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0)
        print("journal     \(path)")
        print("rows        \(counts.prompts + counts.answers + counts.entries) (prompts \(counts.prompts), answers \(counts.answers), entries \(counts.entries)); events \(counts.events)")
        print("span        \(counts.firstDay) – \(counts.lastDay)")
        print("size        \(size / 1_000_000) MB")
        print(String(format: "took        %.1f s", seconds))
    }
}
