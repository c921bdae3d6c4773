import SteadyKit

/// The words of `asking`'s check-ins, kept together so they are easy to read and review.
enum AskingTexts {
    static let howItWentTitle = "How did your request go?"

    /// The check-in's body: when the request was written, seen from when it is shown.
    static func howItWentBody(_ lookBack: Occasion.LookBack?) -> String {
        let when = lookBack?.phrase ?? "Earlier"
        return "\(when) you put a request into words. How did it go?"
    }

    static let keepTitle = "Worth keeping?"
    static let keepBody = "Asking plainly and being heard is worth remembering on a harder day."

    // Only used when someone gives the practice a schedule of its own.
    static let scheduledTitle = "Something you'd like to ask for?"
    static let scheduledBody = "If a need has been waiting, `steady ask` helps you put it into words. If not, that's fine."
    static let scheduledChoices = [
        Choice(key: "noted", label: "I'll write it"),
        Choice(key: "nothing", label: "Nothing right now"),
    ]
    static let scheduledAcknowledgement = "Thank you for checking in with yourself."
}
