import SteadyKit

/// Settings for `self-compassion`. It has none besides the schedule every practice has.
public struct SelfCompassionSettings: PracticeSettings {
    public init() {}
}
