import SteadyKit

/// Settings for `sleep-wind-down`, from `[practices.sleep-wind-down]`.
public struct SleepWindDownSettings: PracticeSettings {
    /// The bedtime the person aims for, `HH:MM` on a 24-hour clock. Default: `22:30`.
    public var bedtime = "22:30"
    /// How long "a few more minutes" lasts before the prompt comes back, 5–60. Default: 15.
    public var snoozeMinutes = 15

    /// The range `snooze-minutes` may take.
    public static let snoozeRange = 5...60

    enum CodingKeys: String, CodingKey {
        case bedtime
        case snoozeMinutes = "snooze-minutes"
    }

    public init() {}

    public func validate() throws(SettingsError) {
        guard Self.minutesSinceMidnight(bedtime) != nil else {
            throw SettingsError(
                keyPath: [CodingKeys.bedtime.rawValue], message: "'\(bedtime)' is not a time of day",
                hint: "write it as HH:MM on a 24-hour clock, e.g. \"22:30\"")
        }
        guard Self.snoozeRange.contains(snoozeMinutes) else {
            throw SettingsError(
                keyPath: [CodingKeys.snoozeMinutes.rawValue],
                message: "\(snoozeMinutes) is outside \(Self.snoozeRange.lowerBound)–\(Self.snoozeRange.upperBound) minutes",
                hint: "pick a number of minutes from \(Self.snoozeRange.lowerBound) to \(Self.snoozeRange.upperBound)")
        }
    }

    /// Minutes after midnight of an `HH:MM` time, or nil when it is not one.
    static func minutesSinceMidnight(_ time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}
