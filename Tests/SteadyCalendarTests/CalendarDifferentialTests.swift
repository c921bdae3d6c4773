import Foundation
import Testing
@testable import SteadyCalendar

/// Random valid expressions (and near-valid mutants) in several time zones and around DST
/// transitions, month ends, leap days and year ends: `CalendarReport.render` must print what
/// `systemd-analyze calendar` prints, line for line (the "From now" lines may differ only by the
/// time that passes while the tool runs).
///
/// `STEADY_CALENDAR_CASES` (default 1000) sets the number of expressions,
/// `STEADY_CALENDAR_SEED` the seed; `scripts/calendar-differential` runs many thousands.
@Suite("Calendar expressions: differential test against systemd-analyze")
struct CalendarDifferentialTests {
    /// The process zones (`TZ=`) the cases are spread over.
    static let zones = [
        "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC",
        "Europe/London", "Pacific/Chatham",
    ]

    struct Batch {
        var zone: String
        var base: Int  // µs since the epoch
        var iterations: Int
        var expressions: [String]
    }

    @Test func matchesSystemdAnalyze() throws {
        guard let tool = Self.findExecutable("systemd-analyze") else {
            Issue.record("""
                systemd-analyze is not on PATH: the calendar differential test needs the real tool as its oracle \
                (install systemd, e.g. `apt-get install systemd`, or run the project's test command, which provides it)
                """)
            return
        }
        let env = ProcessInfo.processInfo.environment
        let cases = env["STEADY_CALENDAR_CASES"].flatMap(Int.init) ?? 1000
        let seed = env["STEADY_CALENDAR_SEED"].flatMap(Self.parseSeed) ?? 0x5EED_CA1E
        let batchSize = 20

        var rng = CalendarSplitMix64(seed: seed)
        var generator = CalendarExpressionGenerator(rng: CalendarSplitMix64(seed: seed ^ 0xA5A5_A5A5))
        var perZone: [String: Int] = [:]
        var compared = 0, rejectedBoth = 0, never = 0, mismatches = 0, freshGuessDiffers = 0
        var lines = 0
        let started = Date()

        print("calendar differential: \(cases) cases, seed 0x\(String(seed, radix: 16)), zones \(Self.zones.joined(separator: ", "))")
        print("calendar differential: never generated (known differences, docs/calendar.md):")
        for reason in CalendarExpressionGenerator.excluded { print("  - \(reason)") }

        var batchIndex = 0
        while compared < cases {
            let zone = Self.zones[batchIndex % Self.zones.count]
            batchIndex += 1
            let base = Self.baseTime(zone: zone, rng: &rng)
            (generator.focusHours, generator.focusMinutes) = Self.focus(zone: zone, base: base)
            var expressions: [String] = []
            for _ in 0..<min(batchSize, cases - compared) {
                let e = generator.expression()
                if rng.chance(0.12) {
                    var m = generator.mutant(of: e)
                    while m.contains("@ ") || m.contains("@-") || m.contains("@+") { m = generator.mutant(of: e) }
                    expressions.append(m)
                } else {
                    expressions.append(e)
                }
            }
            let batch = Batch(zone: zone, base: base, iterations: rng.int(1...6),
                              expressions: expressions)
            let result = try compare(batch, tool: tool)
            compared += expressions.count
            perZone[zone, default: 0] += expressions.count
            rejectedBoth += result.rejectedBoth
            never += result.never
            lines += result.lines
            freshGuessDiffers += result.freshGuessDiffers
            for failure in result.failures {
                mismatches += 1
                if mismatches <= 25 { Issue.record(Comment(rawValue: failure)) }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("calendar differential: \(compared) expressions, \(lines) output lines compared in \(String(format: "%.1f", seconds)) s; "
            + "\(rejectedBoth) rejected by both, \(never) never elapse, \(mismatches) mismatches")
        print("calendar differential: nextElapse with a fresh mktime guess gave another first elapse for \(freshGuessDiffers) expressions (informational)")
        print("calendar differential: per zone: " + Self.zones.map { "\($0) \(perZone[$0] ?? 0)" }.joined(separator: ", "))
        #expect(mismatches == 0, "\(mismatches) of \(compared) expressions differ from systemd-analyze (first 25 reported above)")
    }

    struct BatchResult {
        var failures: [String] = []
        var rejectedBoth = 0
        var never = 0
        var lines = 0
        var freshGuessDiffers = 0
    }

    private func compare(_ batch: Batch, tool: String) throws -> BatchResult {
        guard let timeZone = TimeZone(identifier: batch.zone) else {
            return BatchResult(failures: ["Foundation does not know the zone \(batch.zone)"])
        }
        let baseDate = Date(timeIntervalSince1970: TimeInterval(batch.base) / 1_000_000)
        let before = Date()
        let expected = try Self.run(tool, zone: batch.zone, iterations: batch.iterations, base: batch.base,
                                    expressions: batch.expressions)
        let after = Date()
        let early = CalendarReport.render(batch.expressions, iterations: batch.iterations, base: baseDate, now: before,
                                          timeZone: timeZone)
        let late = CalendarReport.render(batch.expressions, iterations: batch.iterations, base: baseDate, now: after,
                                         timeZone: timeZone)

        let n = batch.expressions.count
        let expectedBlocks = Self.blocks(expected, count: n)
        let earlyBlocks = Self.blocks(early.output, count: n)
        let lateBlocks = Self.blocks(late.output, count: n)
        var result = BatchResult()
        // The public nextElapse starts from a fresh mktime guess (docs/calendar.md, difference 5):
        // count how often that changes the first elapse compared with the carried guess.
        var carried = 0
        for text in batch.expressions {
            guard let e = try? CalendarExpression(text) else { continue }
            var after = batch.base
            var first: Int?
            for k in 0..<batch.iterations {
                guard case .elapse(let next) = e.search(afterMicroseconds: after, in: timeZone, mktimeOffset: &carried) else { break }
                if k == 0 { first = next }
                after = next
            }
            let fresh = e.nextElapse(after: baseDate, in: timeZone).map(CalendarExpression.microseconds)
            if let first, fresh != first { result.freshGuessDiffers += 1 }
        }
        for i in 0..<n {
            let want = expectedBlocks[i], got = earlyBlocks[i], gotLate = lateBlocks[i]
            result.lines += want.count
            if want.isEmpty && got.isEmpty { result.rejectedBoth += 1 }
            if want.contains(where: { $0.hasSuffix("Next elapse: never") }) { result.never += 1 }
            var same = want.count == got.count && got.count == gotLate.count
            if same {
                for (j, line) in want.enumerated() where line != got[j] {
                    if line.hasPrefix("       From now:") && line == gotLate[j] { continue }
                    same = false
                    break
                }
            }
            if !same {
                let error = early.errors.first { $0.expression == batch.expressions[i] }
                result.failures.append("""
                    expression: '\(batch.expressions[i])'
                    zone: TZ=\(batch.zone)   base: @\(Self.decimal(batch.base)) (\(Self.iso(batch.base)))   iterations: \(batch.iterations)
                    reproduce: TZ=\(batch.zone) systemd-analyze calendar --iterations=\(batch.iterations) --base-time=@\(Self.decimal(batch.base)) '\(batch.expressions[i])'
                    (earlier expressions in the same batch: \(i); glibc's mktime guess carries over between them)
                    --- systemd-analyze
                    \(want.isEmpty ? "(rejected or no output)" : want.joined(separator: "\n"))
                    --- steady
                    \(got.isEmpty ? "(rejected: \(error?.description ?? "no output"))" : got.joined(separator: "\n"))
                    """)
            }
        }
        return result
    }

    // MARK: - Running the oracle

    static func run(_ tool: String, zone: String, iterations: Int, base: Int, expressions: [String]) throws -> String {
        try runTool(tool, ["calendar", "--iterations=\(iterations)", "--base-time=@\(decimal(base))", "--"] + expressions, zone: zone).output
    }

    /// Runs systemd-analyze under `TZ=zone` in the C locale, without pager or colours: its
    /// standard output and exit status.
    static func runTool(_ tool: String, _ arguments: [String], zone: String) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = zone
        env["SYSTEMD_PAGER"] = "cat"
        env["SYSTEMD_COLORS"] = "0"
        env["LC_ALL"] = "C"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// Splits systemd-analyze's output into one block of lines per expression (empty when the
    /// expression printed nothing, i.e. was rejected).
    static func blocks(_ output: String, count: Int) -> [[String]] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var result: [[String]] = []
        var i = 0
        for k in 0..<count {
            var block: [String] = []
            while i < lines.count, !lines[i].isEmpty {
                block.append(lines[i])
                i += 1
            }
            result.append(block)
            if k + 1 < count, i < lines.count, lines[i].isEmpty { i += 1 }
        }
        return result
    }

    /// `0x1f`, `1f` (hex) or `31`? Hex with `0x`, else decimal when all digits, else hex.
    static func parseSeed(_ text: String) -> UInt64? {
        let t = text.lowercased()
        if t.hasPrefix("0x") { return UInt64(t.dropFirst(2), radix: 16) }
        return UInt64(t) ?? UInt64(t, radix: 16)
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    // MARK: - Base times

    /// A base time (µs) near a DST transition, a month end, a leap day or a year end in `zone`,
    /// or anywhere in 2019–2035, sometimes with a fractional second.
    static func baseTime(zone name: String, rng: inout CalendarSplitMix64) -> Int {
        let zone = TimeZone(identifier: name)!
        var seconds: Int
        let kind = rng.int(0...99)
        let transitions = transitionsByZone(name)
        if kind < 40, !transitions.isEmpty {
            let t = rng.pick(transitions)
            let offset = rng.chance(0.3) ? rng.pick([-3601, -3600, -1800, -1, 0, 1, 1800, 3599]) : rng.int(-4 * 3600...4 * 3600)
            seconds = t + offset
        } else if kind < 80 {
            let year = rng.int(2019...2031)
            let (month, day): (Int, Int)
            switch rng.int(0...3) {
            case 0: (month, day) = (2, CivilDate.isLeap(year) ? 29 : 28)  // leap days (2024, 2028) and Feb ends
            case 1: (month, day) = (12, 31)
            case 2:
                let m = rng.int(1...12)
                (month, day) = (m, [31, CivilDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
            default: (month, day) = (rng.pick([2, 2, 3, 10, 11, 12]), rng.int(1...31) % 28 + 1)
            }
            let local = CivilDate(year: rng.chance(0.25) ? rng.pick([2024, 2028]) : year, month: month, day: day)
                .daysSinceEpoch * 86_400 + rng.int(0...86_399) + rng.int(-2 * 86_400...2 * 86_400) / (rng.chance(0.5) ? 1 : 48)
            seconds = local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        } else if kind < 96 {
            seconds = rng.int(1_546_300_800...2_082_758_399)  // 2019..2035
        } else {
            seconds = rng.int(5_364_662_400...7_258_118_000)  // 2140..2199: the search's upper bound
        }
        let fraction = rng.chance(0.1) ? rng.int(0...999_999) : 0
        return seconds * 1_000_000 + fraction
    }

    /// When `base` is within a day of a DST transition: the local hours and minutes on both
    /// sides of it, so the generator aims at the gap or the overlap.
    static func focus(zone name: String, base: Int) -> (hours: [Int], minutes: [Int]) {
        guard let zone = TimeZone(identifier: name) else { return ([], []) }
        let seconds = base / 1_000_000
        guard let t = transitionsByZone(name).first(where: { abs($0 - seconds) < 86_400 }) else { return ([], []) }
        var hours: Set<Int> = []
        var minutes: Set<Int> = []
        for probe in [t - 1, t, t + 1800, t - 1800] {
            let local = probe + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(probe)))
            let secs = local.quotientAndRemainderFlooring(dividingBy: 86_400).remainder
            hours.insert(secs / 3600)
            minutes.insert(secs / 60 % 60)
        }
        return (hours.sorted(), minutes.sorted())
    }

    static func transitionsByZone(_ name: String) -> [Int] {
        guard let zone = TimeZone(identifier: name) else { return [] }
        var result: [Int] = []
        var date = Date(timeIntervalSince1970: 1_546_300_800)  // 2019-01-01
        let end = Date(timeIntervalSince1970: 1_956_528_000)  // 2032
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next < end {
            result.append(Int(next.timeIntervalSince1970))
            date = next
        }
        return result
    }

    static func decimal(_ usec: Int) -> String {
        let (s, us) = usec.quotientAndRemainderFlooring(dividingBy: 1_000_000)
        return us == 0 ? "\(s)" : "\(s)." + CalendarChainFormat.padded(us, 6)
    }

    static func iso(_ usec: Int) -> String {
        CalendarTimestampFormat.timestamp(microseconds: usec, zone: nil)
    }
}
