/// English weekday names, the one list steady prints and reads them from (systemd, the stats,
/// the report and the status line all use these spellings, whatever the locale).
///
/// The lists run Monday first (ISO 8601, as calendar expressions and the stats count them);
/// `short(sundayBased:)` reads them with C's and Foundation's numbering, Sunday first.
public enum WeekdayName {
    /// "Mon" … "Sun": index 0 is Monday.
    public static let short = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    /// "Monday" … "Sunday": index 0 is Monday.
    public static let long = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The short name of a weekday numbered Sunday first: 0 = Sunday … 6 = Saturday, as in
    /// `struct tm`'s `tm_wday` and Foundation's `weekday - 1`.
    public static func short(sundayBased weekday: Int) -> String {
        short[((weekday + 6) % 7 + 7) % 7]
    }
}

/// English month names, the one list steady prints and reads them from (`Mar 29 00:30:00`
/// timestamps, the report's labels).
public enum MonthName {
    /// "January" … "December": index 0 is January.
    public static let long = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                              "October", "November", "December"]
    /// "Jan" … "Dec".
    public static let short = long.map { String($0.prefix(3)) }
}
