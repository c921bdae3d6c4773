import SteadyCalendar
import SteadyLocalization

/// Weekday and month names, hours and the first day of the week as the person's `LC_TIME`
/// writes them (glibc's locale data through `LocaleTime`, no ICU), read once per view so
/// loops over many rows only index arrays.
///
/// In the C/POSIX locale the names are English (`Mon`, `Mar`), hours run 00–23 and the week
/// starts on Monday, as steady has always shown them.
public struct CalendarWords: Sendable {
    /// "Mon" … "Sun" in the locale's words: index 0 is Monday (as `LocalClock` counts).
    public let weekdayShort: [String]
    /// "Monday" … "Sunday" in the locale's words: index 0 is Monday.
    public let weekdayLong: [String]
    /// "Jan" … "Dec" in the locale's words: index 0 is January.
    public let monthShort: [String]
    /// The label of each whole hour, 0–23: `07:00`, or `7:00 AM` on a 12-hour clock.
    public let hours: [String]
    /// The first day of the week, 0 = Monday … 6 = Sunday (as `LocalClock` counts).
    public let firstWeekday: Int
    /// How a day is written with its short month name, from the catalogue ("%1$d %2$@ %3$d").
    private let dayPattern: String

    /// The words of `time`'s locale. Make it after the language is set (`Localization.start()`):
    /// the way a day is written comes from the catalogue then.
    public init(_ time: LocaleTime) {
        // LocaleTime counts weekdays from Sunday; these lists start on Monday.
        weekdayShort = (0..<7).map { time.weekdayName(($0 + 1) % 7, abbreviated: true) }
        weekdayLong = (0..<7).map { time.weekdayName(($0 + 1) % 7) }
        monthShort = (1...12).map { time.monthName($0, abbreviated: true) }
        hours = (0..<24).map { time.time(LocaleTime.Moment(year: 2000, month: 1, day: 1, hour: $0, weekday: 6)) }
        let plain = ["C", "POSIX"].contains(time.name) || time.name.hasPrefix("C.")
        firstWeekday = plain ? 0 : (time.firstWeekday + 6) % 7
        // TRANSLATORS: a day with its short month name: %1$d the day, %2$@ the month ("Mar"), %3$d the year: "3 Mar 2025".
        dayPattern = tr("%1$d %2$@ %3$d")
    }

    /// The words of the environment's `LC_TIME` (`LC_ALL`, `LC_TIME`, `LANG`); English when
    /// that locale is not installed.
    public static func current() -> CalendarWords {
        CalendarWords((try? LocaleTime()) ?? LocaleTime.c)
    }

    /// The weekdays in the locale's order, 0 = Monday … 6 = Sunday: Monday first in Germany,
    /// Sunday first in the US.
    public var weekdaysInOrder: [Int] { (0..<7).map { (firstWeekday + $0) % 7 } }

    /// `3 Mar 2025`, with the locale's month name.
    public func readable(_ day: CivilDay) -> String {
        Translation.fill(dayPattern, [String(day.day), monthShort[day.month - 1], String(day.year)])
    }
}
