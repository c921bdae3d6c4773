import Foundation
import SteadyKit

/// `steady report` as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// external assets, laid out to print well. Also well-formed XML, so it can be checked with
/// any XML parser.
///
/// Accessible (WCAG 2.1 AA): the page has a language; headings go h1 → h2 → h3 without a
/// gap; every plot is an `<svg role="img">` named by its `<title>` and described by its
/// `<desc>`, followed by a table of its numbers for screen readers; text colours have a
/// contrast of 4.5:1 or more (see `Palette`); and nothing is told by colour alone (counts
/// are written out, before and after are a ring and a dot), so it reads in black and white,
/// where the print stylesheet makes all text black.
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

    /// The `data-plot` names of the plots every report contains, in order (a `rating-<practice>`
    /// plot follows `trigger-intensity` for each practice answered on a scale).
    public static let plots = [
        "before-after", "trigger-intensity", "wins", "feelings", "answers-by-hour", "answers-by-weekday",
        "trigger-timing", "trigger-kinds", "requests", "assessment",
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
            <h1>What has helped you</h1>
            <p class="range">\(HTML.escape(range))\(windowDescription.map { " (" + HTML.escape($0) + ")" } ?? "")</p>

            """
        html += privacyNote(today: CivilDay(dayNumber: today))
        html += "</header>\n"

        if stats.isEmpty {
            html += "<p class=\"note\">Nothing is recorded in this stretch yet. Once steady has asked a few times, or you have logged something, this page fills in.</p>\n"
        } else {
            html += summaryLine()
        }

        // What helps, first.
        html += section("before-after", "What eases things for you",
                        "Your own ratings before and after each calming practice, check, pause and time alone, shown once there are at least \(JournalStats.minimumPairs) pairs.",
                        ReportPlots.beforeAfter(stats.techniques) + techniqueNotes())

        // How intensity changed.
        var intensity = ReportPlots.timeSeries(
            plot: "trigger-intensity", title: "Trigger intensity over time", values: data.triggerIntensity, clock: &clock,
            firstDay: firstDay, lastDay: lastDay, scale: Scale.intensity.range,
            lowLabel: Scale.intensity.lowLabel, highLabel: Scale.intensity.highLabel,
            emptyMessage: "No trigger entries with an intensity in this stretch.")
        if let earlier = stats.triggers.earlierMeanIntensity, let later = stats.triggers.laterMeanIntensity {
            intensity += "<p class=\"note\">\(HTML.escape(StatsText.intensityChange(earlier: earlier, later: later)))</p>"
        }
        for series in data.ratings {
            intensity += "<h3>\(HTML.escape(name(series.practice)))</h3>\n"
            intensity += ReportPlots.timeSeries(
                plot: "rating-\(series.practice)", title: "\(name(series.practice)): answers over time", values: series.values,
                clock: &clock, firstDay: firstDay, lastDay: lastDay, scale: series.scaleLow...series.scaleHigh,
                lowLabel: series.lowLabel, highLabel: series.highLabel, emptyMessage: "No answers in this stretch.")
        }
        html += section("intensity", "How intensity changed",
                        "How strong triggers felt when you logged them (1–10), and the numbers you gave scale check-ins.", intensity)

        // Wins.
        html += section("wins", "Wins",
                        data.wins.isEmpty ? "No wins noted in this stretch."
                            : "\(data.wins.count) \(data.wins.count == 1 ? "win" : "wins") noted"
                            + (stats.requests.keptAsWins > 0 ? ", \(stats.requests.keptAsWins) of them requests that went well." : "."),
                        ReportPlots.countColumns(plot: "wins", title: "Wins noted over time", times: data.wins.map { $0.date.timeIntervalSince1970 },
                                                 clock: &clock, firstDay: firstDay, lastDay: lastDay, emptyMessage: "No wins noted in this stretch.")
                        + winsList(clock: &clock))

        // Feelings.
        html += section("feelings", "Feelings you named",
                        "Words from the trigger journal, the evening reflection and your requests. Words of your own are counted together, not shown.",
                        ReportPlots.horizontalBars(plot: "feelings", title: "Feelings named",
                                                   heading: "feeling", items: stats.feelings.map { (TechniqueNames.feeling($0.key), $0.count) },
                                                   emptyMessage: "No feeling words named in this stretch."))

        // Times that suit.
        let hours = stats.byHour.enumerated().filter { $0.element.answered > 0 }.map { ("\(CivilDay.pad($0.offset, 2)):00", $0.element.answered) }
        let weekdays = stats.byWeekday.enumerated().filter { $0.element.answered > 0 }.map { (StatsText.weekdayPlurals[$0.offset], $0.element.answered) }
        html += section("suits", "Times that suit you",
                        "When you have answered check-ins, by the hour they were set for and by weekday.",
                        ReportPlots.horizontalBars(plot: "answers-by-hour", title: "Answers, by hour", heading: "hour", items: hours,
                                                   emptyMessage: "No answers in this stretch.")
                        + ReportPlots.horizontalBars(plot: "answers-by-weekday", title: "Answers, by weekday", heading: "weekday", items: weekdays,
                                                     emptyMessage: "No answers in this stretch."))

        // Triggers.
        let kinds = stats.triggers.byKind.map { (TechniqueNames.triggerKind($0.key), $0.count) }
        html += section("triggers", "When triggers came",
                        stats.triggers.count == 0 ? "No trigger entries in this stretch."
                            : "\(stats.triggers.count) trigger \(stats.triggers.count == 1 ? "entry" : "entries"), by weekday and hour, and by kind.",
                        ReportPlots.weekdayHourGrid(stats.triggers.byWeekdayHour)
                        + ReportPlots.horizontalBars(plot: "trigger-kinds", title: "Trigger entries by kind", heading: "kind", items: kinds,
                                                     emptyMessage: "No trigger entries in this stretch."))

        // Asking, checking.
        html += section("requests", "Asking for what you need, and past or present",
                        "Requests you put into words with steady ask, what they were about and how they went; where past-or-present checks placed the feeling.",
                        ReportPlots.horizontalBars(plot: "requests", title: "Requests and checks", heading: "request or check", items: requestItems(),
                                                   emptyMessage: "No requests or checks in this stretch.") + requestNotes())

        // Assessment.
        html += section("assessment", "Self-assessment over time",
                        "Each area's score from 1 to 5, where lower means the old pattern shows up less (areas about resources are turned round to match). The dashed line at 3 marks a tendency.",
                        ReportPlots.assessmentTrend(stats.assessments, clock: &clock) + assessmentNotes())

        // The counts, last.
        html += countsSection()

        html += """
            <footer><p>Every prompt is optional. These figures are for noticing, not for judging.</p>
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

    /// What has helped most, and the wins: the first thing the page says.
    private func summaryLine() -> String {
        let stats = data.stats
        var parts: [String] = []
        // Compared on the 1–10 scales only: belief in a thought (0–100) measures something else.
        if let best = stats.techniques.filter({ $0.scaleHigh == 10 && ($0.meanChange ?? 0) <= -0.5 }).min(by: { $0.meanChange! < $1.meanChange! }) {
            parts.append("What has eased things most for you: \(TechniqueNames.label(best.technique).lowercasingFirst), by \(NumberText.oneDecimal(-best.meanChange!)) on average")
        }
        if stats.wins > 0 { parts.append("\(stats.wins) \(stats.wins == 1 ? "win" : "wins") noted") }
        if !stats.feelings.isEmpty {
            let named = stats.feelings.reduce(0) { $0 + $1.count }
            parts.append("\(named) \(named == 1 ? "feeling" : "feelings") named")
        }
        guard !parts.isEmpty else { return "" }
        return "<p class=\"summary\">\(HTML.escape(parts.joined(separator: " · ")))</p>\n"
    }

    /// Requests by what they were about and how they went, and checks by their verdict.
    private func requestItems() -> [(String, Int)] {
        let stats = data.stats
        return stats.requests.byKind.map { ("About \(TechniqueNames.requestKind($0.key))", $0.count) }
            + stats.requests.outcomes.map { ("Went: \(TechniqueNames.requestOutcome($0.key))", $0.count) }
            + stats.checks.map { ("Check: \(TechniqueNames.verdict($0.key))", $0.count) }
    }

    private func requestNotes() -> String {
        let reassurance = data.stats.requests.reassurance
        guard reassurance > 0 else { return "" }
        return "<p class=\"note\">Requests for reassurance: \(reassurance). Only here for you to notice; there is no number to aim for.</p>"
    }

    /// The plain counts of how check-ins ended and when they were shown, neutrally worded,
    /// for the person or their therapist.
    private func countsSection() -> String {
        let stats = data.stats
        var html = "<section id=\"counts\">\n<h2>\(HTML.escape(StatsText.countsHeading))</h2>\n"
        html += "<p class=\"intro\">How each practice's check-ins ended, what was chosen, and when they were shown and answered.</p>\n"
        guard !stats.practices.isEmpty else { return html + "<p class=\"note\">No check-ins in this stretch.</p>\n</section>\n" }
        let columns: [(String, KeyPath<PracticeCounts, Int>)] = [
            ("asked", \.offered), ("answered", \.answered), ("later", \.snoozed), ("let pass", \.skipped),
            ("unanswered", \.expired), ("while away", \.missed), ("held back", \.suppressed),
        ]
        html += "<table>\n<thead><tr><th scope=\"col\">practice</th>"
        html += columns.map { "<th scope=\"col\">\($0.0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let rows = stats.practices.map { (name($0.practice), $0, false) } + (stats.practices.count > 1 ? [("all", stats.total, true)] : [])
        for (label, counts, isTotal) in rows {
            html += "<tr\(isTotal ? " class=\"total\"" : "")><th scope=\"row\">\(HTML.escape(label))</th>"
                + columns.map { "<td>\(counts[keyPath: $0.1])</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"legend\">later: asked again later at least once · let pass: you chose not now · unanswered: shown, then it ended · while away: the computer slept or steady was off · held back: quiet hours, the daily limit or a pause</p>\n"
        if !stats.choices.isEmpty {
            html += "<ul class=\"choices\">\n" + stats.choices.map { item in
                "<li><strong>\(HTML.escape(name(item.practice)))</strong>: " + HTML.escape(item.counts.map { "\($0.key) \($0.count)" }.joined(separator: " · ")) + "</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        }
        let hours = stats.byHour.enumerated().filter { $0.element.shown > 0 }
        if !hours.isEmpty {
            html += "<table class=\"timing\">\n<thead><tr><th scope=\"col\">hour</th><th scope=\"col\">shown</th><th scope=\"col\">answered</th></tr></thead>\n<tbody>\n"
            html += hours.map { "<tr><th scope=\"row\">\(CivilDay.pad($0.offset, 2)):00</th><td>\($0.element.shown)</td><td>\($0.element.answered)</td></tr>\n" }.joined()
            html += "</tbody>\n</table>\n"
        }
        let logged = stats.entries.reduce(0) { $0 + $1.count }
        if logged > 0 {
            html += "<p class=\"note\">Entries you logged: \(HTML.escape(stats.entries.map { "\($0.key) \($0.count)" }.joined(separator: " · "))).</p>\n"
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
        table.timing { width: auto; margin-top: 10px; }
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
        table.data-equivalent { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
                                overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
        @page { margin: 14mm; }
        @media print {
          body { background: #ffffff; color: #000000; font-size: 12px; }
          main { max-width: none; padding: 0; }
          section { margin-top: 16px; }
          .range, .intro, .legend, .note, footer, thead th, ol.wins time, ul.choices, ul.notes { color: #000000; }
          .privacy { background: none; border-left-color: #000000; }
          svg.plot text { fill: #000000; }
        }

        """
}
