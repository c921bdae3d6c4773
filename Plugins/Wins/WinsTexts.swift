/// The words of `wins`, kept together so they are easy to read and review.
enum WinsTexts {
    /// Title and body pairs, rotated one per day.
    static let prompts: [(title: String, body: String)] = [
        ("Evidence for the other side",
         "Anything lately that didn't fit an old fear? Someone stayed, wrote back, or was glad to see you."),
        ("A small win",
         "What is one thing you handled well recently, however small?"),
        ("Worth keeping",
         "Was there a moment this week when care went both ways, given and received?"),
    ]

    static let placeholder = "One small thing"

    static let acknowledgement = "Added to your collection. Thank you for noticing it."
}
