import SteadyKit
import SteadyLocalization

/// The words of `asking`'s check-ins, kept together so they are easy to read and review.
enum AskingTexts {
    static var howItWentTitle: String { tr("How did your request go?") }

    /// The check-in's body: when the request was written, seen from when it is shown.
    static func howItWentBody(_ lookBack: Occasion.LookBack?) -> String {
        guard let lookBack else { return tr("Earlier you put a request into words. How did it go?") }
        // TRANSLATORS: %1$@ says when, and starts the sentence: "Yesterday evening", "This morning", "Earlier today".
        return tr("%1$@ you put a request into words. How did it go?", lookBack.phrase)
    }

    static var keepTitle: String { tr("Worth keeping?") }
    static var keepBody: String { tr("Asking plainly and being heard is worth remembering on a harder day.") }

    // Only used when someone gives the practice a schedule of its own.
    static var scheduledTitle: String { tr("Something you'd like to ask for?") }
    static var scheduledBody: String { tr("If a need has been waiting, `steady ask` helps you put it into words. If not, that's fine.") }
    static var scheduledChoices: [Choice] { [
        Choice(key: "noted", label: tr("I'll write it")),
        Choice(key: "nothing", label: tr("Nothing right now")),
    ] }
    static var scheduledAcknowledgement: String { tr("Thank you for checking in with yourself.") }
}
