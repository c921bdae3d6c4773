/// How a prompt ended, or that it has not yet.
///
/// Every decision the engine takes about a prompt is one of these, stored in the journal:
/// nothing is dropped silently.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Shown (or waiting to be shown) and not yet answered.
    case pending
    /// The person answered.
    case answered
    /// The person chose to let it pass.
    case skipped
    /// Unanswered until its expiry time.
    case expired
    /// Its time passed while the machine slept (or steady was not running) and it was too late to catch up.
    case missed
    /// Not shown because of quiet hours, the daily limit or a pause.
    case suppressed
    /// Could not be shown and expired without any channel reaching the person.
    case undelivered

    /// Whether the prompt is finished and can no longer be answered.
    public var isFinal: Bool { self != .pending }

    /// Whether the person chose it (answered, skipped), rather than steady deciding it.
    public var isChosen: Bool { self == .answered || self == .skipped }
}
