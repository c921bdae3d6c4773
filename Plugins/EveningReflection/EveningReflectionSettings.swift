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
    /// Whether a rating is followed, in the same bubble, by the optional feeling word.
    /// Default: `true`.
    public var feelingWord = true

    enum CodingKeys: String, CodingKey {
        case focus
        case feelingWord = "feeling-word"
    }

    public init() {}
}
