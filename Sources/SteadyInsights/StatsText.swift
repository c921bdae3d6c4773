import Foundation
import SteadyCalendar
import SteadyKit
import SteadyLocalization

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
    /// Weekday, month and hour names from the person's `LC_TIME`.
    public var words: CalendarWords
    /// Labels for stored choice keys and entry kinds; keys are shown as stored otherwise.
    public var labels: StoredKeyLabels

    public init(stats: JournalStats, names: [String: String] = [:], labels: StoredKeyLabels = StoredKeyLabels(), windowDescription: String? = nil,
                timeZone: TimeZone = .current, words: CalendarWords = .current()) {
        self.stats = stats
        self.names = names
        self.labels = labels
        self.windowDescription = windowDescription
        self.timeZone = timeZone
        self.words = words
    }

    static let barWidth = 20

    /// The heading of the counts section, which comes last.
    public static var countsHeading: String { tr("For you or your therapist: the counts") }

    /// The whole text, lines ending in `\n`.
    public func render() -> String {
        var out: [String] = []
        out.append(heading())
        guard !stats.isEmpty else {
            out.append("")
            out.append(tr("Nothing is recorded in this stretch yet. Once steady has asked a few times, or you have\nlogged something, this shows how it went."))
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
        out.append(tr("Every prompt is optional. These numbers are here for noticing, not for judging."))
        return out.joined(separator: "\n") + "\n"
    }

    private func name(_ practice: String) -> String { names[practice] ?? practice }

    private func heading() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func day(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return words.readable(CivilDay(year: c.year!, month: c.month!, day: c.day!))
        }
        var range: String
        switch (stats.since, stats.until) {
        // TRANSLATORS: a stretch of days in the stats heading; the placeholders are dates ("3 Mar 2025").
        case (let since?, let until?): range = tr("from %1$@ to %2$@", day(since), day(until.addingTimeInterval(-1)))
        // TRANSLATORS: a stretch of days in the stats heading; the placeholder is a date.
        case (let since?, nil): range = tr("since %1$@", day(since))
        // TRANSLATORS: a stretch of days in the stats heading; the placeholder is a date.
        case (nil, let until?): range = tr("until %1$@", day(until.addingTimeInterval(-1)))
        case (nil, nil):
            if let first = stats.firstDay, let last = stats.lastDay { range = tr("from %1$@ to %2$@", words.readable(first), words.readable(last)) }
            else { range = tr("so far") }
        }
        if let windowDescription { range += " (\(windowDescription))" }
        // TRANSLATORS: the stats heading; the placeholder is a stretch of days ("from 3 Mar 2025 to 1 Apr 2025", "so far").
        return tr("What has helped you, %1$@", range)
    }

    // MARK: - What helps

    /// Before → after, the technique that eased things most first; those with few ratings after.
    private func techniqueLines() -> [String] {
        guard !stats.techniques.isEmpty else { return [] }
        var lines = ["", tr("What eases things for you (your own ratings, before → after)")]
        // Most eased first, each change taken as a share of its scale (belief runs 0–100, the rest 1–10).
        func share(_ item: TechniqueChange) -> Double { (item.meanChange ?? 0) / Double(max(1, item.scaleHigh - item.scaleLow)) }
        let ordered = stats.techniques.filter(\.hasEnoughData).sorted { (share($0), $1.count) < (share($1), $0.count) }
            + stats.techniques.filter { !$0.hasEnoughData }
        let labels = ordered.map { "\(TechniqueNames.label($0.technique)) (\(TechniqueNames.measure($0.measure)), \($0.scaleLow)–\($0.scaleHigh))" }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, item) in zip(labels, ordered) {
            if let before = item.meanBefore, let after = item.meanAfter, let change = item.meanChange {
                // TRANSLATORS: mean rating before → after, a phrase on the change, and how many times it was rated ("over 4 times").
                lines.append("  " + label.padded(width) + tr("%1$@ → %2$@: %3$@, over %4$@", NumberText.oneDecimal(before), NumberText.oneDecimal(after),
                                                             TechniqueNames.changePhrase(change), trn("%1$d time", "%1$d times", item.count)))
                // TRANSLATORS: how many times a rating went down, stayed the same, went up.
                lines.append("  " + "".padded(width) + tr("eased %1$d · same %2$d · higher %3$d", item.eased, item.unchanged, item.rose))
            } else {
                let times = Self.times(item.count)
                // TRANSLATORS: the first placeholder is "once" or "3 times"; the number is how many pairs an average needs.
                lines.append("  " + label.padded(width) + tr("rated %1$@ so far; an average says more after %2$d", times, JournalStats.minimumPairs))
            }
        }
        return lines
    }

    private func winLines() -> [String] {
        var parts: [String] = []
        if stats.wins > 0 { parts.append(tr("wins noted: %1$d", stats.wins)) }
        if stats.requests.keptAsWins > 0 { parts.append(tr("of them, requests that went well: %1$d", stats.requests.keptAsWins)) }
        let boundaries = stats.choices.first { $0.practice == "boundaries" }?.counts ?? []
        let said = boundaries.filter { ["did", "said-it"].contains($0.key) }.reduce(0) { $0 + $1.count }
        if said > 0 { parts.append(tr("small no's or preferences said: %1$d", said)) }
        guard !parts.isEmpty else { return [] }
        return ["", tr("Wins and things that went well"), "  " + parts.joined(separator: " · ").capitalisedFirst]
    }

    private func feelingLines() -> [String] {
        guard !stats.feelings.isEmpty else { return [] }
        return ["", tr("Feelings you named"), "  " + stats.feelings.map { "\(TechniqueNames.feeling($0.key)) \($0.count)" }.joined(separator: " · ")]
    }

    /// The hours and weekdays with the most answers, in words: no shares, nothing for the gaps.
    private func suitingLines() -> [String] {
        let answered = stats.byHour.reduce(0) { $0 + $1.answered }
        guard answered >= 3 else { return [] }
        let hours = stats.byHour.enumerated().filter { $0.element.answered > 0 }
            .sorted { ($0.element.answered, $1.offset) > ($1.element.answered, $0.offset) }.prefix(3)
            .map { words.hours[$0.offset] }
        let days = stats.byWeekday.enumerated().filter { $0.element.answered > 0 }
            .sorted { ($0.element.answered, $1.offset) > ($1.element.answered, $0.offset) }.prefix(2)
            .map { Self.weekdayPlurals[$0.offset] }
        // TRANSLATORS: the placeholder lists up to three hours ("07:00, 21:00 and 12:00").
        var lines = ["", tr("Times that suit you"), "  " + tr("You answer most often around %1$@.", Self.list(hours))]
        // TRANSLATORS: the placeholder lists one or two weekdays in the plural ("Mondays and Fridays").
        if !days.isEmpty { lines.append("  " + tr("%1$@ have suited you best so far.", Self.list(days)).capitalisedFirst) }
        return lines
    }

    private func checkLines() -> [String] {
        guard !stats.checks.isEmpty else { return [] }
        let total = stats.checks.reduce(0) { $0 + $1.count }
        return ["", trn("Past or present? %1$d check", "Past or present? %1$d checks", total),
                "  " + stats.checks.map { "\(TechniqueNames.verdict($0.key)) \($0.count)" }.joined(separator: " · ")]
    }

    private func requestLines() -> [String] {
        let requests = stats.requests
        guard requests.count > 0 || !requests.outcomes.isEmpty else { return [] }
        var lines = ["", trn("Asking for what you need: %1$d request written", "Asking for what you need: %1$d requests written", requests.count)]
        if !requests.byKind.isEmpty {
            // TRANSLATORS: a row label in the stats: what requests were about (followed by kinds and counts).
            lines.append("  " + tr("about") + "    " + requests.byKind.map { "\(TechniqueNames.requestKind($0.key)) \($0.count)" }.joined(separator: " · "))
        }
        if !requests.outcomes.isEmpty {
            // TRANSLATORS: a row label in the stats: how requests went (followed by outcomes and counts).
            lines.append("  " + tr("how it went") + "  " + requests.outcomes.map { "\(TechniqueNames.requestOutcome($0.key)) \($0.count)" }.joined(separator: " · "))
        }
        if requests.reassurance > 0 {
            lines.append("  " + Self.reassurance(requests.reassurance))
        }
        return lines
    }

    // MARK: - The counts, last

    private func practiceTable() -> [String] {
        guard !stats.practices.isEmpty else { return [] }
        var columns = Self.countColumns
        if stats.total.undelivered > 0 { columns.append((tr("not shown"), \.undelivered)) }
        if stats.total.waiting > 0 { columns.append((tr("waiting"), \.waiting)) }
        // TRANSLATORS: the row of the counts table that adds up all practices.
        let rows = stats.practices.map { (name($0.practice), $0) } + (stats.practices.count > 1 ? [(tr("all"), stats.total)] : [])
        let nameWidth = max(10, rows.map(\.0.count).max() ?? 0) + 2
        var lines = ["  " + tr("Check-ins, by practice")]
        lines.append("    " + "".padded(nameWidth) + columns.map { " " + $0.0 }.joined())
        for (label, counts) in rows {
            lines.append("    " + label.padded(nameWidth) + columns.map { " " + String(counts[keyPath: $0.1]).leftPadded($0.0.count) }.joined())
        }
        lines.append("    " + Self.countsLegend.replacingOccurrences(of: " · \(Self.whileAwayLegend)", with: " ·\n    \(Self.whileAwayLegend)"))
        return lines
    }

    private func choiceLines() -> [String] {
        guard !stats.choices.isEmpty else { return [] }
        let width = (stats.choices.map { name($0.practice).count }.max() ?? 0) + 2
        return ["  " + tr("What you chose")] + stats.choices.map { item in
            "    " + name(item.practice).padded(width) + item.counts.map { "\(labels.choice($0.key, of: item.practice)) \($0.count)" }.joined(separator: " · ")
        }
    }

    /// Prompts shown and answered by hour and weekday, as plain figures.
    private func timingLines() -> [String] {
        guard stats.total.answered + stats.total.skipped + stats.total.expired > 0 else { return [] }
        var lines = ["  " + tr("By the hour they were set for (shown · answered)")]
        let hours = stats.byHour.enumerated().filter { $0.element.shown > 0 }
            .map { "\(words.hours[$0.offset]) \($0.element.shown) · \($0.element.answered)" }
        for start in stride(from: 0, to: hours.count, by: 6) {
            lines.append("    " + hours[start..<min(start + 6, hours.count)].joined(separator: "   "))
        }
        lines.append("  " + tr("By weekday (shown · answered)"))
        let days = words.weekdaysInOrder.filter { stats.byWeekday[$0].shown > 0 }
        lines.append("    " + days.map { "\(words.weekdayShort[$0]) \(stats.byWeekday[$0].shown) · \(stats.byWeekday[$0].answered)" }.joined(separator: "   "))
        return lines
    }

    private func triggerLines() -> [String] {
        let triggers = stats.triggers
        guard triggers.count > 0 else { return [] }
        var heading = trn("How triggers felt: %1$d trigger entry", "How triggers felt: %1$d trigger entries", triggers.count)
        // TRANSLATORS: follows "How triggers felt: 3 trigger entries"; the placeholder is a mean such as 4.5.
        if let mean = triggers.meanIntensity { heading += tr(", intensity %1$@ on average (1–10)", NumberText.oneDecimal(mean)) }
        var lines = ["", heading]
        if let earlier = triggers.earlierMeanIntensity, let later = triggers.laterMeanIntensity {
            lines.append("  " + Self.intensityChange(earlier: earlier, later: later))
        }
        let kinds = triggers.byKind.map { (TechniqueNames.triggerKind($0.key), $0.count) }
        let partsOfDay = TriggerSummary.partsOfDay
        let width = max((kinds.map(\.0.count).max() ?? 0), partsOfDay.map(\.count).max() ?? 0) + 2
        // TRANSLATORS: row labels of the trigger bars in the stats, padded to the same width.
        let byKind = tr("by kind"), timeOfDay = tr("time of day")
        let labelWidth = max(13, byKind.count + 1, timeOfDay.count + 1)
        let most = Double(max(kinds.map(\.1).max() ?? 1, triggers.byPartOfDay.max() ?? 1))
        for (index, (label, count)) in kinds.enumerated() {
            lines.append("  " + (index == 0 ? byKind : "").padded(labelWidth) + label.padded(width)
                         + TextChart.bar(Double(count) / most, width: Self.barWidth) + "  \(count)")
        }
        for (index, count) in triggers.byPartOfDay.enumerated() {
            lines.append("  " + (index == 0 ? timeOfDay : "").padded(labelWidth) + partsOfDay[index].padded(width)
                         + TextChart.bar(Double(count) / most, width: Self.barWidth) + "  \(count)")
        }
        return lines
    }

    /// How trigger intensity moved between the earlier and the later half of the stretch.
    static func intensityChange(earlier: Double, later: Double) -> String {
        let (a, b) = (NumberText.oneDecimal(earlier), NumberText.oneDecimal(later))
        // TRANSLATORS: mean trigger intensity of earlier and of more recent entries (numbers such as 4.5).
        if later <= earlier - 0.5 { return tr("Intensity has come down: earlier entries %1$@ on average, more recent ones %2$@.", a, b) }
        // TRANSLATORS: mean trigger intensity of earlier and of more recent entries (numbers such as 4.5).
        if later < earlier + 0.5 { return tr("Intensity has stayed about the same: earlier entries %1$@ on average, more recent ones %2$@.", a, b) }
        // TRANSLATORS: mean trigger intensity of earlier and of more recent entries (numbers such as 4.5).
        return tr("Intensity has been higher lately: earlier entries %1$@ on average, more recent ones %2$@. Harder stretches come and go.", a, b)
    }

    /// "Mondays" … "Sundays", index 0 is Monday.
    static var weekdayPlurals: [String] {
        // TRANSLATORS: weekdays in the plural, as in "Mondays and Fridays have suited you best so far".
        [tr("Mondays"), tr("Tuesdays"), tr("Wednesdays"), tr("Thursdays"), tr("Fridays"), tr("Saturdays"), tr("Sundays")]
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        // TRANSLATORS: the last two items of a list ("morning, noon and evening").
        return tr("%1$@ and %2$@", Translation.list(Array(items.dropLast())), items.last!)
    }

    /// "once", "3 times".
    static func times(_ count: Int) -> String {
        count == 1 ? tr("once") : trn("%1$d time", "%1$d times", count)
    }

    static func reassurance(_ count: Int) -> String {
        tr("Requests for reassurance: %1$d. Only here for you to notice; there is no number to aim for.", count)
    }

    /// The columns of the counts table: how check-ins ended.
    static var countColumns: [(String, KeyPath<PracticeCounts, Int>)] {
        // TRANSLATORS: column headings of the counts table (how check-ins ended); kept short.
        [(tr("asked"), \.offered), (tr("answered"), \.answered), (tr("later"), \.snoozed), (tr("let pass"), \.skipped),
         (tr("unanswered"), \.expired), (tr("while away"), \.missed), (tr("held back"), \.suppressed)]
    }

    static var whileAwayLegend: String { tr("while away: the computer slept or steady was off") }

    /// What the counts table's columns mean.
    static var countsLegend: String {
        // TRANSLATORS: explains the counts table's columns; the words before the colons are its headings.
        [tr("later: asked again later at least once"), tr("let pass: you chose not now"), tr("unanswered: shown, then it ended"),
         whileAwayLegend, tr("held back: quiet hours, the daily limit or a pause")].joined(separator: " · ")
    }

    private func assessmentLines() -> [String] {
        let points = stats.assessments
        guard !points.isEmpty else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func month(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month], from: date)
            return "\(words.monthShort[c.month! - 1]) \(c.year!)"
        }
        let times = Self.times(points.count)
        let first = month(points[0].date), last = month(points[points.count - 1].date)
        let span = first == last ? first : "\(first) – \(last)"
        // TRANSLATORS: "once" or "3 times", then the months ("Mar 2025 – Jun 2025").
        var lines = ["", tr("Self-assessment, %1$@ (%2$@); scores 1–5, lower: the old pattern shows up less", times, span)]
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
        // TRANSLATORS: follows an assessment area's name ("Self-criticism: shows up fairly often lately").
        case (.pattern, true): return tr("shows up fairly often lately")
        case (.pattern, false): return tr("shows up only now and then")
        case (.resource, true): return tr("could use some extra care")
        case (.resource, false): return tr("something you can lean on")
        }
    }

    /// A few words on how an area moved between two assessments (pattern scores).
    static func movement(_ area: Assessment.Area, before: Double, after: Double) -> String {
        let change = after - before
        let resource = area.direction == .resource
        // TRANSLATORS: follows an assessment area's name.
        if abs(change) < Assessment.Comparison.sameWithin { return tr("about the same as last time") }
        if change < 0 { return resource ? tr("feels stronger than last time") : tr("shows up less than last time") }
        return resource ? tr("a little harder to reach than last time") : tr("a bit more present than last time")
    }

    private func entryLines() -> [String] {
        guard !stats.entries.isEmpty else { return [] }
        return ["  " + tr("Entries you logged"), "    " + stats.entries.map { "\(labels.entryKind($0.key)) \($0.count)" }.joined(separator: " · ")]
    }
}

extension String {
    /// The string with its first letter in capitals.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
