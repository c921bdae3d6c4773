import SteadyKit

/// Settings for `asking`, from `[practices.asking]`.
public struct AskingSettings: PracticeSettings {
    /// How long after `steady ask` the check-in on how it went comes: a span from "1h" to
    /// "3d", or "off" for none (`steady ask --follow-up` still works). Default: "1d".
    public var followUpAfter = "1d"

    /// The range `follow-up-after` may take.
    public static let range = TimeSpan.hours(1)...TimeSpan.hours(72)

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
                hint: "write it like \"1d\" or \"6h\", or \"off\" for no check-in")
        }
        guard Self.range.contains(delay) else {
            throw SettingsError(
                keyPath: [CodingKeys.followUpAfter.rawValue], message: "\(delay) is outside 1h–3d",
                hint: "pick a span from \"1h\" to \"3d\", or \"off\"")
        }
    }
}
