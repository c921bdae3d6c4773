import ArgumentParser
import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import Wins
import SteadyLocalization

struct WinsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "wins",
        abstract: tr("Your collection of wins and evidence against old fears."),
        discussion: tr("`steady wins` reads the collection back, newest first: what you added here, what you answered to the wins check-ins, and requests (`steady ask`) that went well and that you chose to keep. It is there for the moments an old fear is loud.\n`steady wins add \"They called back\"` adds one."),
        subcommands: [Show.self, Add.self],
        defaultSubcommand: Show.self) }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "show", abstract: tr("Read the collection back, newest first.")) }

        @Option(name: .shortAndLong, help: ArgumentHelp(tr("Show at most this many (default: all).")))
        var limit: Int?

        @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
        var json = false

        struct Item: Encodable {
            var at: Date
            var text: String
            /// `added` (steady wins add, or a request kept in the terminal), `check-in` (an answer
            /// to the wins practice) or `request` (a request kept from its check-in).
            var source: String
        }

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError(tr("--limit must be at least 1.")) }
        }

        func run() throws {
            var items: [Item] = []
            if let journal = try openJournal(create: false) {
                do {
                    items += try journal.entries(kind: WinEntry.form.id, limit: 10_000).compactMap { entry in
                        entry.response.text(WinEntry.field).map { Item(at: entry.createdAt, text: $0, source: "added") }
                    }
                    items += try journal.history(limit: 10_000, practice: WinsPractice.id).compactMap { item in
                        guard let answer = item.answer, case .text(let text) = answer.value else { return nil }
                        return Item(at: answer.answeredAt, text: text, source: "check-in")
                    }
                    items += try journal.history(limit: 10_000, practice: PracticeID(NeedRequest.form.id)).compactMap { item in
                        guard let answer = item.answer, answer.value == .choice(NeedRequest.keepKey) else { return nil }
                        let request = item.prompt.entryID.flatMap { try? journal.entry($0) }?.response.text(NeedRequest.Field.request)
                        return Item(at: answer.answeredAt, text: NeedRequest.winText(request: request), source: "request")
                    }
                } catch {
                    printError(error.description)
                    throw ExitStatus.journal
                }
            }
            items.sort { $0.at > $1.at }
            if let limit { items = Array(items.prefix(limit)) }
            if json { try printJSON(items); return }
            guard !items.isEmpty else {
                print(tr("Nothing here yet. When something goes well, or an old fear turns out wrong,"))
                print(tr("`steady wins add \"…\"` keeps it for the days you need reminding."))
                return
            }
            print(trn("One thing worth remembering:", "%1$d things worth remembering:", items.count))
            print("")
            for item in items {
                let lines = item.text.split(separator: "\n", omittingEmptySubsequences: true)
                print("  \(Clock.full(item.at).prefix(10))  \(lines.first ?? "")")
                for more in lines.dropFirst() { print("              \(more)") }
            }
            print("")
            print(tr("Each of these happened. They count, even on a day that feels different."))
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "add", abstract: tr("Add a win, or something that didn't fit an old fear.")) }

        @Argument(help: ArgumentHelp(tr("What to keep. Quote text with spaces, or leave it out to be asked.")))
        var text: [String] = []

        @OptionGroup var options: ConfigOptions
        @OptionGroup var display: DisplayOptions

        func run() throws {
            let response: FormResponse
            if text.isEmpty {
                let tool = ToolConsole(options: options, display: display)
                switch tool.asker.walk(WinEntry.form) {
                case .failure(let stop): throw stopped(stop, console: tool.console)
                case .success(let value): response = value
                }
            } else {
                do {
                    response = try WinEntry.form.response(from: [WinEntry.field: .text(text.joined(separator: " "))])
                } catch {
                    printError(tr("there was nothing to add; give a few words, e.g. `steady wins add \"I asked for what I needed\"`."))
                    throw ExitStatus.badAnswer
                }
            }
            let saved = try saveEntry(response)
            print(tr("Added to your collection (entry #%1$d). `steady wins` reads it back.", saved.id))
        }
    }
}
