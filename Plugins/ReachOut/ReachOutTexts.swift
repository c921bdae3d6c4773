import SteadyLocalization

/// The words of `reach-out`, kept together so they are easy to read and review.
enum ReachOutTexts {
    static var titles: [String] { [
        tr("Someone to say hello to?"),
        tr("A small hello"),
        tr("Staying in touch"),
    ] }

    static func namedBody(_ name: String) -> String {
        // TRANSLATORS: %1$@ is the name of someone in the person's support network.
        tr("Maybe a few words to %1$@? A message, a call, or a plan to meet up.", name)
    }

    /// Bodies that widen the circle beyond any one person, rotated one per day.
    static var widerCircle: [String] { [
        tr("Is there someone you'd like to hear from: a friend, family, a neighbour? A short message is plenty."),
        tr("Maybe someone a little outside your usual circle: an old friend, a cousin, a colleague you like."),
        tr("A group can be good company too: a class, a club, a team. A short hello is plenty."),
    ] }

    static var reachedOutLabel: String { tr("Reached out") }
    static var plannedLabel: String { tr("I'll do it later") }
    static var notNowLabel: String { tr("Not now") }

    static var reachedOutAcknowledgement: String { tr("Noted. Reaching out was the practice; the reply, whenever it comes, is theirs.") }
    static var plannedAcknowledgement: String { tr("Noted. No rush.") }
    static var notNowAcknowledgement: String { tr("That's fine.") }
}
