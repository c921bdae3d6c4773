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

    /// Bodies that widen the circle beyond any one person, rotated one per day.
    static let widerCircle = [
        "Is there someone you'd like to hear from: a friend, family, a neighbour? A short message is plenty.",
        "Maybe someone a little outside your usual circle: an old friend, a cousin, a colleague you like.",
        "A group can be good company too: a class, a club, a team. A short hello is plenty.",
    ]

    static let reachedOutLabel = "Reached out"
    static let plannedLabel = "I'll do it later"
    static let notNowLabel = "Not now"

    static let reachedOutAcknowledgement = "Noted. Reaching out was the practice; the reply, whenever it comes, is theirs."
    static let plannedAcknowledgement = "Noted. No rush."
    static let notNowAcknowledgement = "That's fine."
}
