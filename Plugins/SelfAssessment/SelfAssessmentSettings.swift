import SteadyKit

/// Settings for `self-assessment`. It has none besides the schedule every practice has.
public struct SelfAssessmentSettings: PracticeSettings {
    public init() {}
}
