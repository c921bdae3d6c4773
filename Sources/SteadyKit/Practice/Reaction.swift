/// What a practice wants to happen after an answer.
public struct Reaction: Sendable, Hashable {
    /// Ask the same prompt again after this many seconds (e.g. "15 more minutes").
    public var snooze: Int?
    /// Further prompts to schedule relative to the answer.
    public var followUps: [FollowUp]
    /// A short, kind acknowledgement the channel may show (e.g. in the terminal).
    public var acknowledgement: String?
    /// The answer means "not now": the prompt ends as `skipped` rather than `answered`.
    public var skips: Bool

    public init(snooze: Int? = nil, followUps: [FollowUp] = [], acknowledgement: String? = nil, skips: Bool = false) {
        self.snooze = snooze
        self.followUps = followUps
        self.acknowledgement = acknowledgement
        self.skips = skips
    }

    /// Nothing further: the answer is recorded and that is all.
    public static let none = Reaction()
}

/// A prompt a practice asks the engine to schedule later, relative to an answer.
public struct FollowUp: Sendable, Hashable, Codable {
    /// Seconds after the answer.
    public var after: Int
    /// A practice-defined key, handed back in `Occasion.followUp` so the practice knows what to ask.
    public var key: String

    public init(after: Int, key: String) {
        self.after = after
        self.key = key
    }
}
