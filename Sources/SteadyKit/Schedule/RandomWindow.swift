import SteadyLocalization

/// Experience sampling: a few times a day drawn at random inside a window, at least a gap apart.
///
/// Written in the config as `random = { between = "10:00..20:00", count = 3, min-gap = "90m" }`.
/// Times are drawn once per day and stored, so a restart never draws again.
public struct RandomWindow: Sendable, Hashable {
    /// The daily window; it does not wrap past midnight.
    public var between: TimeOfDayRange
    /// How many times a day.
    public var count: Int
    /// The least time between two drawn times.
    public var minGap: TimeSpan

    /// Checks that `count` times fit in the window with `minGap` between them.
    public init(between: TimeOfDayRange, count: Int, minGap: TimeSpan) throws(RandomWindowError) {
        guard between.start < between.end else { throw .wraps }
        guard (1...24).contains(count) else { throw .count(count) }
        let length = between.end.minutes - between.start.minutes
        guard (count - 1) * (minGap.seconds / 60) <= length else { throw .tooTight(count: count, window: length, gap: minGap) }
        self.between = between
        self.count = count
        self.minGap = minGap
    }

    /// Draws the day's times (sorted, in minutes since midnight), spread uniformly over the
    /// window subject to the gap: draw `count` points in the slack, sort, then add the gaps.
    public func draw<G: RandomNumberGenerator>(using generator: inout G) -> [TimeOfDay] {
        let gap = minGap.seconds / 60
        let slack = between.end.minutes - between.start.minutes - (count - 1) * gap
        let points = (0..<count).map { _ in Int.random(in: 0..<max(1, slack), using: &generator) }.sorted()
        return points.enumerated().map { index, offset in
            let minutes = between.start.minutes + offset + index * gap
            return TimeOfDay(hour: minutes / 60, minute: minutes % 60)
        }
    }
}

/// Why a random window is not usable, with what to change.
public enum RandomWindowError: Error, Sendable, Equatable, CustomStringConvertible {
    case wraps
    case count(Int)
    case tooTight(count: Int, window: Int, gap: TimeSpan)

    /// The problem in the language in use when it is read (`Phrase { error.description }`
    /// holds it in the person's language and in English).
    public var description: String {
        switch self {
        case .wraps: return tr("the window must start before it ends on the same day (e.g. \"10:00..20:00\")")
        case .count(let n): return tr("count must be from 1 to 24, not %1$d", n)
        case .tooTight(let count, let window, let gap):
            // TRANSLATORS: %1$d times a day, %2$@ apart (a span such as "90min"), %3$@ the window's length ("2h"); count and min-gap are config keys.
            return trn("%1$d time %2$@ apart does not fit in a %3$@ window; lower count or min-gap, or widen the window",
                       "%1$d times %2$@ apart do not fit in a %3$@ window; lower count or min-gap, or widen the window",
                       count, gap, TimeSpan(seconds: window * 60))
        }
    }
}

/// What happens to a prompt whose slot falls inside quiet hours.
public enum QuietHoursPolicy: String, Sendable, Hashable, CaseIterable {
    /// Shown when quiet hours end (if still before its expiry).
    case `defer`
    /// Not shown; recorded as suppressed.
    case skip
}
