import Foundation
import SteadyKit

/// `steady report` as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// external assets, laid out to print well. Also well-formed XML, so it can be checked with
/// any XML parser.
///
/// Person-written text (the words of wins) appears only when the data was loaded with text;
/// the report says which it is.
public struct ReportHTML {
    public var data: ReportData
    /// Practice id → name to show.
    public var names: [String: String]
    public var timeZone: TimeZone
    public var generatedAt: Date
    /// How the window was asked for (`last 12 months`), for the heading.
    public var windowDescription: String?

    public init(data: ReportData, names: [String: String] = [:], timeZone: TimeZone = .current,
                generatedAt: Date = Date(), windowDescription: String? = nil) {
        self.data = data
        self.names = names
        self.timeZone = timeZone
        self.generatedAt = generatedAt
        self.windowDescription = windowDescription
    }

    /// The `data-plot` names of the plots every report contains, in order.
    public static let plots = [
        "calendar", "answer-by-hour", "answer-by-weekday", "trigger-intensity", "before-after",
        "trigger-timing", "trigger-kinds", "assessment", "wins",
    ]

    public func render() -> String {
        var clock = LocalClock(timeZone: timeZone)
        let stats = data.stats
        let today = clock.day(generatedAt.timeIntervalSince1970)
        let firstDay = stats.since.map { clock.day($0.timeIntervalSince1970) }
            ?? stats.firstDay?.dayNumber ?? (today - 90)
        let lastDay = max(firstDay, stats.until.map { clock.day($0.timeIntervalSince1970 - 1) }
            ?? max(stats.lastDay?.dayNumber ?? today, today))
        let range = "\(CivilDay(dayNumber: firstDay).readable) – \(CivilDay(dayNumber: lastDay).readable)"

        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="steady"/>
            <title>steady — check-ins, \(HTML.escape(range))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>Your check-ins</h1>
            <p class="range">\(HTML.escape(range))\(windowDescription.map { " (" + HTML.escape($0) + ")" } ?? "")</p>

            """
        html += privacyNote(today: CivilDay(dayNumber: today))
        html += "</header>\n"

        if stats.isEmpty {
            html += "<p class=\"note\">Nothing is recorded in this stretch yet. Once steady has asked a few times, or you have logged something, this page fills in.</p>\n"
        } else {
            html += summaryLine()
        }

        // Calendar.
        html += section("calendar", "Check-ins by day",
                        "Each square is a day; the darker it is, the more prompts you answered and entries you logged that day.",
                        ReportPlots.calendar(byDay: data.checkInsByDay, firstDay: firstDay, lastDay: lastDay))

        // Prompts table and timing.
        html += practiceTable()
        html += section("timing", "When answering fits your day",
                        "Of the prompts that were shown, how many were answered, by the hour they were set for and by weekday.",
                        ReportPlots.shareColumns(plot: "answer-by-hour", title: "Answered, by hour of day",
                                                 labels: (0..<24).map { CivilDay.pad($0, 2) }, buckets: stats.byHour)
                        + ReportPlots.shareColumns(plot: "answer-by-weekday", title: "Answered, by weekday",
                                                   labels: CivilDay.weekdayNames, buckets: stats.byWeekday))

        // Intensity over time.
        var intensity = ReportPlots.timeSeries(
            plot: "trigger-intensity", title: "Trigger intensity over time", values: data.triggerIntensity, clock: &clock,
            firstDay: firstDay, lastDay: lastDay, scale: Scale.intensity.range,
            lowLabel: Scale.intensity.lowLabel, highLabel: Scale.intensity.highLabel,
            emptyMessage: "No trigger entries with an intensity in this stretch.")
        for series in data.ratings {
            intensity += "<h3>\(HTML.escape(name(series.practice)))</h3>\n"
            intensity += ReportPlots.timeSeries(
                plot: "rating-\(series.practice)", title: "\(name(series.practice)): answers over time", values: series.values,
                clock: &clock, firstDay: firstDay, lastDay: lastDay, scale: series.scaleLow...series.scaleHigh,
                lowLabel: series.lowLabel, highLabel: series.highLabel, emptyMessage: "No answers in this stretch.")
        }
        html += section("intensity", "Intensity over time",
                        "How strong triggers felt when you logged them (1–10), and the numbers you gave scale check-ins.", intensity)

        // Before and after.
        html += section("before-after", "Before and after, by technique",
                        "Average rating before and after each calming practice, shown once there are at least \(JournalStats.minimumPairs) pairs.",
                        ReportPlots.beforeAfter(stats.techniques) + techniqueNotes())

        // Triggers.
        let kinds = stats.triggers.byKind.map { (TechniqueNames.triggerKind($0.key), $0.count) }
        html += section("triggers", "When triggers came",
                        stats.triggers.count == 0 ? "No trigger entries in this stretch."
                            : "\(stats.triggers.count) trigger \(stats.triggers.count == 1 ? "entry" : "entries"), by weekday and hour, and by kind.",
                        ReportPlots.weekdayHourGrid(stats.triggers.byWeekdayHour)
                        + ReportPlots.horizontalBars(plot: "trigger-kinds", title: "Trigger entries by kind", items: kinds,
                                                     emptyMessage: "No trigger entries in this stretch."))

        // Assessment.
        html += section("assessment", "Self-assessment over time",
                        "Each area's score from 1 to 5, where lower means the old pattern shows up less (areas about resources are turned round to match). The dashed line at 3 marks a tendency.",
                        ReportPlots.assessmentTrend(stats.assessments, clock: &clock) + assessmentNotes())

        // Wins.
        html += section("wins", "Wins",
                        data.wins.isEmpty ? "No wins noted in this stretch." : "\(data.wins.count) \(data.wins.count == 1 ? "win" : "wins") noted.",
                        ReportPlots.countColumns(plot: "wins", title: "Wins noted over time", times: data.wins.map { $0.date.timeIntervalSince1970 },
                                                 clock: &clock, firstDay: firstDay, lastDay: lastDay, emptyMessage: "No wins noted in this stretch.")
                        + winsList(clock: &clock))

        html += """
            <footer><p>Every prompt is optional. These are counts, for noticing, not for judging.</p>
            <p>Made by steady from the journal on this computer, on \(CivilDay(dayNumber: today).readable), times in \(HTML.escape(timeZone.identifier)).</p></footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    // MARK: - Parts

    private func name(_ practice: String) -> String { names[practice] ?? practice }

    private func section(_ id: String, _ title: String, _ intro: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTML.escape(title))</h2>\n<p class=\"intro\">\(HTML.escape(intro))</p>\n<figure>\(content)</figure>\n</section>\n"
    }

    private func privacyNote(today: CivilDay) -> String {
        if data.includesText {
            return "<p class=\"privacy\">This report includes words you wrote yourself (your wins). Share it only with people you choose.</p>\n"
        }
        return "<p class=\"privacy\">Nothing you wrote in your own words is in this file: only counts, ratings and choices. Made without <code>--include-text</code>; run <code>steady report --include-text</code> to add the words of your wins.</p>\n"
    }

    private func summaryLine() -> String {
        let stats = data.stats
        var parts: [String] = []
        parts.append("\(stats.total.offered) \(stats.total.offered == 1 ? "prompt" : "prompts") offered, \(stats.total.answered) answered")
        let logged = stats.entries.reduce(0) { $0 + $1.count }
        if logged > 0 { parts.append("\(logged) \(logged == 1 ? "entry" : "entries") logged") }
        if stats.wins > 0 { parts.append("\(stats.wins) \(stats.wins == 1 ? "win" : "wins") noted") }
        return "<p class=\"summary\">\(HTML.escape(parts.joined(separator: " · ")))</p>\n"
    }

    private func practiceTable() -> String {
        let stats = data.stats
        guard !stats.practices.isEmpty else { return "" }
        let columns: [(String, KeyPath<PracticeCounts, Int>)] = [
            ("offered", \.offered), ("answered", \.answered), ("snoozed", \.snoozed), ("skipped", \.skipped),
            ("expired", \.expired), ("missed", \.missed), ("suppressed", \.suppressed),
        ]
        var html = "<section id=\"practices\">\n<h2>Prompts by practice</h2>\n<table>\n<thead><tr><th scope=\"col\">practice</th>"
        html += columns.map { "<th scope=\"col\">\($0.0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let rows = stats.practices.map { (name($0.practice), $0, false) } + (stats.practices.count > 1 ? [("all", stats.total, true)] : [])
        for (label, counts, isTotal) in rows {
            html += "<tr\(isTotal ? " class=\"total\"" : "")><th scope=\"row\">\(HTML.escape(label))</th>"
                + columns.map { "<td>\(counts[keyPath: $0.1])</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"legend\">skipped: you let it pass · expired: shown, no answer before it ended · missed: the computer was asleep or steady was off · suppressed: quiet hours, the daily limit or a pause</p>\n"
        if !stats.choices.isEmpty {
            html += "<ul class=\"choices\">\n" + stats.choices.map { item in
                "<li><strong>\(HTML.escape(name(item.practice)))</strong>: " + HTML.escape(item.counts.map { "\($0.key) \($0.count)" }.joined(separator: " · ")) + "</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        }
        return html + "</section>\n"
    }

    private func techniqueNotes() -> String {
        let few = data.stats.techniques.filter { !$0.hasEnoughData }
        let enough = data.stats.techniques.filter(\.hasEnoughData)
        var items = enough.map { item in
            "\(TechniqueNames.label(item.technique)): \(TechniqueNames.changePhrase(item.meanChange ?? 0)) (eased \(item.eased), same \(item.unchanged), higher \(item.rose))."
        }
        items += few.map { item in
            "\(TechniqueNames.label(item.technique)): rated \(item.count == 1 ? "once" : "\(item.count) times") so far; an average says more after \(JournalStats.minimumPairs)."
        }
        guard !items.isEmpty else { return "" }
        return "<ul class=\"notes\">" + items.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
    }

    private func assessmentNotes() -> String {
        let points = data.stats.assessments
        guard points.count >= 2 else { return "" }
        let earlier = points[points.count - 2], later = points[points.count - 1]
        let items = Assessment.areas.compactMap { area -> String? in
            guard let before = earlier.areas.first(where: { $0.id == area.id })?.score,
                  let after = later.areas.first(where: { $0.id == area.id })?.score else { return nil }
            return "\(area.title): " + StatsText.movement(area, before: before, after: after) + "."
        }
        return "<ul class=\"notes\">" + items.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
    }

    private func winsList(clock: inout LocalClock) -> String {
        guard data.includesText, !data.wins.isEmpty else { return "" }
        var html = "<ol class=\"wins\" reversed=\"reversed\">\n"
        for win in data.wins.reversed() {
            let day = CivilDay(dayNumber: clock.day(win.date.timeIntervalSince1970))
            html += "<li><time datetime=\"\(day.iso)\">\(day.readable)</time> \(HTML.escape(win.text ?? ""))</li>\n"
        }
        return html + "</ol>"
    }

    static let css = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f7f8f6; color: #1f2a30; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        main { max-width: 780px; margin: 0 auto; padding: 28px 24px 40px; background: #ffffff; }
        h1 { font-size: 26px; margin: 0; font-weight: 600; }
        h2 { font-size: 18px; margin: 0 0 4px; font-weight: 600; }
        h3 { font-size: 14px; margin: 14px 0 4px; font-weight: 600; }
        .range { margin: 2px 0 10px; color: #5d6b73; }
        .privacy { margin: 0 0 8px; padding: 8px 12px; background: #eef6f5; border-left: 3px solid #2a7f78; font-size: 13px; }
        .summary { font-size: 16px; margin: 14px 0 0; }
        section { margin-top: 26px; break-inside: avoid; page-break-inside: avoid; }
        .intro, .legend, .note { color: #5d6b73; font-size: 13px; margin: 0 0 8px; }
        figure { margin: 0; }
        svg.plot { display: block; max-width: 100%; height: auto; margin: 6px 0; font-family: inherit; }
        svg .empty { stroke: #dde3e6; stroke-dasharray: 4 4; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #e6eaec; text-align: right; }
        th[scope="row"], thead th:first-child { text-align: left; font-weight: 500; }
        thead th { font-weight: 600; color: #5d6b73; }
        tr.total th, tr.total td { font-weight: 600; border-top: 1px solid #c9d1d5; }
        ul.choices, ul.notes { font-size: 13px; color: #3a474e; padding-left: 18px; }
        ol.wins { font-size: 14px; padding-left: 22px; }
        ol.wins time { color: #5d6b73; font-size: 12px; margin-right: 6px; }
        footer { margin-top: 30px; color: #5d6b73; font-size: 12px; border-top: 1px solid #e6eaec; padding-top: 8px; }
        code { font-size: 12px; white-space: nowrap; }
        @page { margin: 14mm; }
        @media print {
          body { background: #ffffff; font-size: 12px; }
          main { max-width: none; padding: 0; }
          section { margin-top: 16px; }
        }

        """
}
