import Foundation
import SteadyKit
import SteadyLocalization

/// The report's plots, each one `<svg>` string followed by a `DataTable` of its numbers
/// (nothing follows a plot with nothing to show: its description says so). Pure functions
/// of their data.
enum ReportPlots {
    static let width = 720.0

    // MARK: - Heat levels

    /// Heat level 0–4 for `count` (> 0) when the busiest cell has `most`.
    static func level(_ count: Int, of most: Int) -> Int {
        min(Palette.heat.count - 1, max(0, Int((Double(count) / Double(most) * Double(Palette.heat.count)).rounded(.up)) - 1))
    }

    // MARK: - Time series

    /// Means of `values` per day, week or month (by the span), as a line with dots.
    static func timeSeries(plot: String, title: String, values: [TimedValue], clock: inout LocalClock, words: CalendarWords,
                           firstDay: Int, lastDay: Int, scale: ClosedRange<Int>, lowLabel: String, highLabel: String,
                           emptyMessage: String) -> String {
        let height = 210.0, left = 46.0, right = 14.0, top = 14.0, bottom = 30.0
        var svg = SVGCanvas(width: width, height: height)
        guard !values.isEmpty else {
            svg.emptyMessage(emptyMessage)
            return svg.render(plot: plot, title: title, description: emptyMessage)
        }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let span = max(1, lastDay - firstDay + 1)
        let unit: Bucket = span <= 120 ? .day : span <= 3 * 366 ? .week : .month
        let unitName = unit.name
        var sums: [Int: (Double, Int)] = [:]
        for value in values {
            let start = unit.start(of: clock.day(value.time), firstWeekday: words.firstWeekday)
            let old = sums[start] ?? (0, 0)
            sums[start] = (old.0 + value.value, old.1 + 1)
        }
        let low = Double(scale.lowerBound), high = Double(scale.upperBound)
        func x(_ day: Double) -> Double { left + plotWidth * (day - Double(firstDay)) / Double(span) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / max(1, high - low)) }
        // Horizontal grid at a few whole numbers.
        let stepValue = tickStep(scale.upperBound - scale.lowerBound)
        for tick in stride(from: scale.lowerBound, through: scale.upperBound, by: stepValue) {
            svg.line(x1: left, y1: y(Double(tick)), x2: width - right, y2: y(Double(tick)), stroke: Palette.grid)
            svg.text(String(tick), x: left - 6, y: y(Double(tick)) + 3.5, anchor: "end", size: 9, fill: Palette.muted)
        }
        if !lowLabel.isEmpty { svg.text(lowLabel, x: left + 4, y: y(low) - 4, size: 9, fill: Palette.muted) }
        if !highLabel.isEmpty { svg.text(highLabel, x: left + 4, y: y(high) + 11, size: 9, fill: Palette.muted) }
        timeAxis(&svg, firstDay: firstDay, lastDay: lastDay, words: words, x: x, y: height - bottom + 14)
        let points = sums.keys.sorted().map { start -> (Double, Double, Int) in
            let (sum, count) = sums[start]!
            let mid = Double(start) + Double(unit.length(from: start)) / 2
            return (x(mid), y(sum / Double(count)), count)
        }
        svg.polyline(points.map { ($0.0, $0.1) }, stroke: Palette.accent)
        if points.count <= 160 {
            for (index, point) in points.enumerated() {
                let start = sums.keys.sorted()[index]
                let mean = sums[start]!.0 / Double(sums[start]!.1)
                svg.circle(cx: point.0, cy: point.1, r: 3, fill: "#ffffff", stroke: Palette.accent,
                           // TRANSLATORS: a dot's tooltip: "day of 2025-03-01: 4.5 on average over 3".
                           tooltip: tr("%1$@ of %2$@: %3$@ on average over %4$d", unitName, CivilDay(dayNumber: start).iso, NumberText.oneDecimal(mean), point.2))
            }
        }
        // TRANSLATORS: a plot's label; the placeholder is "day", "week" or "month".
        svg.text(tr("mean per %1$@", unitName), x: width - right, y: top + 10, anchor: "end", size: 9, fill: Palette.muted)
        let starts = sums.keys.sorted()
        let from = "\(scale.lowerBound)\(lowLabel.isEmpty ? "" : " (\(lowLabel))")", to = "\(scale.upperBound)\(highLabel.isEmpty ? "" : " (\(highLabel))")"
        // TRANSLATORS: a plot's description: the unit ("day"), the scale's ends ("1 (calm)", "10 (very strong)"), and "12 days".
        let description = tr("The mean per %1$@, from %2$@ to %3$@, over %4$@.", unitName, from, to, unit.count(starts.count))
        // TRANSLATORS: a table's caption: the plot's title, then "day", "week" or "month".
        let table = DataTable(plot: plot, caption: tr("%1$@: the mean per %2$@", title, unitName),
                              // TRANSLATORS: column headings: "day from" (or week, month), the mean, how many answers.
                              columns: [tr("%1$@ from", unitName), tr("mean"), tr("answers")],
                              rows: starts.map { start in
                                  let (sum, count) = sums[start]!
                                  return [words.readable(CivilDay(dayNumber: start)), NumberText.oneDecimal(sum / Double(count)), String(count)]
                              })
        return svg.render(plot: plot, title: title, description: description) + table.render()
    }

    /// A step that divides `span` into at most six equal parts, so both ends get a tick.
    static func tickStep(_ span: Int) -> Int {
        for step in [1, 2, 3, 4, 5, 10, 20, 25, 50, 100] where span % step == 0 && span / step <= 6 { return step }
        return max(1, span / 4)
    }

    /// Month or year ticks along the bottom.
    static func timeAxis(_ svg: inout SVGCanvas, firstDay: Int, lastDay: Int, words: CalendarWords, x: (Double) -> Double, y: Double) {
        let first = CivilDay(dayNumber: firstDay), last = CivilDay(dayNumber: lastDay)
        let months = (last.year - first.year) * 12 + last.month - first.month
        var ticks: [(Int, String)] = []
        if months <= 24 {
            var year = first.year, month = first.month
            let every = months <= 12 ? 1 : 2
            var index = 0
            while (year, month) <= (last.year, last.month) {
                let day = CivilDay(year: year, month: month, day: 1).dayNumber
                if day >= firstDay && index % every == 0 {
                    ticks.append((day, month == 1 || ticks.isEmpty ? "\(words.monthShort[month - 1]) \(year)" : words.monthShort[month - 1]))
                }
                if day >= firstDay { index += 1 }
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
            if ticks.isEmpty { ticks.append((firstDay, words.readable(first))) }
        } else {
            let every = max(1, (last.year - first.year + 1) / 10)
            for year in stride(from: first.year + 1, through: last.year, by: every) {
                ticks.append((CivilDay(year: year, month: 1, day: 1).dayNumber, String(year)))
            }
        }
        for (day, label) in ticks {
            svg.line(x1: x(Double(day)), y1: y - 12, x2: x(Double(day)), y2: y - 8, stroke: Palette.muted)
            svg.text(label, x: x(Double(day)), y: y, anchor: "middle", size: 9, fill: Palette.muted)
        }
    }

    enum Bucket {
        case day, week, month

        var name: String {
            // TRANSLATORS: the unit a plot averages over, inside "mean per day".
            switch self {
            case .day: tr("day")
            case .week: tr("week")
            case .month: tr("month")
            }
        }

        /// "12 days", "1 week".
        func count(_ count: Int) -> String {
            switch self {
            case .day: trn("%1$d day", "%1$d days", count)
            case .week: trn("%1$d week", "%1$d weeks", count)
            case .month: trn("%1$d month", "%1$d months", count)
            }
        }

        /// The first day of the bucket holding `day`; weeks start on `firstWeekday` (0 = Monday).
        func start(of day: Int, firstWeekday: Int = 0) -> Int {
            switch self {
            case .day: return day
            case .week: return day - floorMod(LocalClock.weekday(ofDay: day) - firstWeekday, 7)
            case .month:
                let civil = CivilDay(dayNumber: day)
                return CivilDay(year: civil.year, month: civil.month, day: 1).dayNumber
            }
        }

        func length(from start: Int) -> Int {
            switch self {
            case .day: return 1
            case .week: return 7
            case .month:
                let civil = CivilDay(dayNumber: start)
                let next = civil.month == 12 ? CivilDay(year: civil.year + 1, month: 1, day: 1) : CivilDay(year: civil.year, month: civil.month + 1, day: 1)
                return next.dayNumber - start
            }
        }
    }

    // MARK: - Before and after

    /// One row per technique with enough pairs: mean before (hollow) → mean after (filled), on its scale.
    static func beforeAfter(_ techniques: [TechniqueChange]) -> String {
        let shown = techniques.filter(\.hasEnoughData)
        let rowHeight = 46.0, top = 24.0, labelWidth = 250.0, right = 40.0
        var svg = SVGCanvas(width: width, height: shown.isEmpty ? 90 : top + Double(shown.count) * rowHeight + 8)
        guard !shown.isEmpty else {
            let message = tr("Not enough before-and-after ratings yet to show an average.")
            svg.emptyMessage(message)
            return svg.render(plot: "before-after", title: tr("Before and after, by technique"), description: message)
        }
        // TRANSLATORS: legend and tooltips of the before-and-after plot.
        let beforeWord = tr("before"), afterWord = tr("after")
        let axisLeft = labelWidth + 16, axisRight = width - right
        svg.text(beforeWord, x: axisLeft, y: 12, size: 9, fill: Palette.muted)
        svg.circle(cx: axisLeft + 40, cy: 9, r: 4, fill: "#ffffff", stroke: Palette.warm)
        svg.text(afterWord, x: axisLeft + 56, y: 12, size: 9, fill: Palette.muted)
        svg.circle(cx: axisLeft + 88, cy: 9, r: 4, fill: Palette.accent)
        for (index, item) in shown.enumerated() {
            let y0 = top + Double(index) * rowHeight
            let cy = y0 + 24
            svg.text(TechniqueNames.label(item.technique), x: 0, y: cy - 2, size: 12, weight: "600")
            // TRANSLATORS: what was rated, and how many times ("urge, 4 times").
            svg.text(tr("%1$@, %2$@", TechniqueNames.measure(item.measure), trn("%1$d time", "%1$d times", item.count)), x: 0, y: cy + 12, size: 9, fill: Palette.muted)
            let low = Double(item.scaleLow), high = Double(item.scaleHigh)
            func x(_ value: Double) -> Double { axisLeft + (axisRight - axisLeft) * (value - low) / max(1, high - low) }
            svg.line(x1: x(low), y1: cy, x2: x(high), y2: cy, stroke: Palette.grid, width: 6)
            svg.text(String(item.scaleLow), x: x(low) - 8, y: cy + 3.5, anchor: "end", size: 9, fill: Palette.muted)
            svg.text(String(item.scaleHigh), x: x(high) + 8, y: cy + 3.5, size: 9, fill: Palette.muted)
            guard let before = item.meanBefore, let after = item.meanAfter else { continue }
            svg.line(x1: x(before), y1: cy, x2: x(after), y2: cy, stroke: Palette.accentLight, width: 3)
            svg.circle(cx: x(before), cy: cy, r: 6, fill: "#ffffff", stroke: Palette.warm, strokeWidth: 2,
                       tooltip: tr("before: %1$@ on average", NumberText.oneDecimal(before)))
            svg.circle(cx: x(after), cy: cy, r: 6, fill: Palette.accent,
                       tooltip: tr("after: %1$@ on average", NumberText.oneDecimal(after)))
            let beforeLeft = before > after
            svg.text(NumberText.oneDecimal(before), x: x(before) + (beforeLeft ? 10 : -10), y: cy - 9,
                     anchor: beforeLeft ? "start" : "end", size: 10, fill: Palette.warm)
            svg.text(NumberText.oneDecimal(after), x: x(after) + (beforeLeft ? -10 : 10), y: cy - 9,
                     anchor: beforeLeft ? "end" : "start", size: 10, fill: Palette.accent, weight: "600")
        }
        let description = tr("For each technique, your average rating before it (a hollow ring) and after it (a filled dot), each on its own scale.")
        let table = DataTable(plot: "before-after", caption: tr("Before and after, by technique: average ratings"),
                              // TRANSLATORS: column headings of the before-and-after table.
                              columns: [tr("technique"), tr("measure"), tr("times"), tr("before, on average"), tr("after, on average"), tr("scale")],
                              rows: shown.map { item in
                                  [TechniqueNames.label(item.technique), TechniqueNames.measure(item.measure), String(item.count),
                                   item.meanBefore.map(NumberText.oneDecimal) ?? "–", item.meanAfter.map(NumberText.oneDecimal) ?? "–",
                                   "\(item.scaleLow)–\(item.scaleHigh)"]
                              })
        return svg.render(plot: "before-after", title: tr("Before and after, by technique"), description: description) + table.render()
    }

    // MARK: - Trigger timing

    /// Trigger entries by weekday and hour.
    static func weekdayHourGrid(_ grid: [[Int]], words: CalendarWords) -> String {
        let left = 40.0, top = 20.0, cellWidth = (width - left - 8) / 24, cellHeight = 20.0
        var svg = SVGCanvas(width: width, height: top + 7 * cellHeight + 30)
        let most = max(1, grid.flatMap { $0 }.max() ?? 1)
        for hour in stride(from: 0, to: 24, by: 3) {
            svg.text(words.hours[hour], x: left + Double(hour) * cellWidth, y: 12, size: 9, fill: Palette.muted)
        }
        // One label for 1 entry and one for more, looked up once rather than per cell.
        let oneEntry = trn("%1$d entry", "%1$d entries", 1)
        let hourSpans = (0..<24).map { "\(words.hours[$0])–\(words.hours[($0 + 1) % 24])" }
        for (row, weekday) in words.weekdaysInOrder.enumerated() {
            let y = top + Double(row) * cellHeight
            svg.text(words.weekdayShort[weekday], x: left - 6, y: y + cellHeight / 2 + 3.5, anchor: "end", size: 9, fill: Palette.muted)
            for hour in 0..<24 {
                let count = grid[weekday][hour]
                let label = "\(words.weekdayShort[weekday]) \(hourSpans[hour]): " + (count == 1 ? oneEntry : trn("%1$d entry", "%1$d entries", count))
                svg.rect(x: left + Double(hour) * cellWidth + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2,
                         fill: count == 0 ? Palette.empty : Palette.heat[level(count, of: most)], rx: 2, tooltip: label)
                // The count itself, so the grid does not rely on shades alone (in print, in grey).
                if count > 0 {
                    svg.text(String(count), x: left + (Double(hour) + 0.5) * cellWidth, y: y + cellHeight / 2 + 3.5,
                             anchor: "middle", size: count > 99 ? 7 : 9, fill: Palette.ink)
                }
            }
        }
        let empty = grid.allSatisfy { $0.allSatisfy { $0 == 0 } }
        if empty {
            svg.text(tr("No trigger entries in this stretch."), x: width / 2, y: top + 7 * cellHeight + 22, anchor: "middle", size: 12, fill: Palette.muted)
        }
        var cells: [[String]] = []
        for weekday in words.weekdaysInOrder {
            for hour in 0..<24 where grid[weekday][hour] > 0 {
                cells.append([words.weekdayShort[weekday], hourSpans[hour], String(grid[weekday][hour])])
            }
        }
        let description = empty ? tr("No trigger entries in this stretch.")
            : tr("A grid of weekdays by hours; each hour with trigger entries shows how many, darker where there were more.")
        let table = DataTable(plot: "trigger-timing", caption: tr("Trigger entries by weekday and hour (hours with none left out)"),
                              // TRANSLATORS: column headings of the trigger timing table.
                              columns: [tr("weekday"), tr("hour"), tr("entries")], rows: cells)
        return svg.render(plot: "trigger-timing", title: tr("Trigger entries by weekday and hour"), description: description)
            + (empty ? "" : table.render())
    }

    // MARK: - Horizontal bars

    /// One bar per item, longest first, with its count.
    static func horizontalBars(plot: String, title: String, heading: BarHeading, items: [(String, Int)], emptyMessage: String) -> String {
        let rowHeight = 22.0, labelWidth = 240.0, right = 50.0
        var svg = SVGCanvas(width: width, height: items.isEmpty ? 70 : Double(items.count) * rowHeight + 8)
        guard !items.isEmpty else {
            svg.emptyMessage(emptyMessage)
            return svg.render(plot: plot, title: title, description: emptyMessage)
        }
        let most = Double(max(1, items.map(\.1).max() ?? 1))
        for (index, (label, count)) in items.enumerated() {
            let y = 4 + Double(index) * rowHeight
            svg.text(label, x: labelWidth - 8, y: y + 14, anchor: "end", size: 11)
            let length = (width - labelWidth - right) * Double(count) / most
            svg.rect(x: labelWidth, y: y + 3, width: max(2, length), height: rowHeight - 8, fill: Palette.accent, rx: 2,
                     tooltip: "\(label): \(count)")
            svg.text(String(count), x: labelWidth + max(2, length) + 6, y: y + 14, size: 10, fill: Palette.muted)
        }
        let table = DataTable(plot: plot, caption: title, columns: [heading.column, tr("count")], rows: items.map { [$0.0, String($0.1)] })
        return svg.render(plot: plot, title: title, description: heading.description)
            + table.render()
    }

    /// What a bar plot's bars stand for: its table's first column and its description.
    enum BarHeading {
        case feeling, hour, weekday, kind, requestOrCheck

        var column: String {
            // TRANSLATORS: the first column heading of a bar plot's table.
            switch self {
            case .feeling: tr("feeling")
            case .hour: tr("hour")
            case .weekday: tr("weekday")
            case .kind: tr("kind")
            case .requestOrCheck: tr("request or check")
            }
        }

        var description: String {
            switch self {
            case .feeling: tr("One bar for each feeling, as long as its count, with the count written beside it.")
            case .hour: tr("One bar for each hour, as long as its count, with the count written beside it.")
            case .weekday: tr("One bar for each weekday, as long as its count, with the count written beside it.")
            case .kind: tr("One bar for each kind, as long as its count, with the count written beside it.")
            case .requestOrCheck: tr("One bar for each request or check, as long as its count, with the count written beside it.")
            }
        }
    }

    // MARK: - Counts over time

    /// Counts per month (or per year for long spans) as columns.
    static func countColumns(plot: String, title: String, times: [Double], clock: inout LocalClock, words: CalendarWords,
                             firstDay: Int, lastDay: Int, emptyMessage: String) -> String {
        let height = 150.0, left = 36.0, right = 8.0, top = 12.0, bottom = 26.0
        var svg = SVGCanvas(width: width, height: times.isEmpty ? 70 : height)
        guard !times.isEmpty else {
            svg.emptyMessage(emptyMessage)
            return svg.render(plot: plot, title: title, description: emptyMessage)
        }
        let first = CivilDay(dayNumber: firstDay), last = CivilDay(dayNumber: lastDay)
        let monthsSpan = (last.year - first.year) * 12 + last.month - first.month + 1
        let byYear = monthsSpan > 36
        func key(_ day: CivilDay) -> Int { byYear ? day.year : day.year * 12 + day.month - 1 }
        let firstKey = key(first), lastKey = key(last)
        var counts = Array(repeating: 0, count: lastKey - firstKey + 1)
        for time in times {
            let index = key(CivilDay(dayNumber: clock.day(time))) - firstKey
            if counts.indices.contains(index) { counts[index] += 1 }
        }
        let most = Double(max(1, counts.max() ?? 1))
        let plotHeight = height - top - bottom
        let slot = (width - left - right) / Double(counts.count)
        svg.line(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: Palette.grid)
        svg.text(String(Int(most)), x: left - 6, y: top + 4, anchor: "end", size: 9, fill: Palette.muted)
        svg.text("0", x: left - 6, y: top + plotHeight + 3.5, anchor: "end", size: 9, fill: Palette.muted)
        let labelEvery = max(1, Int((Double(counts.count) / 12).rounded(.up)))
        for (index, count) in counts.enumerated() {
            let keyValue = firstKey + index
            let label = byYear ? String(keyValue) : "\(words.monthShort[keyValue % 12]) \(keyValue / 12)"
            let x = left + Double(index) * slot
            if count > 0 {
                let barHeight = plotHeight * Double(count) / most
                svg.rect(x: x + slot * 0.15, y: top + plotHeight - barHeight, width: slot * 0.7, height: barHeight,
                         fill: Palette.accent, rx: 1.5, tooltip: "\(label): \(count)")
            }
            if index % labelEvery == 0 {
                let short = byYear ? label : (keyValue % 12 == 0 || index == 0 ? label : words.monthShort[keyValue % 12])
                svg.text(short, x: x + slot / 2, y: height - bottom + 14, anchor: "middle", size: 9, fill: Palette.muted)
            }
        }
        let labels = counts.indices.map { index -> String in
            let keyValue = firstKey + index
            return byYear ? String(keyValue) : "\(words.monthShort[keyValue % 12]) \(keyValue / 12)"
        }
        // TRANSLATORS: a table's caption: the plot's title, per year or per month.
        let caption = byYear ? tr("%1$@, per year", title) : tr("%1$@, per month", title)
        let description = byYear ? tr("One column per year, as high as the count; the highest is %1$d.", Int(most))
            : tr("One column per month, as high as the count; the highest is %1$d.", Int(most))
        // TRANSLATORS: column headings of a table of counts per year or month.
        let table = DataTable(plot: plot, caption: caption, columns: [byYear ? tr("year") : tr("month"), tr("count")],
                              rows: zip(labels, counts).map { [$0, String($1)] })
        return svg.render(plot: plot, title: title, description: description)
            + table.render()
    }

    // MARK: - Self-assessment

    /// One small panel per area: mean pattern score (1–5) at each assessment, the tendency line at 3.
    static func assessmentTrend(_ points: [AssessmentPoint], clock: inout LocalClock, words: CalendarWords) -> String {
        let columns = 4, panelWidth = width / Double(columns), panelHeight = 130.0
        let areas = Assessment.areas
        let rows = (areas.count + columns - 1) / columns
        var svg = SVGCanvas(width: width, height: points.isEmpty ? 80 : Double(rows) * panelHeight + 6)
        guard !points.isEmpty else {
            let message = tr("No self-assessment in this stretch yet (`steady assess` runs one).")
            svg.emptyMessage(message)
            return svg.render(plot: "assessment", title: tr("Self-assessment by area"), description: message)
        }
        let t0 = points.first!.date.timeIntervalSince1970, t1 = points.last!.date.timeIntervalSince1970
        for (index, area) in areas.enumerated() {
            let x0 = Double(index % columns) * panelWidth, y0 = Double(index / columns) * panelHeight
            let left = x0 + 22, right = x0 + panelWidth - 26, top = y0 + 24, bottom = y0 + panelHeight - 24
            svg.text(area.title, x: x0 + 4, y: y0 + 13, size: 10, weight: "600")
            func y(_ score: Double) -> Double { top + (bottom - top) * (5 - score) / 4 }
            func x(_ time: Double) -> Double { t1 > t0 ? left + (right - left) * (time - t0) / (t1 - t0) : (left + right) / 2 }
            for score in [1.0, 5.0] {
                svg.line(x1: left, y1: y(score), x2: right, y2: y(score), stroke: Palette.grid)
                svg.text(String(Int(score)), x: left - 4, y: y(score) + 3, anchor: "end", size: 8, fill: Palette.muted)
            }
            svg.line(x1: left, y1: y(3), x2: right, y2: y(3), stroke: Palette.warm, dash: "3 3")
            svg.text("3", x: left - 4, y: y(3) + 3, anchor: "end", size: 8, fill: Palette.warm)
            let first = CivilDay(dayNumber: clock.day(t0)), last = CivilDay(dayNumber: clock.day(t1))
            svg.text("\(words.monthShort[first.month - 1]) \(first.year)", x: left, y: bottom + 11, size: 8, fill: Palette.muted)
            if t1 > t0 {
                svg.text("\(words.monthShort[last.month - 1]) \(last.year)", x: right, y: bottom + 11, anchor: "end", size: 8, fill: Palette.muted)
            }
            let series = points.compactMap { point -> (Double, Double)? in
                point.areas.first { $0.id == area.id }.map { (point.date.timeIntervalSince1970, $0.score) }
            }
            svg.polyline(series.map { (x($0.0), y($0.1)) }, stroke: Palette.accent)
            for (time, score) in series.suffix(60) {
                svg.circle(cx: x(time), cy: y(score), r: 2.5, fill: Palette.accent)
            }
            if let latest = series.last {
                svg.text(NumberText.oneDecimal(latest.1), x: x(latest.0) + 5, y: y(latest.1) - 5, size: 9, fill: Palette.accent, weight: "600")
            }
        }
        let description = tr("One small panel per area: its score from 1 to 5 at each assessment, with a dashed line at 3.")
        let table = DataTable(plot: "assessment", caption: tr("Self-assessment: each area's score from 1 to 5"),
                              // TRANSLATORS: column heading: the day of an assessment.
                              columns: [tr("assessment of")] + areas.map(\.title),
                              rows: points.map { point in
                                  [words.readable(CivilDay(dayNumber: clock.day(point.date.timeIntervalSince1970)))]
                                      + areas.map { area in point.areas.first { $0.id == area.id }.map { NumberText.oneDecimal($0.score) } ?? "–" }
                              })
        return svg.render(plot: "assessment", title: tr("Self-assessment by area"), description: description) + table.render()
    }
}
