import SteadyKit

/// The words of `trigger-journal`'s check-ins, kept together so they are easy to read and review.
enum TriggerJournalTexts {
    /// The opening line of the check-in: when the entry was written, roughly.
    static func since(_ delay: TimeSpan?) -> String {
        guard let seconds = delay?.seconds else { return "Earlier you noted a hard moment." }
        let minutes = (seconds + 30) / 60
        let ago = switch minutes {
        case ..<2: "A short while ago"
        case ..<60: "About \(minutes) minutes ago"
        case 60..<90: "About an hour ago"
        default: "About \((minutes + 30) / 60) hours ago"
        }
        return "\(ago) you noted a hard moment."
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
