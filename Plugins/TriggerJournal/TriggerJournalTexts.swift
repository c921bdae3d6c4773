import SteadyKit

/// The words of `trigger-journal`'s check-ins, kept together so they are easy to read and review.
enum TriggerJournalTexts {
    /// The opening line of the check-in: when the entry was written, as seen from the moment
    /// the check-in is shown ("Last night you noted a hard moment.").
    static func since(_ lookBack: Occasion.LookBack?) -> String {
        guard let lookBack else { return "Earlier you noted a hard moment." }
        return "\(lookBack.phrase) you noted a hard moment."
    }

    static let intensityNow = "And how strong is it now, from 1 to 10?"
    static let thanks = "Thank you for looking back. Both answers are in your journal."

    // Only used when someone gives the practice a schedule of its own.
    static let scheduledTitle = "Anything stir you up today?"
    static let scheduledBody = "If a moment shook you, `steady log trigger` keeps a short note of it. If not, that is fine too."
    static let scheduledChoices = [
        Choice(key: "noted", label: "I'll write it down"),
        Choice(key: "nothing", label: "Nothing today"),
    ]
    static let scheduledAcknowledgement = "Thank you for checking in with yourself."
}
