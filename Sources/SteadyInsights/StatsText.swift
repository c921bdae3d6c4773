import Foundation
import SteadyKit

/// `steady stats` as plain text: tables, Unicode bars and sparklines, no colour needed.
///
/// Counts, not grades: nothing here keeps score, compares the person with anyone, or counts
/// days in a row.
public struct StatsText {
    public var stats: JournalStats
    /// Practice id → name to show (from the practice registry); ids are shown otherwise.
    public var names: [String: String]
    /// How the window was asked for, to say so in the heading (`last 30 days`).
    public var windowDescription: String?
    public var timeZone: TimeZone

    public init(stats: JournalStats, names: [String: String] = [:], windowDescription: String? = nil, timeZone: TimeZone = .current) {
        self.stats = stats
        self.names = names
        self.windowDescription = windowDescription
        self.timeZone = timeZone
    }

    static let barWidth = 20

    /// The whole text, lines ending in `\n`.
    public func render() -> String {
        var out: [String] = []
        out.append(heading())
        guard !stats.isEmpty else {
            out.append("")
            out.append("Nothing is recorded in this stretch yet. Once steady has asked a few times, or you have")
            out.append("logged something, this shows how it went.")
            return out.joined(separator: "\n") + "\n"
        }
        out += practiceTable()
        out += choiceLines()
        out += timingLines()
        out += techniqueLines()
        out += triggerLines()
        out += assessmentLines()
        out += entryLines()
        out.append("")
        out.append("Every prompt is optional. These numbers are here for noticing, not for judging.")
        return out.joined(separator: "\n") + "\n"
    }

    private func name(_ practice: String) -> String { names[practice] ?? practice }

    private func heading() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func day(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return CivilDay(year: c.year!, month: c.month!, day: c.day!).readable
        }
        var range: String
        switch (stats.since, stats.until) {
        case (let since?, let until?): range = "from \(day(since)) to \(day(until.addingTimeInterval(-1)))"
        case (let since?, nil): range = "since \(day(since))"
        case (nil, let until?): range = "until \(day(until.addingTimeInterval(-1)))"
        case (nil, nil):
            if let first = stats.firstDay, let last = stats.lastDay { range = "from \(first.readable) to \(last.readable)" }
            else { range = "so far" }
        }
        if let windowDescription { range += " (\(windowDescription))" }
        return "Your check-ins \(range)"
    }

    // MARK: - Sections

    private func practiceTable() -> [String] {
        var columns: [(String, KeyPath<PracticeCounts, Int>)] = [
            ("offered", \.offered), ("answered", \.answered), ("snoozed", \.snoozed), ("skipped", \.skipped),
            ("expired", \.expired), ("missed", \.missed), ("suppressed", \.suppressed),
        ]
        if stats.total.undelivered > 0 { columns.append(("not shown", \.undelivered)) }
        if stats.total.waiting > 0 { columns.append(("waiting", \.waiting)) }
        let rows = stats.practices.map { (name($0.practice), $0) } + (stats.practices.count > 1 ? [("all", stats.total)] : [])
        let nameWidth = max(10, rows.map(\.0.count).max() ?? 0) + 2
        var lines = ["", "Prompts, by practice"]
        lines.append("  " + "".padded(nameWidth) + columns.map { " " + $0.0 }.joined())
        for (label, counts) in rows {
            lines.append("  " + label.padded(nameWidth) + columns.map { " " + String(counts[keyPath: $0.1]).leftPadded($0.0.count) }.joined())
        }
        lines.append("  skipped: you let it pass · expired: shown, no answer before it ended ·")
        lines.append("  missed: the computer was asleep or steady was off · suppressed: quiet hours, the daily limit or a pause")
        return lines
    }

    private func choiceLines() -> [String] {
        guard !stats.choices.isEmpty else { return [] }
        let width = (stats.choices.map { name($0.practice).count }.max() ?? 0) + 2
        return ["", "What you chose"] + stats.choices.map { item in
            "  " + name(item.practice).padded(width) + item.counts.map { "\($0.key) \($0.count)" }.joined(separator: " · ")
        }
    }

    private func timingLines() -> [String] {
        guard stats.total.answered + stats.total.skipped + stats.total.expired > 0 else { return [] }
        var lines = ["", "When answering fits your day (answered, of the prompts shown)"]
        let hours = stats.byHour.enumerated().filter { $0.element.shown > 0 }
        for (index, (hour, bucket)) in hours.enumerated() {
            let label = index == 0 ? "by hour   " : "          "
            lines.append("  \(label) \(CivilDay.pad(hour, 2)):00  \(TextChart.bar(bucket.rate ?? 0, width: Self.barWidth))  \(bucket.answered) of \(bucket.shown)")
        }
        for (weekday, bucket) in stats.byWeekday.enumerated() {
            let label = weekday == 0 ? "by weekday" : "          "
            let figures = bucket.shown == 0 ? "".padded(Self.barWidth) + "  none shown"
                : TextChart.bar(bucket.rate ?? 0, width: Self.barWidth) + "  \(bucket.answered) of \(bucket.shown)"
            lines.append("  \(label) \(CivilDay.weekdayNames[weekday])    \(figures)")
        }
        return lines
    }

    private func techniqueLines() -> [String] {
        guard !stats.techniques.isEmpty else { return [] }
        var lines = ["", "Before and after calming practices"]
        let labels = stats.techniques.map { "\(TechniqueNames.label($0.technique)) (\(TechniqueNames.measure($0.measure)), \($0.scaleLow)–\($0.scaleHigh))" }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, item) in zip(labels, stats.techniques) {
            if let before = item.meanBefore, let after = item.meanAfter, let change = item.meanChange {
                lines.append("  " + label.padded(width)
                    + "\(NumberText.oneDecimal(before)) → \(NumberText.oneDecimal(after)): \(TechniqueNames.changePhrase(change)), over \(item.count) times")
                lines.append("  " + "".padded(width) + "eased \(item.eased) · same \(item.unchanged) · higher \(item.rose)")
            } else {
                let times = item.count == 1 ? "once" : "\(item.count) times"
                lines.append("  " + label.padded(width) + "rated \(times) so far; an average says more after \(JournalStats.minimumPairs)")
            }
        }
        return lines
    }

    private func triggerLines() -> [String] {
        let triggers = stats.triggers
        guard triggers.count > 0 else { return [] }
        var heading = "Trigger journal: \(triggers.count) \(triggers.count == 1 ? "entry" : "entries")"
        if let mean = triggers.meanIntensity { heading += ", intensity \(NumberText.oneDecimal(mean)) on average (1–10)" }
        var lines = ["", heading]
        let kinds = triggers.byKind.map { (TechniqueNames.triggerKind($0.key), $0.count) }
        let width = max((kinds.map(\.0.count).max() ?? 0), TriggerSummary.partsOfDay.map(\.count).max() ?? 0) + 2
        let most = Double(max(kinds.map(\.1).max() ?? 1, triggers.byPartOfDay.max() ?? 1))
        for (index, (label, count)) in kinds.enumerated() {
            lines.append("  " + (index == 0 ? "by kind      " : "             ") + label.padded(width)
                         + TextChart.bar(Double(count) / most, width: Self.barWidth) + "  \(count)")
        }
        for (index, count) in triggers.byPartOfDay.enumerated() {
            lines.append("  " + (index == 0 ? "time of day  " : "             ") + TriggerSummary.partsOfDay[index].padded(width)
                         + TextChart.bar(Double(count) / most, width: Self.barWidth) + "  \(count)")
        }
        return lines
    }

    private func assessmentLines() -> [String] {
        let points = stats.assessments
        guard !points.isEmpty else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func month(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month], from: date)
            return "\(CivilDay.monthNames[c.month! - 1]) \(c.year!)"
        }
        let times = points.count == 1 ? "once" : "\(points.count) times"
        let first = month(points[0].date), last = month(points[points.count - 1].date)
        let span = first == last ? first : "\(first) – \(last)"
        var lines = ["", "Self-assessment, \(times) (\(span)); scores 1–5, lower: the old pattern shows up less"]
        let titles = Assessment.areas.map(\.title)
        let width = (titles.map(\.count).max() ?? 0) + 2
        for area in Assessment.areas {
            let scores = points.compactMap { point in point.areas.first { $0.id == area.id }?.score }
            guard let latest = scores.last else { continue }
            let recent = scores.suffix(6).map(NumberText.oneDecimal).joined(separator: " → ")
            var line = "  " + area.title.padded(width) + TextChart.sparkline(Array(scores.suffix(24)), range: 1...5) + "  " + recent
            if scores.count >= 2 {
                line += "  · " + Self.movement(area, before: scores[scores.count - 2], after: latest)
            } else {
                line += "  · " + Self.standing(area, score: latest)
            }
            lines.append(line)
        }
        return lines
    }

    /// A few words on where an area stands in one assessment (pattern score).
    static func standing(_ area: Assessment.Area, score: Double) -> String {
        let tendency = score >= Double(Assessment.tendencyThreshold)
        switch (area.direction, tendency) {
        case (.pattern, true): return "shows up fairly often lately"
        case (.pattern, false): return "shows up only now and then"
        case (.resource, true): return "could use some extra care"
        case (.resource, false): return "something you can lean on"
        }
    }

    /// A few words on how an area moved between two assessments (pattern scores).
    static func movement(_ area: Assessment.Area, before: Double, after: Double) -> String {
        let change = after - before
        let resource = area.direction == .resource
        if abs(change) < Assessment.Comparison.sameWithin { return "about the same as last time" }
        if change < 0 { return resource ? "feels stronger than last time" : "shows up less than last time" }
        return resource ? "a little harder to reach than last time" : "a bit more present than last time"
    }

    private func entryLines() -> [String] {
        var lines: [String] = []
        if !stats.entries.isEmpty {
            lines += ["", "Entries you logged: " + stats.entries.map { "\($0.key) \($0.count)" }.joined(separator: " · ")]
        }
        if stats.wins > 0 {
            lines += [(lines.isEmpty ? "\n" : "") + "Wins noted: \(stats.wins)"]
        }
        return lines
    }
}
