import Foundation
import SteadyCalendar

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
/// Foundation, through the calendar's `CivilDate` (the one copy of the arithmetic).
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
    @inline(__always) public init(dayNumber days: Int) {
        let civil = CivilDate(daysSinceEpoch: days)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Days since 1970-01-01.
    @inline(__always) public var dayNumber: Int {
        CivilDate(year: year, month: month, day: day).daysSinceEpoch
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
    public static var monthNames: [String] { MonthName.short }
    /// Short English weekday names, Monday first.
    public static var weekdayNames: [String] { WeekdayName.short }

    /// `3 Mar 2025`.
    public var readable: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }
}
