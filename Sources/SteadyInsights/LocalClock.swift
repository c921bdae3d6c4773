import Foundation

/// Turns journal timestamps (seconds since 1970) into local calendar days, hours and weekdays,
/// fast enough to run over a million rows.
///
/// A time zone's offset only changes at its transitions (daylight saving, rule changes), so
/// the clock remembers the current offset and the interval it holds for, and asks Foundation
/// again only when a timestamp falls outside it. Rows read in time order cost a comparison.
/// Not thread-safe: use one per computation.
public struct LocalClock {
    /// The time zone days and hours are counted in.
    public let timeZone: TimeZone
    private var offset = 0
    private var validFrom = Double.infinity
    private var validUntil = -Double.infinity

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Seconds east of UTC at `time`.
    public mutating func offset(at time: Double) -> Int {
        if time < validFrom || time >= validUntil {
            let date = Date(timeIntervalSince1970: time)
            offset = timeZone.secondsFromGMT(for: date)
            // The offset holds from here until the next transition. Earlier times ask again.
            validFrom = time
            validUntil = timeZone.nextDaylightSavingTimeTransition(after: date)?.timeIntervalSince1970 ?? .infinity
            // Zones whose offset changed by rule rather than daylight saving report no
            // transition; a day keeps the cache honest there too.
            validUntil = min(validUntil, time + 86_400)
        }
        return offset
    }

    /// The local time at `time`, in seconds since 1970-01-01 00:00 local.
    public mutating func localSeconds(_ time: Double) -> Int {
        Int(time.rounded(.down)) + offset(at: time)
    }

    /// The local day of `time`: days since 1970-01-01 in local time.
    public mutating func day(_ time: Double) -> Int {
        floorDiv(localSeconds(time), 86_400)
    }

    /// The local hour of day, 0–23.
    public mutating func hour(_ time: Double) -> Int {
        floorMod(localSeconds(time), 86_400) / 3600
    }

    /// The local weekday, 0 = Monday … 6 = Sunday.
    public mutating func weekday(_ time: Double) -> Int {
        Self.weekday(ofDay: day(time))
    }

    /// The weekday of a local day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public static func weekday(ofDay day: Int) -> Int {
        floorMod(day + 3, 7)
    }

    /// The start of local day `day`, as a date.
    public func startOfDay(_ day: Int) -> Date {
        // Start from the UTC midnight and correct by the offset there; a second pass settles
        // days whose offset changes around midnight.
        var guess = Double(day * 86_400)
        for _ in 0..<2 {
            guess = Double(day * 86_400 - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
        }
        return Date(timeIntervalSince1970: guess)
    }
}

/// Division rounding towards minus infinity.
@inline(__always) func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// The remainder that goes with `floorDiv`: always in `0..<b` for positive `b`.
@inline(__always) func floorMod(_ a: Int, _ b: Int) -> Int {
    let r = a % b
    return r < 0 ? r + b : r
}

/// A proleptic Gregorian date, from a day number (days since 1970-01-01) and back, without
/// Foundation: Howard Hinnant's `civil_from_days` and `days_from_civil`.
public struct CivilDay: Sendable, Hashable, Comparable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of day number `days`.
    public init(dayNumber days: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.dayNumber < b.dayNumber }

    /// `2025-03-01`.
    public var iso: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Short English month names, for labels.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Short English weekday names, Monday first.
    public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `3 Mar 2025`.
    public var readable: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }
}
