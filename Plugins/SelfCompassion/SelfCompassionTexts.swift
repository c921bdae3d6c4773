/// The words of `self-compassion`, kept together so they are easy to read and review.
enum SelfCompassionTexts {
    /// Title and body pairs, rotated one per day.
    static let prompts: [(title: String, body: String)] = [
        ("A kind word for yourself",
         "If a friend were carrying what you're carrying today, what would you tell them? Try saying it to yourself."),
        ("A gentler voice",
         "Is there something you're being hard on yourself about? Write how you'd put it to someone you love."),
        ("Something you'd like to hear",
         "What is one thing you'd like someone to tell you today? You can be the one to say it."),
    ]

    static let placeholder = "A few kind words"

    static let acknowledgement = "Thank you. Those words are in your journal for a day you need them."
}
