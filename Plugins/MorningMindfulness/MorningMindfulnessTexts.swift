import SteadyLocalization

/// The words of `morning-mindfulness`, kept together so they are easy to read and review.
enum MorningMindfulnessTexts {
    /// Titles, rotated one per day.
    static var titles: [String] { [
        tr("A few slow breaths?"),
        tr("A calm start, if you like"),
        tr("Morning breathing"),
    ] }

    /// Second sentence of the body, rotated one per day.
    static var invitations: [String] { [
        tr("A few rounds are plenty."),
        tr("Two minutes is enough; stop whenever you like."),
        tr("Go at your own pace."),
    ] }

    /// The body: the technique, how it goes, and an invitation.
    static func body(pattern: String, howTo: String, invitation: String) -> String {
        // TRANSLATORS: %1$@ is a breathing technique's name, %2$@ how it goes (a sentence), %3$@ an invitation ("Go at your own pace.").
        tr("%1$@: %2$@ %3$@", pattern, Translation.insideSentence(howTo), invitation)
    }

    static var groundingLabel: String { tr("5-4-3-2-1 instead") }
    static var notNowLabel: String { tr("Not now") }

    // TRANSLATORS: %1$@ is a breathing technique's name ("box breathing").
    static func doneLabel(_ name: String) -> String { tr("Did %1$@", Translation.insideSentence(name)) }

    static var doneAcknowledgement: String { tr("Noted. Thank you for giving yourself that moment.") }
    static var groundingAcknowledgement: String { tr("Noted. Coming back to your senses counts just as much.") }
    static var notNowAcknowledgement: String { tr("That's fine. Maybe tomorrow.") }
}


extension String {
    /// The string with its first character in lower case, to follow a colon or a verb.
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
