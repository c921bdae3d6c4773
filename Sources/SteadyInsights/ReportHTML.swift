import Foundation
import SteadyKit
import SteadyLocalization

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
    /// Labels for stored choice keys and entry kinds; keys are shown as stored otherwise.
    public var labels: StoredKeyLabels
    public var timeZone: TimeZone
    public var generatedAt: Date
    /// How the window was asked for (`last 12 months`), for the heading.
    public var windowDescription: String?
    /// Weekday, month and hour names and the first day of the week, from the person's `LC_TIME`.
    public var words: CalendarWords

    public init(data: ReportData, names: [String: String] = [:], labels: StoredKeyLabels = StoredKeyLabels(), timeZone: TimeZone = .current,
                generatedAt: Date = Date(), windowDescription: String? = nil, words: CalendarWords = .current()) {
        self.words = words
        self.labels = labels
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
        let range = "\(words.readable(CivilDay(dayNumber: firstDay))) – \(words.readable(CivilDay(dayNumber: lastDay)))"
        let words = self.words
        let language = HTML.escape(Localization.languageCode)
        // TRANSLATORS: the report's title in the browser; the placeholder is a stretch of days.
        let title = HTML.escape(tr("steady — check-ins, %1$@", range))
        let heading = HTML.escape(tr("What has helped you"))

        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="steady"/>
            <title>\(title)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(heading)</h1>
            <p class="range">\(HTML.escape(range))\(windowDescription.map { " (" + HTML.escape($0) + ")" } ?? "")</p>

            """
        html += privacyNote(today: CivilDay(dayNumber: today))
        html += "</header>\n"

        if stats.isEmpty {
            html += Self.paragraph("note", tr("Nothing is recorded in this stretch yet. Once steady has asked a few times, or you have logged something, this page fills in."))
        } else {
            html += summaryLine()
        }

        // What helps, first.
        html += section("before-after", tr("What eases things for you"),
                        tr("Your own ratings before and after each calming practice, check, pause and time alone, shown once there are at least %1$d pairs.", JournalStats.minimumPairs),
                        ReportPlots.beforeAfter(stats.techniques) + techniqueNotes())

        // How intensity changed.
        var intensity = ReportPlots.timeSeries(
            plot: "trigger-intensity", title: tr("Trigger intensity over time"), values: data.triggerIntensity, clock: &clock, words: words,
            firstDay: firstDay, lastDay: lastDay, scale: Scale.intensity.range,
            lowLabel: Scale.intensity.lowLabel, highLabel: Scale.intensity.highLabel,
            emptyMessage: tr("No trigger entries with an intensity in this stretch."))
        if let earlier = stats.triggers.earlierMeanIntensity, let later = stats.triggers.laterMeanIntensity {
            intensity += "<p class=\"note\">\(HTML.escape(StatsText.intensityChange(earlier: earlier, later: later)))</p>"
        }
        for series in data.ratings {
            intensity += "<h3>\(HTML.escape(name(series.practice)))</h3>\n"
            intensity += ReportPlots.timeSeries(
                // TRANSLATORS: a plot's title; the placeholder is a practice's name.
                plot: "rating-\(series.practice)", title: tr("%1$@: answers over time", name(series.practice)), values: series.values,
                clock: &clock, words: words, firstDay: firstDay, lastDay: lastDay, scale: series.scaleLow...series.scaleHigh,
                lowLabel: series.lowLabel, highLabel: series.highLabel, emptyMessage: tr("No answers in this stretch."))
        }
        html += section("intensity", tr("How intensity changed"),
                        tr("How strong triggers felt when you logged them (1–10), and the numbers you gave scale check-ins."), intensity)

        // Wins.
        let noWins = tr("No wins noted in this stretch.")
        html += section("wins", tr("Wins"),
                        data.wins.isEmpty ? noWins
                            : stats.requests.keptAsWins > 0
                            // TRANSLATORS: the second number is how many of the wins were requests that went well.
                            ? trn("%1$d win noted, %2$d of them requests that went well.", "%1$d wins noted, %2$d of them requests that went well.", data.wins.count, stats.requests.keptAsWins)
                            : trn("%1$d win noted.", "%1$d wins noted.", data.wins.count),
                        ReportPlots.countColumns(plot: "wins", title: tr("Wins noted over time"), times: data.wins.map { $0.date.timeIntervalSince1970 },
                                                 clock: &clock, words: words, firstDay: firstDay, lastDay: lastDay, emptyMessage: noWins)
                        + winsList(clock: &clock))

        // Feelings.
        html += section("feelings", tr("Feelings you named"),
                        tr("Words from the trigger journal, the evening reflection and your requests. Words of your own are counted together, not shown."),
                        ReportPlots.horizontalBars(plot: "feelings", title: tr("Feelings named"),
                                                   heading: .feeling, items: stats.feelings.map { (TechniqueNames.feeling($0.key), $0.count) },
                                                   emptyMessage: tr("No feeling words named in this stretch.")))

        // Times that suit.
        let hours = stats.byHour.enumerated().filter { $0.element.answered > 0 }.map { (words.hours[$0.offset], $0.element.answered) }
        let plurals = StatsText.weekdayPlurals
        let weekdays = words.weekdaysInOrder.filter { stats.byWeekday[$0].answered > 0 }.map { (plurals[$0], stats.byWeekday[$0].answered) }
        let noAnswers = tr("No answers in this stretch.")
        html += section("suits", tr("Times that suit you"),
                        tr("When you have answered check-ins, by the hour they were set for and by weekday."),
                        ReportPlots.horizontalBars(plot: "answers-by-hour", title: tr("Answers, by hour"), heading: .hour, items: hours,
                                                   emptyMessage: noAnswers)
                        + ReportPlots.horizontalBars(plot: "answers-by-weekday", title: tr("Answers, by weekday"), heading: .weekday, items: weekdays,
                                                     emptyMessage: noAnswers))

        // Triggers.
        let kinds = stats.triggers.byKind.map { (TechniqueNames.triggerKind($0.key), $0.count) }
        let noTriggers = tr("No trigger entries in this stretch.")
        html += section("triggers", tr("When triggers came"),
                        stats.triggers.count == 0 ? noTriggers
                            : trn("%1$d trigger entry, by weekday and hour, and by kind.", "%1$d trigger entries, by weekday and hour, and by kind.", stats.triggers.count),
                        ReportPlots.weekdayHourGrid(stats.triggers.byWeekdayHour, words: words)
                        + ReportPlots.horizontalBars(plot: "trigger-kinds", title: tr("Trigger entries by kind"), heading: .kind, items: kinds,
                                                     emptyMessage: noTriggers))

        // Asking, checking.
        html += section("requests", tr("Asking for what you need, and past or present"),
                        tr("Requests you put into words with steady ask, what they were about and how they went; where past-or-present checks placed the feeling."),
                        ReportPlots.horizontalBars(plot: "requests", title: tr("Requests and checks"), heading: .requestOrCheck, items: requestItems(),
                                                   emptyMessage: tr("No requests or checks in this stretch.")) + requestNotes())

        // Assessment.
        html += section("assessment", tr("Self-assessment over time"),
                        tr("Each area's score from 1 to 5, where lower means the old pattern shows up less (areas about resources are turned round to match). The dashed line at 3 marks a tendency."),
                        ReportPlots.assessmentTrend(stats.assessments, clock: &clock, words: words) + assessmentNotes())

        // The counts, last.
        html += countsSection()

        let optional = HTML.escape(tr("Every prompt is optional. These figures are for noticing, not for judging."))
        // TRANSLATORS: the report's last line: the day it was made, and the time zone (e.g. Europe/Berlin).
        let made = HTML.escape(tr("Made by steady from the journal on this computer, on %1$@, times in %2$@.", words.readable(CivilDay(dayNumber: today)), timeZone.identifier))
        html += """
            <footer><p>\(optional)</p>
            <p>\(made)</p></footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    // MARK: - Parts

    private func name(_ practice: String) -> String { names[practice] ?? practice }

    /// `<p class="…">text</p>`, the text escaped.
    private static func paragraph(_ kind: String, _ text: String) -> String {
        "<p class=\"\(kind)\">\(HTML.escape(text))</p>\n"
    }

    private func section(_ id: String, _ title: String, _ intro: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTML.escape(title))</h2>\n<p class=\"intro\">\(HTML.escape(intro))</p>\n<figure>\(content)</figure>\n</section>\n"
    }

    private func privacyNote(today: CivilDay) -> String {
        if data.includesText {
            return Self.paragraph("privacy", tr("This report includes words you wrote yourself (your wins). Share it only with people you choose."))
        }
        // TRANSLATORS: %1$@ is the option --include-text, %2$@ the command steady report --include-text (both shown as code).
        let note = HTML.escape(tr("Nothing you wrote in your own words is in this file: only counts, ratings and choices. Made without %1$@; run %2$@ to add the words of your wins.", Self.optionMark, Self.commandMark))
        return "<p class=\"privacy\">" + note.replacingOccurrences(of: Self.optionMark, with: "<code>--include-text</code>")
            .replacingOccurrences(of: Self.commandMark, with: "<code>steady report --include-text</code>") + "</p>\n"
    }

    /// Private-use characters standing in for the code in the privacy note until it is escaped.
    private static let optionMark = "\u{E000}"
    private static let commandMark = "\u{E001}"

    /// What has helped most, and the wins: the first thing the page says.
    private func summaryLine() -> String {
        let stats = data.stats
        var parts: [String] = []
        // Compared on the 1–10 scales only: belief in a thought (0–100) measures something else.
        if let best = stats.techniques.filter({ $0.scaleHigh == 10 && ($0.meanChange ?? 0) <= -0.5 }).min(by: { $0.meanChange! < $1.meanChange! }) {
            // TRANSLATORS: the technique's name, then how much it eased ratings on average (a number such as 1.5).
            parts.append(tr("What has eased things most for you: %1$@, by %2$@ on average",
                            Translation.insideSentence(TechniqueNames.label(best.technique)), NumberText.oneDecimal(-best.meanChange!)))
        }
        if stats.wins > 0 { parts.append(trn("%1$d win noted", "%1$d wins noted", stats.wins)) }
        if !stats.feelings.isEmpty {
            let named = stats.feelings.reduce(0) { $0 + $1.count }
            parts.append(trn("%1$d feeling named", "%1$d feelings named", named))
        }
        guard !parts.isEmpty else { return "" }
        return "<p class=\"summary\">\(HTML.escape(parts.joined(separator: " · ")))</p>\n"
    }

    /// Requests by what they were about and how they went, and checks by their verdict.
    private func requestItems() -> [(String, Int)] {
        let stats = data.stats
        // TRANSLATORS: bar labels: what a request was about, how it went, where a check placed the feeling.
        return stats.requests.byKind.map { (tr("About %1$@", TechniqueNames.requestKind($0.key)), $0.count) }
            + stats.requests.outcomes.map { (tr("Went: %1$@", TechniqueNames.requestOutcome($0.key)), $0.count) }
            + stats.checks.map { (tr("Check: %1$@", TechniqueNames.verdict($0.key)), $0.count) }
    }

    private func requestNotes() -> String {
        let reassurance = data.stats.requests.reassurance
        guard reassurance > 0 else { return "" }
        return "<p class=\"note\">\(HTML.escape(StatsText.reassurance(reassurance)))</p>"
    }

    /// The plain counts of how check-ins ended and when they were shown, neutrally worded,
    /// for the person or their therapist.
    private func countsSection() -> String {
        let stats = data.stats
        var html = "<section id=\"counts\">\n<h2>\(HTML.escape(StatsText.countsHeading))</h2>\n"
        html += Self.paragraph("intro", tr("How each practice's check-ins ended, what was chosen, and when they were shown and answered."))
        guard !stats.practices.isEmpty else { return html + Self.paragraph("note", tr("No check-ins in this stretch.")) + "</section>\n" }
        let columns = StatsText.countColumns
        // TRANSLATORS: column heading of the report's counts table.
        let practiceHeading = HTML.escape(tr("practice"))
        html += "<table>\n<thead><tr><th scope=\"col\">\(practiceHeading)</th>"
        html += columns.map { "<th scope=\"col\">\(HTML.escape($0.0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let rows = stats.practices.map { (name($0.practice), $0, false) } + (stats.practices.count > 1 ? [(tr("all"), stats.total, true)] : [])
        for (label, counts, isTotal) in rows {
            html += "<tr\(isTotal ? " class=\"total\"" : "")><th scope=\"row\">\(HTML.escape(label))</th>"
                + columns.map { "<td>\(counts[keyPath: $0.1])</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"legend\">\(HTML.escape(StatsText.countsLegend))</p>\n"
        if !stats.choices.isEmpty {
            html += "<ul class=\"choices\">\n" + stats.choices.map { item in
                "<li><strong>\(HTML.escape(name(item.practice)))</strong>: " + HTML.escape(item.counts.map { "\(labels.choice($0.key, of: item.practice)) \($0.count)" }.joined(separator: " · ")) + "</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        }
        let hours = stats.byHour.enumerated().filter { $0.element.shown > 0 }
        if !hours.isEmpty {
            // TRANSLATORS: column headings of the report's table of when check-ins were shown and answered.
            let headings = [tr("hour"), tr("shown"), tr("answered")].map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
            html += "<table class=\"timing\">\n<thead><tr>\(headings)</tr></thead>\n<tbody>\n"
            html += hours.map { "<tr><th scope=\"row\">\(HTML.escape(words.hours[$0.offset]))</th><td>\($0.element.shown)</td><td>\($0.element.answered)</td></tr>\n" }.joined()
            html += "</tbody>\n</table>\n"
        }
        let logged = stats.entries.reduce(0) { $0 + $1.count }
        if logged > 0 {
            let kinds = stats.entries.map { "\(labels.entryKind($0.key)) \($0.count)" }.joined(separator: " · ")
            // TRANSLATORS: the placeholder lists entry kinds with counts ("trigger 3 · win 2").
            html += Self.paragraph("note", tr("Entries you logged: %1$@.", kinds))
        }
        return html + "</section>\n"
    }

    private func techniqueNotes() -> String {
        let few = data.stats.techniques.filter { !$0.hasEnoughData }
        let enough = data.stats.techniques.filter(\.hasEnoughData)
        var items = enough.map { item in
            // TRANSLATORS: a technique's name, a phrase on the change, then how many ratings eased, stayed the same, went up.
            tr("%1$@: %2$@ (eased %3$d, same %4$d, higher %5$d).", TechniqueNames.label(item.technique), TechniqueNames.changePhrase(item.meanChange ?? 0),
               item.eased, item.unchanged, item.rose)
        }
        items += few.map { item in
            // TRANSLATORS: a technique's name, "once" or "3 times", and how many pairs an average needs.
            tr("%1$@: rated %2$@ so far; an average says more after %3$d.", TechniqueNames.label(item.technique), StatsText.times(item.count), JournalStats.minimumPairs)
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
            html += "<li><time datetime=\"\(day.iso)\">\(HTML.escape(words.readable(day)))</time> \(HTML.escape(win.text ?? ""))</li>\n"
        }
        return html + "</ol>"
    }

    // English: the report's stylesheet
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
