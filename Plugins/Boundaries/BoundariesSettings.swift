import SteadyKit

/// Settings for `boundaries`. It has none besides the schedule every practice has.
public struct BoundariesSettings: PracticeSettings {
    public init() {}
}
