import Foundation

/// systemd's timestamp texts: `Mon 2024-04-01 07:30:00 CEST` (format_timestamp) and
/// `2 years 7 months ago` (format_timestamp_relative).
enum CalendarTimestampFormat {
    /// `%a %Y-%m-%d %H:%M:%S %Z` in `zone`, or with ` UTC` when `zone` is nil.
    static func timestamp(microseconds usec: Int, zone: TimeZone?) -> String {
        let seconds = usec.quotientAndRemainderFlooring(dividingBy: 1_000_000).quotient
        let tm: BrokenDownTime
        let suffix: String
        if let zone {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let offset = zone.secondsFromGMT(for: date)
            let dst = zone.isDaylightSavingTime(for: date)
            tm = BrokenDownTime(naiveSeconds: seconds + offset, isDST: dst ? 1 : 0)
            suffix = abbreviation(zone: zone, at: seconds, offset: offset)
        } else {
            tm = BrokenDownTime(naiveSeconds: seconds, isDST: 0)
            suffix = "UTC"
        }
        let p = CalendarChainFormat.padded
        return "\(WeekdayName.short(sundayBased: tm.weekday)) \(p(tm.year + 1900, 4))-\(p(tm.month + 1, 2))-\(p(tm.day, 2)) "
            + "\(p(tm.hour, 2)):\(p(tm.minute, 2)):\(p(tm.second, 2)) \(suffix)"
    }

    /// The tzdata abbreviation glibc would print. Foundation names UTC "GMT"; TZ=UTC prints "UTC".
    static func abbreviation(zone: TimeZone, at seconds: Int, offset: Int) -> String {
        let name = zone.identifier == "GMT" ? "UTC" : zone.identifier
        return CalendarTimeZones.abbreviation(zoneName: name, at: seconds, offset: offset)
    }

    static let usecPerSecond = 1_000_000
    static let usecPerMinute = 60 * usecPerSecond
    static let usecPerHour = 60 * usecPerMinute
    static let usecPerDay = 24 * usecPerHour
    static let usecPerWeek = 7 * usecPerDay
    static let usecPerMonth = 2_629_800 * usecPerSecond
    static let usecPerYear = 31_557_600 * usecPerSecond

    /// `format_timestamp_relative`: how far `usec` is from `now`, e.g. `1h 6min left`.
    static func relative(microseconds t: Int, now n: Int) -> String {
        let d = abs(n - t)
        let s = n > t ? "ago" : "left"
        func unit(_ v: Int, _ one: String, _ many: String) -> String { "\(v) \(v == 1 ? one : many)" }
        if d >= usecPerYear {
            return "\(unit(d / usecPerYear, "year", "years")) \(unit(d % usecPerYear / usecPerMonth, "month", "months")) \(s)"
        } else if d >= usecPerMonth {
            return "\(unit(d / usecPerMonth, "month", "months")) \(unit(d % usecPerMonth / usecPerDay, "day", "days")) \(s)"
        } else if d >= usecPerWeek {
            return "\(unit(d / usecPerWeek, "week", "weeks")) \(unit(d % usecPerWeek / usecPerDay, "day", "days")) \(s)"
        } else if d >= 2 * usecPerDay {
            return "\(d / usecPerDay) days \(s)"
        } else if d >= 25 * usecPerHour {
            return "1 day \((d - usecPerDay) / usecPerHour)h \(s)"
        } else if d >= 6 * usecPerHour {
            return "\(d / usecPerHour)h \(s)"
        } else if d >= usecPerHour {
            return "\(d / usecPerHour)h \(d % usecPerHour / usecPerMinute)min \(s)"
        } else if d >= 5 * usecPerMinute {
            return "\(d / usecPerMinute)min \(s)"
        } else if d >= usecPerMinute {
            return "\(d / usecPerMinute)min \(d % usecPerMinute / usecPerSecond)s \(s)"
        } else if d >= usecPerSecond {
            return "\(d / usecPerSecond)s \(s)"
        } else if d >= 1000 {
            return "\(d / 1000)ms \(s)"
        } else if d > 0 {
            return "\(d)us \(s)"
        }
        return "now"
    }

    /// glibc's `timezone == 0 && daylight == 0`: a zone that is UTC in effect (then systemd-analyze
    /// leaves out the "(in UTC)" lines). Judged from the zone's rules from `now` on.
    static func isUTCLike(_ zone: TimeZone, now: Date) -> Bool {
        zone.secondsFromGMT(for: now) == 0 && zone.nextDaylightSavingTimeTransition(after: now) == nil
            && !zone.isDaylightSavingTime(for: now)
    }
}
