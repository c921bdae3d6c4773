import Foundation
import SteadyKit

/// steady's configuration after it has been read and checked: every practice configured,
/// every schedule parsed.
public struct Config: Sendable {
    /// Where it came from: a file path, or `<embedded default>`.
    public var source: String
    /// Quiet hours, daily limit, expiry, grace period.
    public var sparing: Sparing
    /// The enabled practices, sorted by id.
    public var practices: [PracticeSetup]

    /// The setup for `id`, if that practice is enabled.
    public func practice(_ id: PracticeID) -> PracticeSetup? { practices.first { $0.id == id } }
}

/// One enabled practice: its schedule and the practice configured with its settings.
public struct PracticeSetup: Sendable {
    public var id: PracticeID
    /// When it fires; empty for on-demand practices.
    public var schedule: [CalendarExpression]
    public var practice: ConfiguredPractice
}
