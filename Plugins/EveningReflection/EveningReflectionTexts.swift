import SteadyLocalization

/// The words of `evening-reflection`, kept together so they are easy to read and review.
enum EveningReflectionTexts {
    static var titles: [String] { [
        tr("How was today?"),
        tr("A quiet look back"),
        tr("Before the day closes"),
    ] }

    static var wentWell: String { tr("What is one thing that went well today, however small?") }
    static var feltSecure: String { tr("Was there a moment today when you felt safe and at ease, with someone or on your own?") }
    static var rating: String { tr("And how settled did the day feel, from 1 to 5?") }

    static var scaleLow: String { tr("unsettled") }
    static var scaleHigh: String { tr("settled") }

    static var lowAcknowledgement: String { tr("Thank you for checking in. Harder days belong in the journal too.") }
    static var middleAcknowledgement: String { tr("Thank you. It's in your journal.") }
    static var highAcknowledgement: String { tr("Glad some of today felt settled. It's in your journal.") }

    static var feelingTitle: String { tr("A word for tonight") }
    static var feelingBody: String { tr("If one word fits how you feel, pick it. Skipping is fine too.") }
    static var ownWordBody: String { tr("Which word fits? Yours is as good as any on a list.") }
    static var ownWordPlaceholder: String { tr("wistful, restless, relieved…") }
    static var feelingAcknowledgement: String { tr("Thank you for naming it. It's in your journal with the day.") }
}
