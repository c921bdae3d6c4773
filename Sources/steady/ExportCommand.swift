import ArgumentParser
import Foundation
import SteadyInsights
import SteadyJournal
import SteadyLocalization

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export",
        abstract: tr("Export every prompt, answer and entry as CSV or JSON Lines."),
        discussion: tr("One record per line, in the order they were written: each prompt with its answer, and each entry you logged. The columns are stable and described in docs/export.md. CSV follows RFC 4180 (a header line, CRLF line ends, quoted fields where needed); json writes JSON Lines, one object per line with the same keys. Times are local, with their UTC offset (RFC 3339). Streams in constant memory, however large the journal.") + "\n\n" + tr("The export holds everything you wrote: the file is created readable by you only.") + "\n\n" + tr("Examples:\n  steady export csv -o journal.csv\n  steady export json --since 3mo | jq .") + "\n\n" + tr("Exit status: 0 written, 64 a bad format or window, 74 the journal cannot be read.")) }

    @Argument(help: ArgumentHelp(tr("csv or json (JSON Lines)."), valueName: "format"))
    var format: String

    @OptionGroup var window: WindowOptions

    @Option(name: [.short, .long], help: ArgumentHelp(tr("Write to this file instead of standard output."), valueName: "file"))
    var output: String?

    func validate() throws {
        guard parsedFormat != nil else {
            throw ValidationError(tr("'%1$@' is not an export format; use csv or json.", format))
        }
    }

    private var parsedFormat: ExportFormat? {
        switch format.lowercased() {
        case "csv": .csv
        case "json", "jsonl", "ndjson": .json
        default: nil
        }
    }

    func run() throws {
        let export = JournalExport(format: parsedFormat!, window: try window.window())
        let fd = output.map { $0 == "-" ? STDOUT_FILENO : -1 } ?? STDOUT_FILENO
        let target = fd == -1 ? try createPrivateFile(output!) : fd
        defer { if target != STDOUT_FILENO { close(target) } }
        signal(SIGPIPE, SIG_IGN)  // `| head` ends the export with a message, not a signal
        guard let journal = try openJournal(create: false) else {
            if export.format == .csv {
                var sink = FileDescriptorSink(fd: target)
                try Array((JournalExport.columns.joined(separator: ",") + "\r\n").utf8).withUnsafeBytes { try sink.write($0) }
            }
            return
        }
        do {
            let summary = try export.write(from: journal, to: FileDescriptorSink(fd: target))
            if let output, output != "-" {
                print(tr("Wrote %1$@ to %2$@: %3$@ (%4$@) and %5$@.",
                         trn("%1$d record", "%1$d records", summary.records), output,
                         trn("%1$d prompt", "%1$d prompts", summary.prompts),
                         trn("%1$d answered", "%1$d answered", summary.answers),
                         trn("%1$d entry", "%1$d entries", summary.entries)))
            }
        } catch let error as InsightsError {
            if error.code == .outputClosed { return }
            printError(error.description)
            throw ExitStatus.failure
        } catch {
            printError("\(error)")
            throw ExitStatus.journal
        }
    }
}
