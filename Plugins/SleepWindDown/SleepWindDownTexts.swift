/// The words of `sleep-wind-down`, kept together so they are easy to read and review.
enum SleepWindDownTexts {
    static let titles = [
        "Ready to wind down?",
        "Winding down for the night",
        "The evening is getting late",
    ]

    /// Second sentence of the body, rotated one per day.
    static let nudges = [
        "Screens down and lights low whenever you're ready.",
        "Perhaps a good moment to let the phone rest for the night.",
        "Same time as most nights; the screens can rest too.",
    ]

    static func bedtimeLine(_ bedtime: String) -> String { "You had \(bedtime) in mind for bed." }

    static let headingToBedLabel = "Heading to bed"
    static func moreMinutesLabel(_ minutes: Int) -> String { "\(minutes) more minutes" }

    static let headingToBedAcknowledgement = "Sleep well."
    static func snoozeAcknowledgement(_ minutes: Int) -> String { "All right. I'll ask again in \(minutes) minutes." }
}
