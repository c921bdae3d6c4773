import SteadyKit

/// Settings for `asking`, from `[practices.asking]`.
public struct AskingSettings: PracticeSettings {
    /// How long after `steady ask` the check-in on how it went comes: a span from "1h" to
    /// "3d", or "off" for none (`steady ask --follow-up` still works). Default: "1d".
    public var followUpAfter = "1d"

    /// The spans `follow-up-after` may take.
    public static let followUp = FollowUpDelay(range: TimeSpan.hours(1)...TimeSpan.hours(72), rangeText: "1h–3d", examples: ("1d", "6h"))

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
