import SteadyKit
import SteadyLocalization

/// The words of `trigger-journal`'s check-ins, kept together so they are easy to read and review.
enum TriggerJournalTexts {
    /// The opening line of the check-in: when the entry was written, as seen from the moment
    /// the check-in is shown ("Last night you noted a hard moment.").
    static func since(_ lookBack: Occasion.LookBack?) -> String {
        guard let lookBack else { return tr("Earlier you noted a hard moment.") }
        // TRANSLATORS: %1$@ says when, and starts the sentence: "Last night", "This morning", "Earlier today".
        return tr("%1$@ you noted a hard moment.", lookBack.phrase)
    }

    static var howLong: String { tr("How long did it take to settle?") }
    static var intensityNow: String { tr("And how strong is it now, from 1 to 10?") }
    static var thanks: String { tr("Thank you for looking back. Both answers are in your journal.") }

    // Only used when someone gives the practice a schedule of its own.
    static var scheduledTitle: String { tr("Anything stir you up today?") }
    static var scheduledBody: String { tr("If a moment shook you, `steady log trigger` keeps a short note of it. If not, that is fine too.") }
    static var scheduledChoices: [Choice] { [
        Choice(key: "noted", label: tr("I'll write it down")),
        Choice(key: "nothing", label: tr("Nothing today")),
    ] }
    static var scheduledAcknowledgement: String { tr("Thank you for checking in with yourself.") }
}
