import ArgumentParser
import Foundation
import SteadyJournal
import SteadyKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show recent prompts and your answers, newest first.")

    @Option(name: .shortAndLong, help: "How many prompts to show.")
    var limit: Int = 20

    @Option(help: "Only this practice (see `steady practices`).")
    var practice: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        if let practice, registry[PracticeID(practice)] == nil {
            let hint = Suggestion.nearest(to: practice, in: registry.ids.map(\.rawValue)).map { " Did you mean '\($0)'?" } ?? ""
            throw ValidationError("'\(practice)' is not a practice.\(hint) `steady practices` lists them.")
        }
    }

    struct Item: Encodable {
        var id: Int64
        var practice: String
        var slot: Date
        var title: String
        var outcome: String
        var answer: String?
        var note: String?
        var answeredAt: Date?
        var channel: String?
    }

    func run() throws {
        guard let journal = try openJournal(create: false) else {
            if json { try printJSON([Item]()) } else { print("Nothing yet: the journal starts with steady's first prompt.") }
            return
        }
        let items: [HistoryItem]
        do {
            items = try journal.history(limit: limit, practice: practice.map { PracticeID($0) })
        } catch {
            printError(error.description)
            throw ExitStatus.journal
        }
        let rows = items.map { item in
            Item(id: item.prompt.id, practice: item.prompt.practice.rawValue, slot: item.prompt.slot,
                 title: item.prompt.content.title, outcome: item.prompt.outcome.rawValue,
                 answer: item.answer.map { Self.describe($0.value, in: item.prompt.content.request) },
                 note: item.answer?.note, answeredAt: item.answer?.answeredAt, channel: item.answer?.channel.rawValue)
        }
        if json { try printJSON(rows); return }
        if rows.isEmpty {
            print("Nothing yet.")
            return
        }
        for row in rows {
            let when = Clock.full(row.slot)
            var line = "\(when)  #\(row.id)  \(row.practice.padding(toLength: 20, withPad: " ", startingAt: 0))  \(row.outcome)"
            if let answer = row.answer { line += ": \(answer)" }
            if let note = row.note { line += " — \(note)" }
            print(line)
        }
    }

    /// A choice shown by its label, a number with its scale, text as written.
    static func describe(_ value: AnswerValue, in request: AnswerRequest) -> String {
        switch (value, request) {
        case (.choice(let key), .choices(let choices)):
            return choices.first { $0.key == key }?.label ?? key
        case (.number(let n), .scale(let scale)):
            return "\(n) of \(scale.range.upperBound)"
        default:
            return value.description
        }
    }
}
