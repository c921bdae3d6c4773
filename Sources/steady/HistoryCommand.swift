import ArgumentParser
import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import SteadyLocalization

struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "history",
        abstract: tr("Show prompts with your answers, and what you logged, newest first."),
        discussion: tr("In a terminal the whole history opens in a pager (less; set PAGER to change it), read page by page as you scroll. Otherwise the newest 20 are printed; --limit changes that.") + "\n\n" + tr("Examples:\n  steady history --since 7d\n  steady history --practice evening-reflection --outcome answered\n  steady history --practice trigger-journal --since 2025-03-01 --until 2025-03-31\n  steady history --json --limit 100") + "\n\n" + tr("Exit status: 0 shown, 64 a filter could not be read, 74 the journal cannot be read.")) }

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("How many to show (default: all of them in a pager, else 20).")))
    var limit: Int?

    @Option(help: ArgumentHelp(
        tr("Only this practice, or this kind of entry (trigger-journal, thought-record, pause, calming, win…). Repeat for more."),
        valueName: "name"))
    var practice: [String] = []

    @Option(help: ArgumentHelp(
        tr("Only prompts that ended this way: %1$@. Repeat or separate with commas. Leaves out logged entries.", Outcome.allCases.map(\.rawValue).joined(separator: ", ")),
        valueName: "outcome"))
    var outcome: [String] = []

    @OptionGroup var window: WindowOptions

    @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
    var json = false

    @Flag(help: ArgumentHelp(tr("Print straight to the terminal instead of a pager.")))
    var noPager = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError(tr("--limit must be at least 1.")) }
        _ = try outcomes()
    }

    func outcomes() throws -> [Outcome] {
        try outcome.flatMap { $0.split(separator: ",") }.map { raw in
            let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let value = Outcome(rawValue: text) else {
                let names = Outcome.allCases.map(\.rawValue)
                let hint = didYouMean(text, in: names)
                throw ValidationError(tr("'%1$@' is not an outcome.%2$@ Use one of: %3$@.", text, hint, names.joined(separator: ", ")))
            }
            return value
        }
    }

    /// Entry kinds steady's own tools write, accepted by --practice before any is recorded.
    static let entryKinds = ["trigger-journal", "trigger-journal-follow-up", "thought-record", "self-assessment", "pause", "calming", "win"]

    func run() throws {
        let outcomes = try outcomes()
        let window = try window.window()
        guard let journal = try openJournal(create: false) else {
            if json { print("[]") } else { print(tr("Nothing yet: the journal starts with steady's first prompt or your first entry.")) }
            return
        }
        try checkPractices(in: journal)
        let filter = HistoryFilter(since: window.since, until: window.until, practices: practice, outcomes: outcomes)
        let paging = !json && !noPager && isatty(STDOUT_FILENO) == 1
        let output = paging ? Pager.start() ?? Pager.direct : Pager.direct
        let total = limit ?? (output.isPager ? Int.max : 20)
        var clock = LocalClock(timeZone: .current)
        // What the stored keys read as: the forms' words now, each practice's choices on its first prompt.
        var formatter = HistoryText(names: practiceNames, labels: json ? StoredKeyLabels() : KeyLabels.forHistory())
        var practices: [String: ConfiguredPractice]? = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601

        var cursor: HistoryCursor? = nil
        var shown = 0
        if json { output.write("[") }
        pages: while shown < total {
            let want = min(total - shown, shown == 0 ? 50 : 500)
            let page: [HistoryRecord]
            do {
                page = try journal.historyPage(filter, after: cursor, limit: want)
            } catch {
                output.finish()
                printError(error.description)
                throw ExitStatus.journal
            }
            if !json {
                let chosen = page.compactMap { record -> String? in
                    guard case .prompt(let item) = record, case .choice? = item.answer?.value else { return nil }
                    return item.prompt.practice.rawValue
                }
                KeyLabels.addChoices(of: Set(chosen), to: &formatter.labels, practices: &practices)
            }
            for record in page {
                let text = json ? (shown == 0 ? "\n  " : ",\n  ") + String(decoding: try encoder.encode(Item(record)), as: UTF8.self)
                                : formatter.line(record, clock: &clock) + "\n"
                guard output.write(text) else { break pages }  // the pager was closed
                shown += 1
            }
            guard page.count == want, let last = page.last else { break }
            cursor = last.cursor
        }
        if json { output.write(shown == 0 ? "]\n" : "\n]\n") }
        if shown == 0 && !json {
            output.write((filter == HistoryFilter() ? tr("Nothing yet.") : tr("Nothing matches these filters.")) + "\n")
        } else if !json && !output.isPager && limit == nil && shown == 20 {
            // TRANSLATORS: after the newest entries of `steady history` when it is not shown in a pager; the number is 20.
            output.write(trn("(the newest %1$d; --limit for more, or --since to pick a stretch)",
                             "(the newest %1$d; --limit for more, or --since to pick a stretch)", shown) + "\n")
        }
        output.finish()
    }

    /// Fails with a suggestion when a --practice names neither a practice, nor an entry kind,
    /// nor anything in the journal.
    private func checkPractices(in journal: Journal) throws {
        let known = Set(registry.ids.map(\.rawValue) + Self.entryKinds)
        let unknown = practice.filter { !known.contains($0) }
        guard !unknown.isEmpty else { return }
        let recorded = Set((try? journal.recordedKinds()) ?? [])
        for name in unknown where !recorded.contains(name) {
            let all = Array(known.union(recorded)).sorted()
            let hint = didYouMean(name, in: all)
            printError(tr("'%1$@' is not a practice or a kind of entry.%2$@ `steady practices` lists the practices.", name, hint))
            throw ExitCode.validationFailure
        }
    }

    /// One record in `--json`.
    struct Item: Encodable {
        /// `prompt` or `entry`.
        var type: String
        var id: Int64
        /// The practice (prompts) or the kind of entry (entries).
        var practice: String
        /// The prompt's slot, or when the entry was logged.
        var slot: Date
        var title: String?
        var outcome: String?
        var answer: String?
        var note: String?
        var answeredAt: Date?
        var channel: String?
        var snoozes: Int?
        var parentID: Int64?
        /// An entry's fields: numbers as numbers, choices and text as strings, done as true.
        var fields: [String: Field]?

        enum Field: Encodable {
            case number(Int), string(String), flag(Bool)
            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .number(let n): try container.encode(n)
                case .string(let s): try container.encode(s)
                case .flag(let b): try container.encode(b)
                }
            }
        }

        /// An answer as `--json` writes it whatever the person's language (a data format): a
        /// choice by the label its prompt offered, a number on a scale as "4 of 5", else as stored.
        static func answer(_ value: AnswerValue, in request: AnswerRequest) -> String {
            // English: --json is a data format; the terminal view says "4 of 5" in the person's language.
            if case (.number(let n), .scale(let scale)) = (value, request) { return "\(n) of \(scale.range.upperBound)" }
            return HistoryText.describe(value, in: request)
        }

        init(_ record: HistoryRecord) {
            switch record {
            case .prompt(let item):
                type = "prompt"; id = item.prompt.id; practice = item.prompt.practice.rawValue; slot = item.prompt.slot
                title = item.prompt.content.title; outcome = item.prompt.outcome.rawValue
                answer = item.answer.map { Self.answer($0.value, in: item.prompt.content.request) }
                note = item.answer?.note; answeredAt = item.answer?.answeredAt; channel = item.answer?.channel.rawValue
                snoozes = item.prompt.snoozes; parentID = item.prompt.parentID
            case .entry(let entry):
                type = "entry"; id = entry.id; practice = entry.kind; slot = entry.createdAt; parentID = entry.parentID
                fields = entry.response.values.mapValues { value in
                    switch value {
                    case .number(let n): .number(n)
                    case .choice(let s), .text(let s): .string(s)
                    case .done: .flag(true)
                    }
                }
            }
        }
    }
}
