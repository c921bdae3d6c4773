import SteadyKit

/// Settings for `morning-mindfulness`, from `[practices.morning-mindfulness]`.
public struct MorningMindfulnessSettings: PracticeSettings {
    /// The breathing pattern the prompt suggests.
    public enum Technique: String, SettingOption {
        case fourSevenEight = "4-7-8"
        case box
        case coherent

        /// The timed pattern behind the name.
        public var pattern: BreathingPattern {
            switch self {
            case .fourSevenEight: .fourSevenEight
            case .box: .box
            case .coherent: .coherent
            }
        }
    }

    /// Which breathing pattern to suggest each morning. Default: `box`.
    public var technique: Technique = .box

    public init() {}
}
