import ArgumentParser
import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit

struct InsightsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Time history, stats, report and export on a journal (see `generate`).",
        discussion: """
            In-process timings call the same SteadyInsights code the commands use; each is run \
            --runs times and the median and the first (coldest) run are shown. Then, when the \
            `steady` binary sits next to this one, each command runs as a real process (start-up \
            included) with its wall time and peak memory. Budgets from the issue are shown beside \
            the numbers; nothing is asserted.
            """)

    @OptionGroup var journal: JournalOptions

    @Option(help: "Runs of each in-process measurement.")
    var runs = 5

    @Flag(help: "Skip running the steady binary as a process.")
    var skipProcesses = false

    func run() throws {
        let path = journal.journalPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("There is no journal at \(path); make one with `steady-bench generate --data-home \(journal.dataHome)`.")
        }
        let workDirectory = NSTemporaryDirectory() + "steady-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }

        let fileSize = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0)
        print("journal   \(path), \(fileSize / 1_000_000) MB")
        print("machine   \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")
        print("")
        if !skipProcesses {
            try timeProcesses(workDirectory: workDirectory)
            print("")
        }

        let (opened, openTime) = try measureOnce { try Journal(path: path, create: false) }
        let (_, reopenTime) = try measureOnce { try Journal(path: path, create: false) }
        let counts = try opened.rowCounts()
        let sizes = [counts.prompts, counts.answers, counts.entries, counts.events]
        print("In this process (the SteadyInsights calls the commands make; median and first of \(runs) runs):")
        print("rows      \(sizes[0] + sizes[1] + sizes[2]) (prompts \(sizes[0]), answers \(sizes[1]), entries \(sizes[2])); events \(sizes[3])")
        print(row("open the journal (first, then again)", Timing([openTime, reopenTime])))

        // History: the first page is what a person waits for.
        let text = HistoryText()
        func historyPage(_ filter: HistoryFilter, after cursor: HistoryCursor? = nil) throws -> [HistoryRecord] {
            let page = try opened.historyPage(filter, after: cursor, limit: 20)
            var clock = LocalClock(timeZone: .current)
            _ = page.map { text.line($0, clock: &clock) }
            return page
        }
        let week = try DateWindow.parse(since: "7d", until: nil)
        for (label, filter) in [
            ("history, first page", HistoryFilter()),
            ("history --practice evening-reflection", HistoryFilter(practices: ["evening-reflection"])),
            ("history --practice trigger-journal", HistoryFilter(practices: ["trigger-journal"])),
            ("history --outcome missed", HistoryFilter(outcomes: [.missed])),
            ("history --outcome undelivered,skipped", HistoryFilter(outcomes: [.undelivered, .skipped])),
            ("history --since 7d", HistoryFilter(since: week.since)),
        ] {
            print(row(label, try measure { _ = try historyPage(filter) }, budget: "100 ms"))
        }
        // A page deep into the history costs the same as the first (keyset paging).
        var cursor: HistoryCursor? = nil
        var skipped = 0
        while skipped < 100_000, let last = try opened.historyPage(HistoryFilter(), after: cursor, limit: 500).last {
            cursor = last.cursor
            skipped += 500
        }
        let deep = cursor
        print(row("history, a page after \(skipped) rows", try measure { _ = try historyPage(HistoryFilter(), after: deep) }, budget: "100 ms"))

        // Stats and report.
        for (label, since) in [("stats (last 30 days, the default)", "30d"), ("stats --since all", "all")] {
            let loader = InsightsLoader(window: try DateWindow.parse(since: since, until: nil))
            print(row(label, try measure { _ = StatsText(stats: try loader.stats(from: opened)).render() }, budget: "1 s"))
        }
        for (label, since) in [("report (last 12 months, the default)", "12mo"), ("report --since all", "all")] {
            let loader = InsightsLoader(window: try DateWindow.parse(since: since, until: nil))
            var bytes = 0
            let timing = try measure(runs: max(1, runs / 2)) {
                bytes = ReportHTML(data: try loader.report(from: opened, includeText: false)).render().utf8.count
            }
            print(row(label, timing, budget: "3 s", extra: "\(bytes / 1000) kB of HTML"))
        }

        // Export: records per second, and memory while it streams.
        for format in ExportFormat.allCases {
            for target in ["file", "/dev/null"] {
                let file = target == "file" ? workDirectory + "/export.\(format.rawValue)" : "/dev/null"
                let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                var rss: [Int] = []
                let startRSS = Memory.residentKB()
                let (summary, seconds) = try measureOnce {
                    try JournalExport(format: format).write(from: opened, to: FileDescriptorSink(fd: fd)) { _ in rss.append(Memory.residentKB()) }
                }
                close(fd)
                let perSecond = Double(summary.records) / seconds
                let rowsPerSecond = Double(summary.records + summary.answers) / seconds
                print(row("export \(format.rawValue) to \(target == "file" ? "a file" : "/dev/null")", Timing([seconds]), budget: "≥ 200 000/s",
                          extra: String(format: "%.0f records/s (%.0f journal rows/s), %.0f MB/s; resident %d → %d MB while streaming",
                                        perSecond, rowsPerSecond, Double(summary.bytes) / seconds / 1e6, startRSS / 1024, (rss.max() ?? startRSS) / 1024)))
                if target == "file" { try? FileManager.default.removeItem(atPath: file) }
            }
        }
        // The journal reads rows straight from SQLite's buffers; GRDB's Row cursor, for comparison.
        for (label, grdb) in [("read every record column, hand-read rows", false), ("read every record column, GRDB Row cursor", true)] {
            var count = 0
            let timing = try measure(runs: max(1, runs / 2)) { count = try opened.readSnapshot { try $0.readAllRecordColumns(throughGRDBCursor: grdb) } }
            print(row(label, timing, extra: String(format: "%.0f rows/s", Double(count) / timing.median)))
        }
        print("          (a record is a prompt with its answer, or an entry: \(sizes[0] + sizes[2]) records hold the \(sizes[0] + sizes[1] + sizes[2]) journal rows)")

    }

    /// Each command as a real process: wall time with start-up, and peak memory from wait4.
    ///
    /// Runs before anything else is loaded here: a child's peak-memory reading includes this
    /// process's peak at the moment it was spawned, so that must stay small.
    func timeProcesses(workDirectory: String) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("steady").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("(no steady binary next to steady-bench at \(binary); build it to time the commands as processes)")
            return
        }
        print("As processes (\(binary); wall time includes start-up; peak resident memory,")
        print("which cannot read below this benchmark's own \(Memory.residentKB() / 1024) MB when it starts them):")
        let environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": journal.dataHome, "PAGER": "cat"]) { $1 }
        for (label, arguments, budget) in [
            ("steady history", ["history", "--no-pager"], "100 ms"),
            ("steady history --outcome missed", ["history", "--outcome", "missed"], "100 ms"),
            ("steady stats", ["stats"], "1 s"),
            ("steady stats --since all", ["stats", "--since", "all"], "1 s"),
            ("steady report", ["report", "-o", workDirectory + "/report.html"], "3 s"),
            ("steady report --since all", ["report", "--since", "all", "-o", workDirectory + "/report-all.html"], "3 s"),
            ("steady export csv --since 30d", ["export", "csv", "--since", "30d", "-o", workDirectory + "/recent.csv"], ""),
            ("steady export csv", ["export", "csv", "-o", workDirectory + "/all.csv"], "≥ 200 000/s"),
            ("steady export json", ["export", "json", "-o", workDirectory + "/all.jsonl"], "≥ 200 000/s"),
        ] {
            var results: [ChildRun] = []
            for _ in 0..<(label.contains("export") ? 1 : 3) {
                results.append(try ChildRun.run(binary, arguments, environment: environment))
            }
            guard results.allSatisfy({ $0.status == 0 }) else {
                print(row(label, Timing(results.map(\.seconds)), extra: "exit status \(results.map(\.status))"))
                continue
            }
            var extra = "peak \(results.map(\.maxResidentKB).max()! / 1024) MB"
            if label.contains("export"), let first = results.first, let lines = lineCount(arguments.last!) {
                extra += String(format: ", %.0f records/s", Double(lines - (arguments[1] == "csv" ? 1 : 0)) / first.seconds)
            }
            print(row(label, Timing(results.map(\.seconds)), budget: budget, extra: extra))
        }
    }

    // MARK: - Measuring

    struct Timing {
        var seconds: [Double]
        init(_ seconds: [Double]) { self.seconds = seconds }
        var median: Double { seconds.sorted()[seconds.count / 2] }
        var first: Double { seconds[0] }
    }

    func measure(runs count: Int? = nil, _ body: () throws -> Void) throws -> Timing {
        var times: [Double] = []
        for _ in 0..<(count ?? runs) {
            let start = Monotonic.now()
            try body()
            times.append(Monotonic.now() - start)
        }
        return Timing(times)
    }

    func measureOnce<T>(_ body: () throws -> T) throws -> (T, Double) {
        let start = Monotonic.now()
        let value = try body()
        return (value, Monotonic.now() - start)
    }

    func row(_ label: String, _ timing: Timing, budget: String = "", extra: String = "") -> String {
        let times = timing.seconds.count == 1 ? Self.format(timing.first)
            : "\(Self.format(timing.median)) median, \(Self.format(timing.first)) first"
        var line = label.padding(toLength: 44, withPad: " ", startingAt: 0) + times.padding(toLength: 34, withPad: " ", startingAt: 0)
        if !budget.isEmpty { line += "budget \(budget)".padding(toLength: 20, withPad: " ", startingAt: 0) }
        return line + extra
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    func lineCount(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var lines = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        return lines
    }
}

/// Seconds on the monotonic clock.
enum Monotonic {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// This process's memory, from /proc.
enum Memory {
    /// Resident set size in KiB.
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}

/// One run of a child process, with its wall time and peak memory (from wait4).
struct ChildRun {
    var status: Int32
    var seconds: Double
    var maxResidentKB: Int

    static func run(_ binary: String, _ arguments: [String], environment: [String: String]) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = Monotonic.now()
        let result = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard result == 0 else { throw ValidationError("could not start \(binary): \(String(cString: strerror(result)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Monotonic.now() - start
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exited, seconds: seconds, maxResidentKB: usage.ru_maxrss)
    }
}
