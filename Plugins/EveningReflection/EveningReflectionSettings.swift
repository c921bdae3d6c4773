import SteadyKit

/// Settings for `evening-reflection`, from `[practices.evening-reflection]`.
public struct EveningReflectionSettings: PracticeSettings {
    /// Which question opens the prompt.
    public enum Focus: String, SettingOption {
        /// Alternate between the questions, one per day.
        case rotate
        /// Something that went well today.
        case wentWell = "went-well"
        /// A moment of feeling secure today.
        case feltSecure = "felt-secure"
    }

    /// Which question to ask. Default: `rotate`.
    public var focus: Focus = .rotate

    public init() {}
}
