import SteadyKit
import SteadyLocalization

/// Settings for `time-alone`, from `[practices.time-alone]`.
public struct TimeAloneSettings: PracticeSettings {
    /// The first length of time alone, in minutes, 5–240. Default: 15.
    public var minutes = 15
    /// How many minutes longer the next time is, after a time that ended no more anxious than
    /// it began, 1–60. Default: 5.
    public var step = 5
    /// The longest it grows to, in minutes, from `minutes` to 480. Default: 120.
    public var longest = 120

    /// The range `minutes` may take.
    public static let minutesRange = 5...240
    /// The range `step` may take.
    public static let stepRange = 1...60
    /// The upper end of `longest`.
    public static let longestLimit = 480

    public init() {}

    public func validate() throws(SettingsError) {
        guard Self.minutesRange.contains(minutes) else {
            throw SettingsError(keyPath: ["minutes"], phrase: Phrase { tr("%1$d is outside 5–240 minutes", minutes) },
                                hint: Phrase { tr("pick a first length from 5 to 240 minutes; a short one is a good start") })
        }
        guard Self.stepRange.contains(step) else {
            throw SettingsError(keyPath: ["step"], phrase: Phrase { tr("%1$d is outside 1–60 minutes", step) },
                                hint: Phrase { tr("pick a step from 1 to 60 minutes; small steps are the idea") })
        }
        guard (minutes...Self.longestLimit).contains(longest) else {
            throw SettingsError(keyPath: ["longest"], phrase: Phrase { tr("%1$d is outside %2$d–%3$d minutes", longest, minutes, Self.longestLimit) },
                                hint: Phrase { tr("pick a longest time from the first length (%1$d) to %2$d minutes", minutes, Self.longestLimit) })
        }
    }
}
