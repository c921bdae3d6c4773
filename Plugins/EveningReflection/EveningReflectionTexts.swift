/// The words of `evening-reflection`, kept together so they are easy to read and review.
enum EveningReflectionTexts {
    static let titles = [
        "How was today?",
        "A quiet look back",
        "Before the day closes",
    ]

    static let wentWell = "What is one thing that went well today, however small?"
    static let feltSecure = "Was there a moment today when you felt safe and at ease, with someone or on your own?"
    static let rating = "And how settled did the day feel, from 1 to 5?"

    static let scaleLow = "unsettled"
    static let scaleHigh = "settled"

    static let lowAcknowledgement = "Thank you for checking in. Harder days belong in the journal too."
    static let middleAcknowledgement = "Thank you. It's in your journal."
    static let highAcknowledgement = "Glad some of today felt settled. It's in your journal."

    static let feelingTitle = "A word for tonight"
    static let feelingBody = "If one word fits how you feel, pick it. Skipping is fine too."
    static let ownWordBody = "Which word fits? Yours is as good as any on a list."
    static let ownWordPlaceholder = "wistful, restless, relieved…"
    static let feelingAcknowledgement = "Thank you for naming it. It's in your journal with the day."
}
