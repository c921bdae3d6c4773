import SteadyKit

/// Settings for `trigger-journal`, from `[practices.trigger-journal]`.
public struct TriggerJournalSettings: PracticeSettings {
    /// How long after an entry the check-in comes: a span from "10s" to "12h", or "off" for
    /// none (`steady log trigger --follow-up` still works). Default: "1h".
    public var followUpAfter = "1h"

    /// The range `follow-up-after` may take.
    public static let range = TimeSpan(seconds: 10)...TimeSpan.hours(12)

    enum CodingKeys: String, CodingKey {
        case followUpAfter = "follow-up-after"
    }

    public init() {}

    /// The delay, or nil when the check-in is off.
    public var delay: TimeSpan? {
        followUpAfter == "off" ? nil : try? TimeSpan(parsing: followUpAfter)
    }

    public func validate() throws(SettingsError) {
        guard followUpAfter != "off" else { return }
        guard let delay = try? TimeSpan(parsing: followUpAfter) else {
            throw SettingsError(
                keyPath: [CodingKeys.followUpAfter.rawValue], message: "'\(followUpAfter)' is not a span of time",
                hint: "write it like \"1h\" or \"45m\", or \"off\" for no check-in")
        }
        guard Self.range.contains(delay) else {
            throw SettingsError(
                keyPath: [CodingKeys.followUpAfter.rawValue], message: "\(delay) is outside 10s–12h",
                hint: "pick a span from \"10s\" to \"12h\", or \"off\"")
        }
    }
}
