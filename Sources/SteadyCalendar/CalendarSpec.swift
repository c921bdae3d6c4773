import Foundation

/// The parsed, normalized content of a calendar expression, field by field, with the same
/// meaning as systemd's `CalendarSpec`. A `nil` chain is `*`.
struct CalendarSpec: Sendable, Hashable {
    static let allWeekdays = 127
    static let minYear = 1970
    static let maxYear = 2199
    static let weekdayNames = WeekdayName.short

    /// Bit 0 is Monday … bit 6 Sunday; -1 means any day.
    var weekdays: Int = -1
    var year: CalendarChain?
    var month: CalendarChain?
    var day: CalendarChain?
    var hour: CalendarChain?
    var minute: CalendarChain?
    /// Seconds, in microseconds.
    var microsecond: CalendarChain?
    /// `~`: days are counted back from the last day of the month.
    var endOfMonth = false
    /// A trailing ` UTC`: computed with plain UTC arithmetic.
    var utc = false
    /// A trailing tz database name other than UTC.
    var timeZoneName: String?

    /// systemd's `calendar_spec_normalize`.
    mutating func normalize() {
        if timeZoneName == "UTC" {
            utc = true
            timeZoneName = nil
        }
        if weekdays <= 0 || weekdays >= Self.allWeekdays { weekdays = -1 }
        if endOfMonth && day == nil { endOfMonth = false }
        if let y = year {
            year = y.map { c in
                var c = c
                c.start = Self.fixYear(c.start)
                c.stop = Self.fixYear(c.stop)
                return c
            }
        }
        year = CalendarChainFormat.normalized(year)
        month = CalendarChainFormat.normalized(month)
        day = CalendarChainFormat.normalized(day)
        hour = CalendarChainFormat.normalized(hour)
        minute = CalendarChainFormat.normalized(minute)
        microsecond = CalendarChainFormat.normalized(microsecond)
    }

    /// Two-digit years: 0..69 are 2000..2069, 70..99 are 1970..1999.
    static func fixYear(_ v: Int) -> Int {
        if v >= 0 && v < 70 { return v + 2000 }
        if v >= 70 && v < 100 { return v + 1900 }
        return v
    }

    /// The normalized form, exactly as `systemd-analyze calendar` prints it.
    var normalizedText: String {
        var out = ""
        if weekdays > 0 && weekdays < Self.allWeekdays {
            formatWeekdays(into: &out)
            out += " "
        }
        CalendarChainFormat.format(year, width: 4, microseconds: false, into: &out)
        out += "-"
        CalendarChainFormat.format(month, width: 2, microseconds: false, into: &out)
        out += endOfMonth ? "~" : "-"
        CalendarChainFormat.format(day, width: 2, microseconds: false, into: &out)
        out += " "
        CalendarChainFormat.format(hour, width: 2, microseconds: false, into: &out)
        out += ":"
        CalendarChainFormat.format(minute, width: 2, microseconds: false, into: &out)
        out += ":"
        CalendarChainFormat.format(microsecond, width: 2, microseconds: true, into: &out)
        if utc {
            out += " UTC"
        } else if let timeZoneName {
            out += " " + timeZoneName
        }
        return out
    }

    /// Runs of three or more days print as `A..B`, pairs as `A,B`.
    private func formatWeekdays(into out: inout String) {
        var needComma = false
        var runStart = -1
        let names = Self.weekdayNames
        for x in 0...7 {
            let set = x < 7 && (weekdays & (1 << x)) != 0
            if set {
                if runStart < 0 {
                    if needComma { out += "," } else { needComma = true }
                    out += names[x]
                    runStart = x
                }
            } else if runStart >= 0 {
                if x > runStart + 1 {
                    out += x > runStart + 2 ? ".." : ","
                    out += names[x - 1]
                }
                runStart = -1
            }
        }
    }
}
