import SteadyKit
import SteadyLocalization

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
        guard TimeOfDay(bedtime) != nil else {
            throw SettingsError(
                keyPath: [CodingKeys.bedtime.rawValue], phrase: Phrase { tr("'%1$@' is not a time of day", bedtime) },
                hint: Phrase { tr("write it as HH:MM on a 24-hour clock, e.g. \"22:30\"") })
        }
        guard Self.snoozeRange.contains(snoozeMinutes) else {
            throw SettingsError(
                keyPath: [CodingKeys.snoozeMinutes.rawValue],
                phrase: Phrase { tr("%1$d is outside %2$d–%3$d minutes", snoozeMinutes, Self.snoozeRange.lowerBound, Self.snoozeRange.upperBound) },
                hint: Phrase { tr("pick a number of minutes from %1$d to %2$d", Self.snoozeRange.lowerBound, Self.snoozeRange.upperBound) })
        }
    }

    /// When the wind-down prompt fits: `leadMinutes` before the bedtime (wrapping past midnight).
    /// Settings that passed `validate()` always have a readable bedtime; otherwise the default's is used.
    public var windDownTime: TimeOfDay {
        let bed = TimeOfDay(bedtime) ?? TimeOfDay(Self().bedtime)!
        let minutesPerDay = 24 * 60
        return TimeOfDay(hour: 0, minute: (bed.minutes - Self.leadMinutes + minutesPerDay) % minutesPerDay)
    }

    /// How long before bedtime the wind-down begins.
    public static let leadMinutes = 30
}
