import SteadyKit

/// Settings for `wins`. It has none besides the schedule every practice has.
public struct WinsSettings: PracticeSettings {
    public init() {}
}
