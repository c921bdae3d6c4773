import SteadyLocalization

/// The words of `wins`, kept together so they are easy to read and review.
enum WinsTexts {
    /// Title and body pairs, rotated one per day.
    static var prompts: [(title: String, body: String)] { [
        (tr("Evidence for the other side"),
         tr("Anything lately that didn't fit an old fear? Someone stayed, wrote back, or was glad to see you.")),
        (tr("A small win"),
         tr("What is one thing you handled well recently, however small?")),
        (tr("Worth keeping"),
         tr("Was there a moment this week when care went both ways, given and received?")),
    ] }

    static var placeholder: String { tr("One small thing") }

    static var acknowledgement: String { tr("Added to your collection. Thank you for noticing it.") }
}
