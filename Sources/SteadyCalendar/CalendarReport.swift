import Foundation
import SteadyLocalization

/// Output of `steady calendar`, the same shape as `systemd-analyze calendar --iterations=N
/// --base-time=T EXPR…`, so the two can be diffed line by line.
public enum CalendarReport {
    /// Renders one block per expression (blocks separated by an empty line, as systemd-analyze
    /// does, also after an expression that failed to parse). Expressions that fail to parse print
    /// nothing and come back in `errors`, in order.
    ///
    /// Like systemd-analyze, all expressions are searched in one "process": glibc's `mktime`
    /// guess carries from one search to the next (see `CalendarClock`), so even elapses inside a
    /// fall-back overlap come out as the real tool prints them.
    public static func render(_ expressions: [String], iterations: Int, base: Date, now: Date, timeZone: TimeZone)
        -> (output: String, errors: [CalendarExpressionError])
    {
        var output = ""
        var errors: [CalendarExpressionError] = []
        var mktimeOffset = 0
        let baseUsec = CalendarExpression.microseconds(base)
        let nowUsec = CalendarExpression.microseconds(now)
        let showUTC = !CalendarTimestampFormat.isUTCLike(timeZone, now: now)
        let baseTooLate = baseUsec > Int(CalendarTimestamp.latest)

        for (index, text) in expressions.enumerated() {
            do {
                let expression = try CalendarExpression(text)
                if let block = table(for: expression, text: text, iterations: iterations, base: baseUsec, now: nowUsec,
                                     timeZone: timeZone, showUTC: showUTC, mktimeOffset: &mktimeOffset)
                {
                    output += block
                } else {
                    errors.append(CalendarExpressionError(
                        expression: text, offset: 0, length: max(1, text.count),
                        message: baseTooLate
                            ? Phrase { tr("the base time is after 9999-12-30 23:59:59 UTC, the latest a search can start from") }
                            : Phrase { tr("the next elapse could not be determined (the search did not converge)") }))
                }
            } catch {
                errors.append(error)
            }
            if index + 1 < expressions.count { output += "\n" }
        }
        return (output, errors)
    }

    private static func table(for expression: CalendarExpression, text: String, iterations: Int, base: Int, now: Int,
                              timeZone: TimeZone, showUTC: Bool, mktimeOffset: inout Int) -> String?
    {
        var rows: [(String, String)] = []
        let normalized = expression.description
        if normalized != text { rows.append(("Original form", text)) }
        rows.append(("Normalized form", normalized))
        var n = base
        for i in 0..<max(0, iterations) {
            switch expression.search(afterMicroseconds: n, in: timeZone, mktimeOffset: &mktimeOffset) {
            case .never:
                if i == 0 { rows.append(("Next elapse", "never")) }
                return render(rows)
            case .failed:
                return nil
            case .elapse(let next):
                rows.append((i == 0 ? "Next elapse" : "Iter. #\(i + 1)",
                             CalendarTimestampFormat.timestamp(microseconds: next, zone: timeZone)))
                if showUTC { rows.append(("(in UTC)", CalendarTimestampFormat.timestamp(microseconds: next, zone: nil))) }
                rows.append(("From now", CalendarTimestampFormat.relative(microseconds: next, now: now)))
                n = next
            }
        }
        return render(rows)
    }

    /// systemd's vertical table: field names right-aligned, then ": " and the value, without
    /// trailing blanks (an expression given as "*-*-1 " shows as "*-*-1").
    private static func render(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        var out = ""
        for (field, value) in rows {
            var line = String(repeating: " ", count: width - field.count) + field + ": " + value
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
