import SteadyLocalization

/// How strong something felt before and after a calming practice, on the same scale.
///
/// Used by the pause (urge before and after waiting), the trigger journal (intensity when
/// logged and at the follow-up) and the thought record (belief before and after).
public struct BeforeAfter: Sendable, Hashable, Codable {
    /// Which way the rating moved.
    public enum Direction: String, Sendable, Hashable, Codable {
        case eased
        case unchanged
        case rose
    }

    public var before: Int
    public var after: Int
    /// The scale both ratings are on.
    public var scale: Scale
    /// What was practised in between, when known (a breathing pattern or guide id).
    public var practice: String?

    public init(before: Int, after: Int, scale: Scale = .intensity, practice: String? = nil) {
        self.before = before
        self.after = after
        self.scale = scale
        self.practice = practice
    }

    /// `after - before`: negative when it eased.
    public var change: Int { after - before }

    /// How far a mean change has to go before it counts as easing or rising, in scale points.
    /// Smaller means read as "about the same": the tools' technique summaries and the stats
    /// and report say so alike.
    public static let noticeableMeanChange = 0.5

    /// Which way a mean of several changes (`after - before`) went, by `noticeableMeanChange`.
    public static func direction(ofMeanChange mean: Double) -> Direction {
        mean <= -noticeableMeanChange ? .eased : mean < noticeableMeanChange ? .unchanged : .rose
    }

    public var direction: Direction {
        change < 0 ? .eased : change == 0 ? .unchanged : .rose
    }

    /// One kind sentence about the change, whichever way it went.
    public var summary: String {
        switch direction {
        case .eased:
            return tr("From %1$d to %2$d: it eased by %3$d.", before, after, -change)
        case .unchanged:
            return tr("Still %1$d. Some feelings take longer to shift, and you stayed with it.", after)
        case .rose:
            return tr("From %1$d to %2$d. Some moments don't soften right away; that is useful to know, not a mark against you.", before, after)
        }
    }

    /// The mean change over `items` (negative when things eased on average), or nil when empty.
    public static func averageChange(_ items: [BeforeAfter]) -> Double? {
        guard !items.isEmpty else { return nil }
        return Double(items.reduce(0) { $0 + $1.change }) / Double(items.count)
    }
}
