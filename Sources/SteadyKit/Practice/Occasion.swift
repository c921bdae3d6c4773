import Foundation

/// Why and when a practice is asked to build a prompt.
public struct Occasion: Sendable, Hashable {
    /// Why the prompt exists.
    public enum Reason: Sendable, Hashable {
        /// A slot of the practice's schedule.
        case scheduled
        /// A follow-up the practice asked for earlier, with its key and the answer that led to it.
        case followUp(key: String, after: AnswerValue?)
    }

    public var reason: Reason
    /// The slot time the prompt belongs to.
    public var slot: Date
    /// A number that changes once a day (days since 1970 in the person's time zone), for
    /// practices that rotate gently through a few wordings. Deterministic: no randomness.
    public var dayNumber: Int

    public init(reason: Reason, slot: Date, dayNumber: Int) {
        self.reason = reason
        self.slot = slot
        self.dayNumber = dayNumber
    }

    /// A scheduled occasion; `dayNumber` is derived from `slot` in `timeZone`.
    public static func scheduled(at slot: Date, timeZone: TimeZone = .current) -> Occasion {
        Occasion(reason: .scheduled, slot: slot, dayNumber: dayNumber(of: slot, in: timeZone))
    }

    /// Days since 1970-01-01 of `date` in `timeZone`.
    public static func dayNumber(of date: Date, in timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }
}
