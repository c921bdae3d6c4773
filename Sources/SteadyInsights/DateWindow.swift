import Foundation
import SteadyLocalization
import SteadyKit

/// The stretch of time a history, statistics, report or export covers: from `since`
/// (inclusive) to `until` (exclusive); either end may be open.
public struct DateWindow: Sendable, Hashable, Codable {
    public var since: Date?
    public var until: Date?

    public init(since: Date? = nil, until: Date? = nil) {
        self.since = since
        self.until = until
    }

    /// Everything in the journal.
    public static let all = DateWindow()

    /// Whether `time` (seconds since 1970) falls inside.
    public func contains(_ time: Double) -> Bool {
        if let since, time < since.timeIntervalSince1970 { return false }
        if let until, time >= until.timeIntervalSince1970 { return false }
        return true
    }

    /// `since` as seconds since 1970, or minus infinity.
    public var lowerBound: Double { since?.timeIntervalSince1970 ?? -.infinity }
    /// `until` as seconds since 1970, or plus infinity.
    public var upperBound: Double { until?.timeIntervalSince1970 ?? .infinity }

    /// Reads `--since` and `--until` as a person writes them.
    ///
    /// Each accepts:
    /// - a span back from now: `7d`, `2w`, `12h`, `90min`, `1d 12h` (systemd-style, see
    ///   `TimeSpan`), also `3mo`/`3 months` and `1y`/`1 year` (calendar months and years);
    /// - `today`, `yesterday` (local midnight), `now`;
    /// - a date `2025-03-01` (local midnight; in `until` the whole day is included), or a
    ///   date and time `2025-03-01 14:30` / `2025-03-01T14:30`;
    /// - `all` (no bound).
    public static func parse(since: String?, until: String?, now: Date = Date(), timeZone: TimeZone = .current) throws(InsightsError) -> DateWindow {
        let window = DateWindow(
            since: try since.flatMap { text throws(InsightsError) in try DatePhrase.parse(text, option: "since", isUpperBound: false, now: now, timeZone: timeZone) },
            until: try until.flatMap { text throws(InsightsError) in try DatePhrase.parse(text, option: "until", isUpperBound: true, now: now, timeZone: timeZone) })
        if let from = window.since, let to = window.until, from >= to {
            // TRANSLATORS: the placeholders are what the person wrote after --since and --until.
            throw InsightsError(.badWindow, tr("--since (%1$@) is not before --until (%2$@); swap them or widen the window.", since ?? "", until ?? ""))
        }
        return window
    }
}

/// One `--since`/`--until` value.
enum DatePhrase {
    static func parse(_ raw: String, option: String, isUpperBound: Bool, now: Date, timeZone: TimeZone) throws(InsightsError) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        switch text {
        case "all", "":
            return nil
        case "now":
            return now
        case "today":
            return isUpperBound ? calendar.date(byAdding: .day, value: 1, to: today) : today
        case "yesterday":
            let yesterday = calendar.date(byAdding: .day, value: -1, to: today)!
            return isUpperBound ? today : yesterday
        default:
            break
        }
        if let date = parseDate(text, calendar: calendar, isUpperBound: isUpperBound) { return date }
        if let date = parseCalendarSpan(text, calendar: calendar, now: now) { return date }
        let spanText = text.hasPrefix("-") ? String(text.dropFirst()) : text
        if let span = try? TimeSpan(parsing: spanText), span.seconds > 0 {
            return now.addingTimeInterval(-Double(span.seconds))
        }
        // TRANSLATORS: %1$@ is the option's name (since or until), %2$@ what the person wrote.
        throw InsightsError(.badWindow, tr("--%1$@ '%2$@' is not a date or a span; write e.g. 7d, 2w, 3mo, yesterday, 2025-03-01 or all.", option, raw))
    }

    /// `YYYY-MM-DD`, optionally with ` HH:MM[:SS]` or `THH:MM[:SS]`, in local time.
    static func parseDate(_ text: String, calendar: Calendar, isUpperBound: Bool) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "t" }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        let ymd = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard ymd.count == 3, let year = ymd[0], let month = ymd[1], let day = ymd[2],
              parts[0].count == 10, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var components = DateComponents(year: year, month: month, day: day)
        var wholeDay = true
        if parts.count == 2 {
            let hms = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }),
                  let hour = hms[0], let minute = hms[1], (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            components.hour = hour
            components.minute = minute
            components.second = hms.count == 3 ? hms[2]! : 0
            wholeDay = false
        }
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }  // rejects 2025-02-30
        return wholeDay && isUpperBound ? calendar.date(byAdding: .day, value: 1, to: date) : date
    }

    /// `3mo`, `3 months`, `1y`, `2 years`: calendar months and years back from now.
    static func parseCalendarSpan(_ text: String, calendar: Calendar, now: Date) -> Date? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits), count > 0 else { return nil }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch unit {
        case "mo", "mon", "month", "months": return calendar.date(byAdding: .month, value: -count, to: now)
        case "y", "yr", "year", "years": return calendar.date(byAdding: .year, value: -count, to: now)
        default: return nil
        }
    }
}
