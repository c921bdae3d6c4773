import Foundation
import SteadyCalendar
import SteadyKit

/// `steady stats` as plain text: tables, Unicode bars and sparklines, no colour needed.
///
/// It leads with what helps: which techniques ease things for this person, how triggers felt
/// and changed, wins, the feelings they named and the times that suit them. The plain counts of
/// how prompts ended come last, neutrally worded, for the person or their therapist. Nothing
/// here keeps score, compares the person with anyone, or counts days in a row.
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

    /// The heading of the counts section, which comes last.
    public static let countsHeading = "For you or your therapist: the counts"

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
        out += techniqueLines()
        out += triggerLines()
        out += winLines()
        out += feelingLines()
        out += suitingLines()
        out += checkLines()
        out += requestLines()
        out += assessmentLines()
        out += ["", Self.countsHeading]
        out += practiceTable()
        out += choiceLines()
        out += timingLines()
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
        return "What has helped you, \(range)"
    }

    // MARK: - What helps

    /// Before → after, the technique that eased things most first; those with few ratings after.
    private func techniqueLines() -> [String] {
        guard !stats.techniques.isEmpty else { return [] }
        var lines = ["", "What eases things for you (your own ratings, before → after)"]
        // Most eased first, each change taken as a share of its scale (belief runs 0–100, the rest 1–10).
        func share(_ item: TechniqueChange) -> Double { (item.meanChange ?? 0) / Double(max(1, item.scaleHigh - item.scaleLow)) }
        let ordered = stats.techniques.filter(\.hasEnoughData).sorted { (share($0), $1.count) < (share($1), $0.count) }
            + stats.techniques.filter { !$0.hasEnoughData }
        let labels = ordered.map { "\(TechniqueNames.label($0.technique)) (\(TechniqueNames.measure($0.measure)), \($0.scaleLow)–\($0.scaleHigh))" }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, item) in zip(labels, ordered) {
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

    private func winLines() -> [String] {
        var parts: [String] = []
        if stats.wins > 0 { parts.append("wins noted: \(stats.wins)") }
        if stats.requests.keptAsWins > 0 { parts.append("of them, requests that went well: \(stats.requests.keptAsWins)") }
        let boundaries = stats.choices.first { $0.practice == "boundaries" }?.counts ?? []
        let said = boundaries.filter { ["did", "said-it"].contains($0.key) }.reduce(0) { $0 + $1.count }
        if said > 0 { parts.append("small no's or preferences said: \(said)") }
        guard !parts.isEmpty else { return [] }
        return ["", "Wins and things that went well", "  " + parts.joined(separator: " · ").capitalisedFirst]
    }

    private func feelingLines() -> [String] {
        guard !stats.feelings.isEmpty else { return [] }
        return ["", "Feelings you named", "  " + stats.feelings.map { "\(TechniqueNames.feeling($0.key)) \($0.count)" }.joined(separator: " · ")]
    }

    /// The hours and weekdays with the most answers, in words: no shares, nothing for the gaps.
    private func suitingLines() -> [String] {
        let answered = stats.byHour.reduce(0) { $0 + $1.answered }
        guard answered >= 3 else { return [] }
        let hours = stats.byHour.enumerated().filter { $0.element.answered > 0 }
            .sorted { ($0.element.answered, $1.offset) > ($1.element.answered, $0.offset) }.prefix(3)
            .map { "\(CivilDay.pad($0.offset, 2)):00" }
        let days = stats.byWeekday.enumerated().filter { $0.element.answered > 0 }
            .sorted { ($0.element.answered, $1.offset) > ($1.element.answered, $0.offset) }.prefix(2)
            .map { Self.weekdayPlurals[$0.offset] }
        var lines = ["", "Times that suit you", "  You answer most often around \(Self.list(hours))."]
        if !days.isEmpty { lines.append("  \(Self.list(days).capitalisedFirst) have suited you best so far.") }
        return lines
    }

    private func checkLines() -> [String] {
        guard !stats.checks.isEmpty else { return [] }
        let total = stats.checks.reduce(0) { $0 + $1.count }
        return ["", "Past or present? \(total) \(total == 1 ? "check" : "checks")",
                "  " + stats.checks.map { "\(TechniqueNames.verdict($0.key)) \($0.count)" }.joined(separator: " · ")]
    }

    private func requestLines() -> [String] {
        let requests = stats.requests
        guard requests.count > 0 || !requests.outcomes.isEmpty else { return [] }
        var lines = ["", "Asking for what you need: \(requests.count) \(requests.count == 1 ? "request" : "requests") written"]
        if !requests.byKind.isEmpty {
            lines.append("  about    " + requests.byKind.map { "\(TechniqueNames.requestKind($0.key)) \($0.count)" }.joined(separator: " · "))
        }
        if !requests.outcomes.isEmpty {
            lines.append("  how it went  " + requests.outcomes.map { "\(TechniqueNames.requestOutcome($0.key)) \($0.count)" }.joined(separator: " · "))
        }
        if requests.reassurance > 0 {
            lines.append("  Requests for reassurance: \(requests.reassurance). Only here for you to notice; there is no number to aim for.")
        }
        return lines
    }

    // MARK: - The counts, last

    private func practiceTable() -> [String] {
        guard !stats.practices.isEmpty else { return [] }
        var columns: [(String, KeyPath<PracticeCounts, Int>)] = [
            ("asked", \.offered), ("answered", \.answered), ("later", \.snoozed), ("let pass", \.skipped),
            ("unanswered", \.expired), ("while away", \.missed), ("held back", \.suppressed),
        ]
        if stats.total.undelivered > 0 { columns.append(("not shown", \.undelivered)) }
        if stats.total.waiting > 0 { columns.append(("waiting", \.waiting)) }
        let rows = stats.practices.map { (name($0.practice), $0) } + (stats.practices.count > 1 ? [("all", stats.total)] : [])
        let nameWidth = max(10, rows.map(\.0.count).max() ?? 0) + 2
        var lines = ["  Check-ins, by practice"]
        lines.append("    " + "".padded(nameWidth) + columns.map { " " + $0.0 }.joined())
        for (label, counts) in rows {
            lines.append("    " + label.padded(nameWidth) + columns.map { " " + String(counts[keyPath: $0.1]).leftPadded($0.0.count) }.joined())
        }
        lines.append("    later: asked again later at least once · let pass: you chose not now · unanswered: shown, then it ended ·")
        lines.append("    while away: the computer slept or steady was off · held back: quiet hours, the daily limit or a pause")
        return lines
    }

    private func choiceLines() -> [String] {
        guard !stats.choices.isEmpty else { return [] }
        let width = (stats.choices.map { name($0.practice).count }.max() ?? 0) + 2
        return ["  What you chose"] + stats.choices.map { item in
            "    " + name(item.practice).padded(width) + item.counts.map { "\($0.key) \($0.count)" }.joined(separator: " · ")
        }
    }

    /// Prompts shown and answered by hour and weekday, as plain figures.
    private func timingLines() -> [String] {
        guard stats.total.answered + stats.total.skipped + stats.total.expired > 0 else { return [] }
        var lines = ["  By the hour they were set for (shown · answered)"]
        let hours = stats.byHour.enumerated().filter { $0.element.shown > 0 }
            .map { "\(CivilDay.pad($0.offset, 2)):00 \($0.element.shown) · \($0.element.answered)" }
        for start in stride(from: 0, to: hours.count, by: 6) {
            lines.append("    " + hours[start..<min(start + 6, hours.count)].joined(separator: "   "))
        }
        lines.append("  By weekday (shown · answered)")
        let days = stats.byWeekday.enumerated().filter { $0.element.shown > 0 }
        lines.append("    " + days.map { "\(CivilDay.weekdayNames[$0.offset]) \($0.element.shown) · \($0.element.answered)" }.joined(separator: "   "))
        return lines
    }

    private func triggerLines() -> [String] {
        let triggers = stats.triggers
        guard triggers.count > 0 else { return [] }
        var heading = "How triggers felt: \(triggers.count) trigger \(triggers.count == 1 ? "entry" : "entries")"
        if let mean = triggers.meanIntensity { heading += ", intensity \(NumberText.oneDecimal(mean)) on average (1–10)" }
        var lines = ["", heading]
        if let earlier = triggers.earlierMeanIntensity, let later = triggers.laterMeanIntensity {
            lines.append("  " + Self.intensityChange(earlier: earlier, later: later))
        }
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

    /// How trigger intensity moved between the earlier and the later half of the stretch.
    static func intensityChange(earlier: Double, later: Double) -> String {
        let figures = "earlier entries \(NumberText.oneDecimal(earlier)) on average, more recent ones \(NumberText.oneDecimal(later))"
        if later <= earlier - 0.5 { return "Intensity has come down: \(figures)." }
        if later < earlier + 0.5 { return "Intensity has stayed about the same: \(figures)." }
        return "Intensity has been higher lately: \(figures). Harder stretches come and go."
    }

    static let weekdayPlurals = WeekdayName.long.map { $0 + "s" }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
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
        guard !stats.entries.isEmpty else { return [] }
        return ["  Entries you logged", "    " + stats.entries.map { "\($0.key) \($0.count)" }.joined(separator: " · ")]
    }
}

extension String {
    /// The string with its first letter in capitals.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
