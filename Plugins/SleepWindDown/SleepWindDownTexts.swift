import SteadyLocalization

/// The words of `sleep-wind-down`, kept together so they are easy to read and review.
enum SleepWindDownTexts {
    static var titles: [String] { [
        tr("Ready to wind down?"),
        tr("Winding down for the night"),
        tr("The evening is getting late"),
    ] }

    /// Second sentence of the body, rotated one per day.
    static var nudges: [String] { [
        tr("Screens down and lights low whenever you're ready."),
        tr("Perhaps a good moment to let the phone rest for the night."),
        tr("Same time as most nights; the screens can rest too."),
    ] }

    // TRANSLATORS: %1$@ is the bedtime as the person set it, e.g. 22:30.
    static func bedtimeLine(_ bedtime: String) -> String { tr("You had %1$@ in mind for bed.", bedtime) }

    static var headingToBedLabel: String { tr("Heading to bed") }
    static func moreMinutesLabel(_ minutes: Int) -> String { trn("%1$d more minute", "%1$d more minutes", minutes) }

    static var headingToBedAcknowledgement: String { tr("Sleep well.") }
    static func snoozeAcknowledgement(_ minutes: Int) -> String {
        trn("All right. I'll ask again in %1$d minute.", "All right. I'll ask again in %1$d minutes.", minutes)
    }
}
