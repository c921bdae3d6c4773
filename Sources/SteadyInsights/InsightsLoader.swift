import Foundation
import GRDB
import SteadyJournal
import SteadyKit

/// Everything the report draws: the statistics plus the day-by-day and rating series behind
/// the plots, and the wins.
public struct ReportData: Sendable {
    public var stats: JournalStats
    /// Check-ins (answered prompts and logged entries) per local day number, days with none left out.
    public var checkInsByDay: [Int: Int]
    /// Trigger intensities (1–10) in time order.
    public var triggerIntensity: [TimedValue]
    /// Numbers given in answer to scale prompts (e.g. how settled the day felt), per practice.
    public var ratings: [RatingSeries]
    /// Wins noted, oldest first; `text` only when the report includes what the person wrote.
    public var wins: [Win]
    /// Whether person-written text was read (`--include-text`).
    public var includesText: Bool
}

/// A value at a time.
public struct TimedValue: Sendable, Hashable {
    public var time: Double
    public var value: Double
}

/// The numbers one practice's scale prompts were answered with.
public struct RatingSeries: Sendable, Hashable {
    public var practice: String
    public var scaleLow: Int
    public var scaleHigh: Int
    public var lowLabel: String
    public var highLabel: String
    public var values: [TimedValue]
}

/// One noted win.
public struct Win: Sendable, Hashable {
    public var date: Date
    /// What the person wrote; nil unless text was asked for.
    public var text: String?
}

/// Reads the journal once and computes statistics (and, for the report, the series behind the plots).
///
/// All reads happen in one snapshot. Scans run over indexes in time order; entry fields are
/// read inside SQLite (`EntrySQL`), so a million-row journal is summarised without decoding
/// each entry in Swift.
public struct InsightsLoader {
    public var window: DateWindow
    public var timeZone: TimeZone

    public init(window: DateWindow, timeZone: TimeZone = .current) {
        self.window = window
        self.timeZone = timeZone
    }

    /// The statistics for `steady stats`.
    public func stats(from journal: Journal) throws(JournalError) -> JournalStats {
        try journal.readSnapshot { db in try load(db, report: false, includeText: false).stats }
    }

    /// Everything the report draws; person-written text only when `includeText`.
    public func report(from journal: Journal, includeText: Bool) throws(JournalError) -> ReportData {
        try journal.readSnapshot { db in try load(db, report: true, includeText: includeText) }
    }

    /// The statistics of a journal that does not exist yet: all zero.
    public func emptyStats() -> JournalStats { JournalStats(window: window) }

    /// The report data of a journal that does not exist yet.
    public func emptyReport(includeText: Bool) -> ReportData {
        ReportData(stats: emptyStats(), checkInsByDay: [:], triggerIntensity: [], ratings: [], wins: [], includesText: includeText)
    }

    // MARK: - Loading

    private var lower: Double { window.lowerBound.isFinite ? window.lowerBound : -1e18 }
    private var upper: Double { window.upperBound.isFinite ? window.upperBound : 1e18 }

    func load(_ db: Database, report: Bool, includeText: Bool) throws -> ReportData {
        var clock = LocalClock(timeZone: timeZone)
        var stats = JournalStats(window: window)
        var scan = Scan(report: report)
        try scanPrompts(db, into: &stats, scan: &scan, clock: &clock)
        try scanAnswers(db, into: &stats, scan: &scan, includeText: includeText)
        try scanEntries(db, into: &stats, scan: &scan, clock: &clock)
        if scan.firstTime.isFinite {
            stats.firstDay = CivilDay(dayNumber: clock.day(scan.firstTime))
            stats.lastDay = CivilDay(dayNumber: clock.day(scan.lastTime))
        }
        stats.assessments = try assessments(db)

        var wins = scan.wins
        if report {
            // Wins added by hand (`steady wins add`): few, so read with SQLite's JSON.
            let rows = try Row.fetchAll(db, sql: """
                SELECT created_at, \(includeText ? EntrySQL.text(Self.winField) : "NULL") FROM entry
                WHERE kind = ? AND created_at >= ? AND created_at < ? ORDER BY created_at
                """, arguments: [Self.winEntryKind, lower, upper])
            wins += rows.map { Win(date: Date(timeIntervalSince1970: $0[0]), text: includeText ? $0[1] : nil) }
            wins.sort { $0.date < $1.date }
        }
        stats.wins = scan.winAnswers + (stats.entries.first { $0.key == Self.winEntryKind }?.count ?? 0)
        let ratings = scan.ratings.keys.sorted().compactMap { index -> RatingSeries? in
            let practice = scan.practices[index]
            guard let scale = scan.scales[index] else { return nil }
            return RatingSeries(practice: practice, scaleLow: scale.range.lowerBound, scaleHigh: scale.range.upperBound,
                                lowLabel: scale.lowLabel, highLabel: scale.highLabel, values: scan.ratings[index]!)
        }
        return ReportData(stats: stats, checkInsByDay: scan.days, triggerIntensity: scan.triggerIntensity, ratings: ratings,
                          wins: wins, includesText: includeText)
    }

    /// What the scans collect on the way.
    struct Scan {
        let report: Bool
        var firstTime = Double.infinity, lastTime = -Double.infinity
        var days: [Int: Int] = [:]
        /// Practices seen, interned; prompts refer to them by index.
        var practices: [String] = []
        var practiceIndex: [String: Int] = [:]
        /// The prompts in the window, in slot order: id, practice index, slot, outcome.
        var promptIDs: [Int64] = []
        var promptPractice: [Int32] = []
        var promptSlot: [Double] = []
        var promptOutcome: [Outcome] = []
        /// Practices whose latest prompt asks for a number on a scale, with that scale.
        var scales: [Int: Scale] = [:]
        var ratings: [Int: [TimedValue]] = [:]
        var wins: [Win] = []
        var winAnswers = 0
        var triggerIntensity: [TimedValue] = []

        init(report: Bool) { self.report = report }

        mutating func intern(_ practice: String) -> Int {
            if let index = practiceIndex[practice] { return index }
            practices.append(practice)
            practiceIndex[practice] = practices.count - 1
            return practices.count - 1
        }

        mutating func saw(_ time: Double) {
            if time < firstTime { firstTime = time }
            if time > lastTime { lastTime = time }
        }

        /// The position of prompt `id` in the window's prompts.
        func prompt(_ id: Int64) -> Int? {
            var low = 0, high = promptIDs.count
            while low < high {
                let mid = (low + high) / 2
                if promptIDs[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < promptIDs.count && promptIDs[low] == id ? low : nil
        }
    }

    /// Prompts: how they ended, and when answering fits.
    private func scanPrompts(_ db: Database, into stats: inout JournalStats, scan: inout Scan, clock: inout LocalClock) throws {
        var counts: [Int: PracticeCounts] = [:]
        var lastPractice = "", lastIndex = -1
        let prompts = try Row.fetchCursor(db, sql: """
            SELECT id, slot, practice, outcome, snoozes FROM prompt WHERE slot >= ? AND slot < ? ORDER BY slot
            """, arguments: [lower, upper])
        while let row = try prompts.next() {
            let id: Int64 = row[0]
            let slot: Double = row[1]
            // Consecutive prompts often share a practice: skip the dictionary then.
            let index = try row.withUnsafeData(atIndex: 2) { data -> Int in
                let bytes = data ?? Data()
                if lastIndex >= 0, bytes.elementsEqual(lastPractice.utf8) { return lastIndex }
                lastPractice = String(decoding: bytes, as: UTF8.self)
                lastIndex = scan.intern(lastPractice)
                return lastIndex
            }
            let outcome = try row.withUnsafeData(atIndex: 3) { data in Self.outcome(data ?? Data()) }
            let snoozes: Int = row[4]
            counts[index, default: PracticeCounts(practice: scan.practices[index])].count(outcome, snoozed: snoozes > 0)
            scan.saw(slot)
            scan.promptIDs.append(id)
            scan.promptPractice.append(Int32(index))
            scan.promptSlot.append(slot)
            scan.promptOutcome.append(outcome)
            guard outcome == .answered || outcome == .skipped || outcome == .expired else { continue }
            let local = clock.localSeconds(slot)
            let day = floorDiv(local, 86_400)
            let hour = floorMod(local, 86_400) / 3600
            let weekday = LocalClock.weekday(ofDay: day)
            stats.byHour[hour].shown += 1
            stats.byWeekday[weekday].shown += 1
            if outcome == .answered {
                stats.byHour[hour].answered += 1
                stats.byWeekday[weekday].answered += 1
                if scan.report { scan.days[day, default: 0] += 1 }
            }
        }
        stats.practices = counts.values.sorted { ($0.offered, $1.practice) > ($1.offered, $0.practice) }
        for item in stats.practices { stats.total.add(item) }
        // Ids follow time almost always; make sure, for the binary search.
        if zip(scan.promptIDs, scan.promptIDs.dropFirst()).contains(where: { $0 >= $1 }) {
            let order = scan.promptIDs.indices.sorted { scan.promptIDs[$0] < scan.promptIDs[$1] }
            scan.promptIDs = order.map { scan.promptIDs[$0] }
            scan.promptPractice = order.map { scan.promptPractice[$0] }
            scan.promptSlot = order.map { scan.promptSlot[$0] }
            scan.promptOutcome = order.map { scan.promptOutcome[$0] }
        }
        if scan.report {
            for (index, practice) in scan.practices.enumerated() {
                let request = try String.fetchOne(db, sql: "SELECT request FROM prompt WHERE practice = ? ORDER BY slot DESC LIMIT 1",
                                                  arguments: [practice])
                if let request, case .scale(let scale)? = try? JSONDecoder().decode(AnswerRequest.self, from: Data(request.utf8)) {
                    scan.scales[index] = scale
                }
            }
        }
    }

    private static let outcomeNames: [([UInt8], Outcome)] = Outcome.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The outcome stored as `bytes`, without making a string.
    static func outcome(_ bytes: Data) -> Outcome {
        outcomeNames.first { $0.0.elementsEqual(bytes) }?.1 ?? .pending
    }

    /// Answers to the window's prompts: choices made, numbers given on scales, wins.
    private func scanAnswers(_ db: Database, into stats: inout JournalStats, scan: inout Scan, includeText: Bool) throws {
        guard let first = scan.promptIDs.first, let last = scan.promptIDs.last else { return }
        let winsIndex = scan.practiceIndex[Self.winsPractice]
        var choices: [Int: [String: Int]] = [:]
        let answers = try Row.fetchCursor(db, sql: """
            SELECT prompt_id, kind, text, number FROM answer WHERE prompt_id BETWEEN ? AND ?
            """, arguments: [first, last])
        while let row = try answers.next() {
            guard let position = scan.prompt(row[0]) else { continue }
            let practice = Int(scan.promptPractice[position])
            let kind = try row.withUnsafeData(atIndex: 1) { data in data?.first ?? 0 }
            switch kind {
            case UInt8(ascii: "c"):  // choice
                let key: String = row[2] ?? ""
                choices[practice, default: [:]][key, default: 0] += 1
            case UInt8(ascii: "n") where scan.report && scan.scales[practice] != nil:  // number
                scan.ratings[practice, default: []].append(TimedValue(time: scan.promptSlot[position], value: Double(row[3] as Int? ?? 0)))
            default:
                break
            }
            if practice == winsIndex, scan.promptOutcome[position] == .answered {
                scan.winAnswers += 1
                if scan.report {
                    scan.wins.append(Win(date: Date(timeIntervalSince1970: scan.promptSlot[position]), text: includeText ? row[2] : nil))
                }
            }
        }
        stats.choices = choices.map { index, counts in
            ChoiceCounts(practice: scan.practices[index], counts: Self.sortedCounts(counts.map { CountItem(key: $0.key, count: $0.value) }))
        }.sorted { $0.practice < $1.practice }
        for index in scan.ratings.keys { scan.ratings[index]!.sort { $0.time < $1.time } }
    }

    /// Entries: kinds, days, triggers, before/after pairs. Fields are read with `EntryPayload`.
    private func scanEntries(_ db: Database, into stats: inout JournalStats, scan: inout Scan, clock: inout LocalClock) throws {
        struct Key: Hashable { var technique: String; var measure: String }
        var pairs: [Key: [(Int, Int)]] = [:]
        var kinds: [String: Int] = [:]
        var triggerKinds: [String: Int] = [:]
        var intensitySum = 0, intensityCount = 0
        /// Trigger entry id → its intensity, for the follow-ups that come later.
        var triggerIntensityByID: [Int64: Int] = [:]
        let triggerKind = TriggerJournal.form.id, followUpKind = TriggerJournal.followUpForm.id
        var lastKind = "", lastKindBytes: [UInt8] = []
        let entries = try Row.fetchCursor(db, sql: """
            SELECT id, kind, created_at, parent_id, payload FROM entry WHERE created_at >= ? AND created_at < ? ORDER BY created_at
            """, arguments: [lower, upper])
        while let row = try entries.next() {
            let id: Int64 = row[0]
            let kind = try row.withUnsafeData(atIndex: 1) { data -> String in
                let bytes = data ?? Data()
                if bytes.elementsEqual(lastKindBytes) { return lastKind }
                lastKindBytes = Array(bytes)
                lastKind = String(decoding: bytes, as: UTF8.self)
                return lastKind
            }
            let time: Double = row[2]
            let parent: Int64? = row[3]
            kinds[kind, default: 0] += 1
            scan.saw(time)
            if scan.report { scan.days[clock.day(time), default: 0] += 1 }
            if kind == Assessment.form.id || kind == Self.winEntryKind { continue }
            try row.withUnsafeData(atIndex: 4) { data in
                guard let data else { return }
                data.withUnsafeBytes { bytes in
                    let fields = Fields(bytes)
                    if kind == triggerKind {
                        let local = clock.localSeconds(time)
                        let hour = floorMod(local, 86_400) / 3600
                        stats.triggers.count += 1
                        stats.triggers.byPartOfDay[hour / 6] += 1
                        stats.triggers.byWeekdayHour[LocalClock.weekday(ofDay: floorDiv(local, 86_400))][hour] += 1
                        triggerKinds[fields.choice(TriggerJournal.Field.kind) ?? "unspecified", default: 0] += 1
                        if let intensity = fields.number(TriggerJournal.Field.intensity) {
                            intensitySum += intensity
                            intensityCount += 1
                            triggerIntensityByID[id] = intensity
                            if scan.report { scan.triggerIntensity.append(TimedValue(time: time, value: Double(intensity))) }
                        }
                    } else if kind == followUpKind {
                        if let parent, let before = triggerIntensityByID[parent], let after = fields.number(TriggerJournal.FollowUpField.intensity) {
                            pairs[Key(technique: triggerKind, measure: "intensity"), default: []].append((before, after))
                        }
                    } else {
                        let pairsHere = fields.beforeAfterPairs()
                        guard !pairsHere.isEmpty else { return }
                        let technique = fields.choice("technique") ?? kind
                        for pair in pairsHere {
                            pairs[Key(technique: technique, measure: pair.name), default: []].append((pair.before, pair.after))
                        }
                    }
                }
            }
        }
        stats.entries = Self.sortedCounts(kinds.map { CountItem(key: $0.key, count: $0.value) })
        stats.triggers.byKind = Self.sortedCounts(triggerKinds.map { CountItem(key: $0.key, count: $0.value) })
        if intensityCount > 0 { stats.triggers.meanIntensity = Double(intensitySum) / Double(intensityCount) }
        stats.techniques = pairs.map { key, values in
            let scale = key.measure == "belief" ? Scale.belief : Scale.intensity
            let enough = values.count >= JournalStats.minimumPairs
            let n = Double(values.count)
            return TechniqueChange(
                technique: key.technique, measure: key.measure,
                scaleLow: scale.range.lowerBound, scaleHigh: scale.range.upperBound, count: values.count,
                meanBefore: enough ? Double(values.reduce(0) { $0 + $1.0 }) / n : nil,
                meanAfter: enough ? Double(values.reduce(0) { $0 + $1.1 }) / n : nil,
                eased: values.filter { $1 < $0 }.count, unchanged: values.filter { $1 == $0 }.count,
                rose: values.filter { $1 > $0 }.count)
        }.sorted { ($0.count, $1.technique, $1.measure) > ($1.count, $0.technique, $0.measure) }
    }

    /// Self-assessments in the window, oldest first.
    private func assessments(_ db: Database) throws -> [AssessmentPoint] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT created_at, payload FROM entry WHERE kind = ? AND created_at >= ? AND created_at < ? ORDER BY created_at
            """, arguments: [Assessment.form.id, lower, upper])
        let decoder = JSONDecoder()
        return rows.compactMap { row in
            let payload: String = row[1]
            guard let response = try? decoder.decode(FormResponse.self, from: Data(payload.utf8)) else { return nil }
            var ratings: [String: Int] = [:]
            for statement in Assessment.statements { ratings[statement.id] = response.number(statement.id) }
            let areas = Assessment.Result(ratings: ratings).areas
            guard !areas.isEmpty else { return nil }
            return AssessmentPoint(
                date: Date(timeIntervalSince1970: row[0]),
                areas: areas.map { .init(id: $0.area.id, title: $0.area.title, direction: $0.area.direction.rawValue, score: $0.meanPatternScore) })
        }
    }

    /// The practice that asks for wins, and the entry kind and field of wins added by hand
    /// (`steady wins add`, SteadyTerminal's `WinEntry`).
    static let winsPractice = "wins"
    static let winEntryKind = "win"
    static let winField = "win"

    static func sortedCounts(_ items: [CountItem]) -> [CountItem] {
        items.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    }
}
