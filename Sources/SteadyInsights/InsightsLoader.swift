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
        var days: [Int: Int] = [:]
        var firstTime = Double.infinity, lastTime = -Double.infinity

        // Prompts: how they ended, and when answering fits.
        var counts: [String: PracticeCounts] = [:]
        let prompts = try Row.fetchCursor(db, sql: """
            SELECT slot, practice, outcome, snoozes FROM prompt WHERE slot >= ? AND slot < ? ORDER BY slot
            """, arguments: [lower, upper])
        while let row = try prompts.next() {
            let slot: Double = row[0]
            let practice: String = row[1]
            let outcome = Outcome(rawValue: row[2]) ?? .pending
            let snoozes: Int = row[3]
            counts[practice, default: PracticeCounts(practice: practice)].count(outcome, snoozed: snoozes > 0)
            firstTime = min(firstTime, slot); lastTime = max(lastTime, slot)
            let shown = outcome == .answered || outcome == .skipped || outcome == .expired
            guard shown else { continue }
            let local = clock.localSeconds(slot)
            let day = floorDiv(local, 86_400)
            let hour = floorMod(local, 86_400) / 3600
            let weekday = LocalClock.weekday(ofDay: day)
            let answered = outcome == .answered
            stats.byHour[hour].shown += 1
            stats.byWeekday[weekday].shown += 1
            if answered {
                stats.byHour[hour].answered += 1
                stats.byWeekday[weekday].answered += 1
                if report { days[day, default: 0] += 1 }
            }
        }
        stats.practices = counts.values.sorted { ($0.offered, $1.practice) > ($1.offered, $0.practice) }
        for item in stats.practices { stats.total.add(item) }

        // Choices made, per practice.
        let choiceRows = try Row.fetchAll(db, sql: """
            SELECT p.practice, a.text, count(*) FROM answer a JOIN prompt p ON p.id = a.prompt_id
            WHERE a.kind = 'choice' AND p.slot >= ? AND p.slot < ?
            GROUP BY p.practice, a.text
            """, arguments: [lower, upper])
        var choices: [String: [CountItem]] = [:]
        for row in choiceRows {
            choices[row[0], default: []].append(CountItem(key: row[1] ?? "", count: row[2]))
        }
        stats.choices = choices.keys.sorted().map { ChoiceCounts(practice: $0, counts: Self.sortedCounts(choices[$0]!)) }

        // Entries: how many of each kind, and (for the calendar) on which days.
        let entryKinds = try Row.fetchAll(db, sql: """
            SELECT kind, count(*), min(created_at), max(created_at) FROM entry
            WHERE created_at >= ? AND created_at < ? GROUP BY kind
            """, arguments: [lower, upper])
        stats.entries = Self.sortedCounts(entryKinds.map { CountItem(key: $0[0], count: $0[1]) })
        for row in entryKinds {
            firstTime = min(firstTime, row[2]); lastTime = max(lastTime, row[3])
        }
        if report {
            let times = try Double.fetchCursor(db, sql: "SELECT created_at FROM entry WHERE created_at >= ? AND created_at < ? ORDER BY created_at",
                                               arguments: [lower, upper])
            while let time = try times.next() { days[clock.day(time), default: 0] += 1 }
        }
        if firstTime.isFinite {
            stats.firstDay = CivilDay(dayNumber: clock.day(firstTime))
            stats.lastDay = CivilDay(dayNumber: clock.day(lastTime))
        }

        // Triggers: kinds, timing, intensity.
        var triggerIntensity: [TimedValue] = []
        var kindCounts: [String: Int] = [:]
        var intensitySum = 0, intensityCount = 0
        let triggers = try Row.fetchCursor(db, sql: """
            SELECT created_at, \(EntrySQL.number(TriggerJournal.Field.intensity)), \(EntrySQL.choice(TriggerJournal.Field.kind))
            FROM entry WHERE kind = ? AND created_at >= ? AND created_at < ? ORDER BY created_at
            """, arguments: [TriggerJournal.form.id, lower, upper])
        while let row = try triggers.next() {
            let time: Double = row[0]
            stats.triggers.count += 1
            let local = clock.localSeconds(time)
            let hour = floorMod(local, 86_400) / 3600
            stats.triggers.byPartOfDay[hour / 6] += 1
            stats.triggers.byWeekdayHour[LocalClock.weekday(ofDay: floorDiv(local, 86_400))][hour] += 1
            kindCounts[(row[2] as String?) ?? "unspecified", default: 0] += 1
            if let intensity = row[1] as Int? {
                intensitySum += intensity; intensityCount += 1
                if report { triggerIntensity.append(TimedValue(time: time, value: Double(intensity))) }
            }
        }
        stats.triggers.byKind = Self.sortedCounts(kindCounts.map { CountItem(key: $0.key, count: $0.value) })
        if intensityCount > 0 { stats.triggers.meanIntensity = Double(intensitySum) / Double(intensityCount) }

        stats.techniques = try techniques(db)
        stats.assessments = try assessments(db)

        // Wins: answers to the `wins` practice, and wins added with `steady wins add`.
        var wins: [Win] = []
        if report {
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.slot AS time, \(includeText ? "a.text" : "NULL") AS text FROM prompt p JOIN answer a ON a.prompt_id = p.id
                WHERE p.practice = ? AND p.outcome = 'answered' AND p.slot >= ? AND p.slot < ?
                UNION ALL
                SELECT created_at, \(includeText ? EntrySQL.text(Self.winField) : "NULL") FROM entry
                WHERE kind = ? AND created_at >= ? AND created_at < ?
                ORDER BY time
                """, arguments: [Self.winsPractice, lower, upper, Self.winEntryKind, lower, upper])
            wins = rows.map { Win(date: Date(timeIntervalSince1970: $0[0]), text: includeText ? $0[1] : nil) }
            stats.wins = wins.count
        } else {
            stats.wins = (counts[Self.winsPractice]?.answered ?? 0)
                + (stats.entries.first { $0.key == Self.winEntryKind }?.count ?? 0)
        }

        let ratings = report ? try ratingSeries(db, practices: Array(counts.keys)) : []
        return ReportData(stats: stats, checkInsByDay: days, triggerIntensity: triggerIntensity, ratings: ratings,
                          wins: wins, includesText: includeText)
    }

    /// Before/after pairs: every entry with numeric `<name>-before` and `<name>-after` fields
    /// (the technique is its `technique` choice, else its kind), plus trigger entries with the
    /// intensity given at their follow-up.
    private func techniques(_ db: Database) throws -> [TechniqueChange] {
        struct Key: Hashable { var technique: String; var measure: String }
        var pairs: [Key: [(Int, Int)]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.kind, substr(j.key, 1, length(j.key) - 7) AS measure,
                   json_extract(j.value, '$.number._0') AS before,
                   json_extract(e.payload, '$.values."' || substr(j.key, 1, length(j.key) - 7) || '-after".number._0') AS after,
                   \(EntrySQL.choice("technique", payload: "e.payload")) AS technique
            FROM entry e, json_each(e.payload, '$.values') j
            WHERE e.created_at >= ? AND e.created_at < ? AND j.key LIKE '%-before'
            """, arguments: [lower, upper])
        while let row = try rows.next() {
            guard let before = row["before"] as Int?, let after = row["after"] as Int? else { continue }
            let kind: String = row["kind"]
            let key = Key(technique: (row["technique"] as String?) ?? kind, measure: row["measure"])
            pairs[key, default: []].append((before, after))
        }
        let followUps = try Row.fetchCursor(db, sql: """
            SELECT \(EntrySQL.number(TriggerJournal.Field.intensity, payload: "p.payload")),
                   \(EntrySQL.number(TriggerJournal.FollowUpField.intensity, payload: "c.payload"))
            FROM entry c JOIN entry p ON p.id = c.parent_id
            WHERE c.kind = ? AND p.kind = ? AND p.created_at >= ? AND p.created_at < ?
            """, arguments: [TriggerJournal.followUpForm.id, TriggerJournal.form.id, lower, upper])
        while let row = try followUps.next() {
            guard let before = row[0] as Int?, let after = row[1] as Int? else { continue }
            pairs[Key(technique: TriggerJournal.form.id, measure: "intensity"), default: []].append((before, after))
        }
        return pairs.map { key, values in
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

    /// Numbers given to scale prompts, for each practice whose latest prompt asks for a number
    /// on a scale (e.g. how settled the day felt).
    private func ratingSeries(_ db: Database, practices: [String]) throws -> [RatingSeries] {
        var series: [RatingSeries] = []
        for practice in practices.sorted() {
            let requestJSON = try String.fetchOne(db, sql: "SELECT request FROM prompt WHERE practice = ? ORDER BY slot DESC LIMIT 1",
                                                  arguments: [practice])
            guard let requestJSON, case .scale(let scale)? = try? JSONDecoder().decode(AnswerRequest.self, from: Data(requestJSON.utf8)) else {
                continue
            }
            var values: [TimedValue] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.slot, a.number FROM prompt p JOIN answer a ON a.prompt_id = p.id
                WHERE p.practice = ? AND a.kind = 'number' AND p.slot >= ? AND p.slot < ? ORDER BY p.slot
                """, arguments: [practice, lower, upper])
            while let row = try rows.next() { values.append(TimedValue(time: row[0], value: Double(row[1] as Int))) }
            guard !values.isEmpty else { continue }
            series.append(RatingSeries(practice: practice, scaleLow: scale.range.lowerBound, scaleHigh: scale.range.upperBound,
                                       lowLabel: scale.lowLabel, highLabel: scale.highLabel, values: values))
        }
        return series
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
