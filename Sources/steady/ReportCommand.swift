import ArgumentParser
import Foundation
import SteadyInsights
import SteadyJournal
import SteadyLocalization

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report",
        abstract: tr("Write a report with plots to one HTML file you can open, print or share."),
        discussion: tr("The file is self-contained (inline styles and pictures, no scripts, nothing fetched) and prints well to PDF. It covers the last 12 months unless --since says otherwise: check-ins by day, prompts by practice, when answering fits your day, intensity over time, before and after by technique, when triggers came, self-assessment over time and your wins.") + "\n\n" + tr("Words you wrote yourself are left out unless you add --include-text (then the words of your wins are in it); the report says which. The file is created readable by you only.") + "\n\n" + tr("Exit status: 0 written, 64 --since/--until could not be read, 74 the journal cannot be read.")) }

    static let defaultSince = "12mo"

    @OptionGroup var window: WindowOptions

    @Option(name: [.short, .long], help: ArgumentHelp(tr("Where to write it ('-' for standard output)."), valueName: "file"))
    var output = "steady-report.html"

    @Flag(help: ArgumentHelp(tr("Include the words you wrote for your wins (left out by default).")))
    var includeText = false

    func run() throws {
        let dateWindow = try window.window(defaultSince: Self.defaultSince)
        let loader = InsightsLoader(window: dateWindow)
        let data: ReportData
        if let journal = try openJournal(create: false) {
            do {
                data = try loader.report(from: journal, includeText: includeText)
            } catch {
                printError(error.description)
                throw ExitStatus.journal
            }
        } else {
            data = loader.emptyReport(includeText: includeText)
        }
        let html = ReportHTML(data: data, names: practiceNames, labels: KeyLabels.of(data.stats),
                              windowDescription: window.description(defaultSince: Self.defaultSince)).render()
        let fd = output == "-" ? STDOUT_FILENO : try createPrivateFile(output)
        defer { if fd != STDOUT_FILENO { close(fd) } }
        var sink = FileDescriptorSink(fd: fd)
        do {
            try Array(html.utf8).withUnsafeBytes { try sink.write($0) }
        } catch {
            printError(tr("%1$@ Nothing more was written to %2$@.", "\(error)", output))
            throw ExitStatus.failure
        }
        if output != "-" {
            let size = html.utf8.count
            print(tr("Wrote %1$@ (%2$@). Open it in any browser; it needs no network.", output, size >= 10_000 ? tr("%1$@ kB", size / 1000) : trn("%1$d byte", "%1$d bytes", size)))
            print(includeText ? tr("It includes the words of your wins: share it only with people you choose.")
                              : tr("It holds counts, ratings and choices, not the words you wrote (--include-text adds your wins)."))
        }
    }
}
