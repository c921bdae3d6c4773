import CLocale
#if canImport(Glibc)
import Glibc
#endif

/// Times, dates, weekday and month names the way a locale writes them, from glibc's locale data
/// (`strftime_l`, `nl_langinfo_l`): 24 h or 12 h, the names, the first day of the week.
///
/// No ICU: glibc's locale archive is mapped anyway, so a daemon pays nothing more for it.
/// Each value holds its own `locale_t`, so formatting never depends on, or changes, the
/// process's or a thread's current locale.
public final class LocaleTime: @unchecked Sendable {
    // @unchecked: `handle` is created in init, only read afterwards, and freed in deinit;
    // glibc's *_l functions only read it.
    private let handle: locale_t

    /// The name of the LC_TIME locale this formatter uses, e.g. `de_DE.UTF-8` or `C`.
    public let name: String

    /// A formatter for the locale named `name` (`de_DE.UTF-8`), or for the environment's
    /// LC_TIME when `name` is nil (`LC_ALL`, `LC_TIME`, `LANG`, as `setlocale` reads them).
    ///
    /// - Throws: `LocaleTimeError.notInstalled` when that locale is not on this machine
    ///   (`locale -a` lists them).
    public init(_ name: String? = nil) throws(LocaleTimeError) {
        let requested = name ?? ""
        guard let handle = newlocale(LC_TIME_MASK | LC_CTYPE_MASK, requested, nil) else {
            throw LocaleTimeError.notInstalled(requested)
        }
        self.handle = handle
        self.name = String(cString: steady_time_locale_name(handle))
    }

    /// The C locale's formatter, which never fails: English names, 24-hour times.
    public static let c: LocaleTime = {
        do { return try LocaleTime("C") } catch { fatalError("the C locale is always there") }
    }()

    deinit { freelocale(handle) }

    /// Broken-down local time for the formatter's functions.
    public struct Moment: Sendable, Hashable {
        public var year, month, day, hour, minute, second: Int
        /// 0 = Sunday … 6 = Saturday.
        public var weekday: Int

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, weekday: Int) {
            (self.year, self.month, self.day, self.hour, self.minute, self.second, self.weekday) = (year, month, day, hour, minute, second, weekday)
        }

        /// The moment of `seconds` since the epoch in the process's time zone (`localtime_r`).
        public init(secondsSinceEpoch seconds: Int) {
            var time = time_t(seconds)
            var parts = tm()
            localtime_r(&time, &parts)
            self.init(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec), weekday: Int(parts.tm_wday))
        }

        var brokenDown: tm {
            var parts = tm()
            parts.tm_year = Int32(year - 1900)
            parts.tm_mon = Int32(month - 1)
            parts.tm_mday = Int32(day)
            parts.tm_hour = Int32(hour)
            parts.tm_min = Int32(minute)
            parts.tm_sec = Int32(second)
            parts.tm_wday = Int32(weekday)
            return parts
        }
    }

    /// `strftime_l` with this locale: `format` may use any conversion (`%A`, `%x`, `%X`…).
    public func format(_ moment: Moment, _ format: String) -> String {
        var parts = moment.brokenDown
        var buffer = [CChar](repeating: 0, count: 256)
        let count = strftime_l(&buffer, buffer.count, format, &parts, handle)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the locale writes times on a 12-hour clock (en_US: `%I:%M:%S %p`), rather
    /// than 24 hours (de_DE: `%T`).
    public var usesTwelveHourClock: Bool {
        let timeFormat = langinfo(nl_item(T_FMT))
        return timeFormat.contains("%I") || timeFormat.contains("%l") || timeFormat.contains("%r")
    }

    /// Hours and minutes as the locale writes them: `21:14` or `9:14 PM`.
    public func time(_ moment: Moment) -> String {
        guard usesTwelveHourClock else { return format(moment, "%H:%M") }
        let amPM = langinfo(nl_item(AM_STR)).isEmpty ? "" : " %p"
        // `%l` pads with a space; the hour reads better without it.
        return format(moment, "%l:%M" + amPM).trimmingLeadingSpaces()
    }

    /// The date in the locale's short form (`%x`): `03.12.2026`, `12/03/2026`.
    public func date(_ moment: Moment) -> String { format(moment, "%x") }

    /// A weekday's name: `weekday` 0 = Sunday … 6 = Saturday; `abbreviated` gives `So`/`Sun`.
    public func weekdayName(_ weekday: Int, abbreviated: Bool = false) -> String {
        langinfo(steady_weekday_item(Int32(((weekday % 7) + 7) % 7), abbreviated ? 1 : 0))
    }

    /// A month's name: `month` 1 = January … 12; `abbreviated` gives `Dez`/`Dec`.
    /// Full names are the nominative, standalone form (`Dezember`, as a heading).
    public func monthName(_ month: Int, abbreviated: Bool = false) -> String {
        langinfo(steady_month_item(Int32((((month - 1) % 12) + 12) % 12), abbreviated ? 1 : 0))
    }

    /// The first day of the week, 0 = Sunday … 6 = Saturday: Monday (1) in Germany, Sunday (0) in the US.
    ///
    /// glibc gives it as `_NL_TIME_FIRST_WEEKDAY`, counted from the week's reference day
    /// `_NL_TIME_WEEK_1STDAY` (Sources/CLocale/shim.h).
    public var firstWeekday: Int { Int(steady_first_weekday(handle)) }

    /// The seven weekdays in the locale's order, starting at `firstWeekday` (0 = Sunday).
    public var weekdaysInOrder: [Int] { (0..<7).map { (firstWeekday + $0) % 7 } }

    private func langinfo(_ item: nl_item) -> String {
        String(cString: nl_langinfo_l(item, handle))
    }
}

/// Why a `LocaleTime` could not be made.
public enum LocaleTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The named locale is not installed.
    case notInstalled(String)

    public var description: String {
        switch self {
        case .notInstalled(let name):
            // English: for tests and tools that choose a locale by name, not for a person
            "the locale '\(name)' is not installed on this machine (see `locale -a`; Debian: `dpkg-reconfigure locales`)"
        }
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
