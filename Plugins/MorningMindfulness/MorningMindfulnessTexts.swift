/// The words of `morning-mindfulness`, kept together so they are easy to read and review.
enum MorningMindfulnessTexts {
    /// Titles, rotated one per day.
    static let titles = [
        "A few slow breaths?",
        "A calm start, if you like",
        "Morning breathing",
    ]

    /// Second sentence of the body, rotated one per day.
    static let invitations = [
        "A few rounds are plenty.",
        "Two minutes is enough; stop whenever you like.",
        "Go at your own pace.",
    ]

    static let groundingLabel = "5-4-3-2-1 instead"
    static let notNowLabel = "Not now"

    static func doneLabel(_ name: String) -> String { "Did \(name.lowercasingFirst)" }

    static let doneAcknowledgement = "Noted. Thank you for giving yourself that moment."
    static let groundingAcknowledgement = "Noted. Coming back to your senses counts just as much."
    static let notNowAcknowledgement = "That's fine. Maybe tomorrow."
}

extension String {
    /// The string with its first character in lower case, to follow a colon or a verb.
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
