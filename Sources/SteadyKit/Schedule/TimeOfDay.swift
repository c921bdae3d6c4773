import Foundation

/// A wall-clock time of day, `HH:MM`, in the person's time zone.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0..<1440.
    public var minutes: Int

    public init(hour: Int, minute: Int) { minutes = hour * 60 + minute }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// Parses `H:MM` or `HH:MM` (24-hour clock).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        minutes = h * 60 + m
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public var description: String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }
}

/// A daily window such as quiet hours, `22:00..07:00`; it may wrap past midnight.
public struct TimeOfDayRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM..HH:MM`.
    public init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2,
            let start = TimeOfDay(parts[0].trimmingCharacters(in: .whitespaces)),
            let end = TimeOfDay(parts[1].trimmingCharacters(in: .whitespaces)), start != end
        else { return nil }
        self.init(start: start, end: end)
    }

    /// Whether `time` falls inside the window (start inclusive, end exclusive).
    public func contains(_ time: TimeOfDay) -> Bool {
        start < end ? (start <= time && time < end) : (time >= start || time < end)
    }

    public var description: String { "\(start)..\(end)" }
}
