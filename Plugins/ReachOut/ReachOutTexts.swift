/// The words of `reach-out`, kept together so they are easy to read and review.
enum ReachOutTexts {
    static let titles = [
        "Someone to say hello to?",
        "A small hello",
        "Staying in touch",
    ]

    static func namedBody(_ name: String) -> String {
        "Maybe a few words to \(name)? A message, a call, or a plan to meet up."
    }

    static let openBody = "Is there someone you'd like to hear from: a friend, family, a neighbour? A short message is plenty."

    static let reachedOutLabel = "Reached out"
    static let plannedLabel = "I'll do it later"
    static let notNowLabel = "Not now"

    static let reachedOutAcknowledgement = "Noted. Reaching out was the practice; the reply, whenever it comes, is theirs."
    static let plannedAcknowledgement = "Noted. No rush."
    static let notNowAcknowledgement = "That's fine."
}
