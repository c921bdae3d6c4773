import Foundation

/// A parsed calendar expression, systemd OnCalendar syntax and semantics (systemd.time(7)).
///
/// Parsing, normalization and the next-elapse search follow systemd 252 (the version the
/// differential test runs against); see docs/calendar.md for the syntax and the few known
/// differences.
public struct CalendarExpression: Sendable, Hashable, CustomStringConvertible {
    let spec: CalendarSpec
    /// The zone named at the end of the expression (other than UTC), loaded once.
    let namedZone: TimeZone?

    public init(_ text: String) throws(CalendarExpressionError) {
        spec = try CalendarParser.parse(text)
        namedZone = spec.timeZoneName.flatMap(CalendarTimeZones.zone(named:))
    }

    /// The normalized form, exactly as `systemd-analyze calendar` prints after "Normalized form:".
    public var description: String { spec.normalizedText }

    public static func == (a: CalendarExpression, b: CalendarExpression) -> Bool { a.spec == b.spec }
    public func hash(into hasher: inout Hasher) { hasher.combine(spec) }

    /// The first elapse strictly after `base`, computed in the expression's own time zone if it
    /// has one (trailing `UTC`, `Europe/Berlin`), else in `timeZone`. nil when none exists.
    ///
    /// `base` is taken to the nearest microsecond, like systemd's `usec_t`.
    public func nextElapse(after base: Date, in timeZone: TimeZone) -> Date? {
        var state = 0
        guard let usec = nextElapse(afterMicroseconds: Self.microseconds(base), in: timeZone, mktimeOffset: &state) else {
            return nil
        }
        return Self.date(usec)
    }

    /// The time zone the search runs in: nil for UTC arithmetic.
    func effectiveZone(_ timeZone: TimeZone) -> TimeZone? {
        if spec.utc { return nil }
        return namedZone ?? timeZone
    }

    /// The search with glibc's `mktime` starting guess made explicit (see `CalendarClock`).
    /// For an expression with its own zone systemd searches in a forked child, so the caller's
    /// state is read but not changed; UTC expressions never touch it.
    func nextElapse(afterMicroseconds base: Int, in timeZone: TimeZone, mktimeOffset: inout Int) -> Int? {
        switch search(afterMicroseconds: base, in: timeZone, mktimeOffset: &mktimeOffset) {
        case .elapse(let usec): usec
        case .never, .failed: nil
        }
    }

    func search(afterMicroseconds base: Int, in timeZone: TimeZone, mktimeOffset: inout Int) -> CalendarSearch.Outcome {
        if base < 0 { return .failed }
        let zone = effectiveZone(timeZone)
        var search = CalendarSearch(spec: spec, clock: CalendarClock(zone: zone, mktimeOffset: mktimeOffset))
        let outcome = search.next(after: base)
        if zone != nil && namedZone == nil {
            mktimeOffset = search.clock.mktimeOffset
        }
        return outcome
    }

    /// Kept within ±2^62 µs (±146 000 years), far past where any search ends.
    static func microseconds(_ date: Date) -> Int {
        let usec = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let bound = Double(1 << 62)
        return usec.isNaN ? 0 : Int(min(max(usec, -bound), bound))
    }

    static func date(_ usec: Int) -> Date {
        let (s, us) = usec.quotientAndRemainderFlooring(dividingBy: 1_000_000)
        return Date(timeIntervalSince1970: TimeInterval(s) + TimeInterval(us) / 1_000_000)
    }
}
