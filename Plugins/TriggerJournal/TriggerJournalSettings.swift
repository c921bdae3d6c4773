import SteadyKit

/// Settings for `trigger-journal`, from `[practices.trigger-journal]`.
public struct TriggerJournalSettings: PracticeSettings {
    /// How long after an entry the check-in comes: a span from "10s" to "12h", or "off" for
    /// none (`steady log trigger --follow-up` still works). Default: "1h".
    public var followUpAfter = "1h"

    /// The spans `follow-up-after` may take.
    public static let followUp = FollowUpDelay(range: TimeSpan(seconds: 10)...TimeSpan.hours(12), rangeText: "10s–12h", examples: ("1h", "45m"))

    enum CodingKeys: String, CodingKey {
        case followUpAfter = "follow-up-after"
    }

    public init() {}

    /// The delay, or nil when the check-in is off.
    public var delay: TimeSpan? { Self.followUp.delay(followUpAfter) }

    public func validate() throws(SettingsError) {
        try Self.followUp.validate(followUpAfter, key: CodingKeys.followUpAfter.rawValue)
    }
}
