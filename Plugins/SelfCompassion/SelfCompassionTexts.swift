import SteadyLocalization

/// The words of `self-compassion`, kept together so they are easy to read and review.
enum SelfCompassionTexts {
    /// Title and body pairs, rotated one per day.
    static var prompts: [(title: String, body: String)] { [
        (tr("A kind word for yourself"),
         tr("If a friend were carrying what you're carrying today, what would you tell them? Try saying it to yourself.")),
        (tr("A gentler voice"),
         tr("Is there something you're being hard on yourself about? Write how you'd put it to someone you love.")),
        (tr("Something you'd like to hear"),
         tr("What is one thing you'd like someone to tell you today? You can be the one to say it.")),
    ] }

    static var placeholder: String { tr("A few kind words") }

    static var acknowledgement: String { tr("Thank you. Those words are in your journal for a day you need them.") }
}
