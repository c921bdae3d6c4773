import SteadyLocalization

/// The words of `self-assessment`, kept together so they are easy to read and review.
enum SelfAssessmentTexts {
    static var titles: [String] { [
        tr("Your monthly check-in"),
        tr("A monthly look inward"),
    ] }

    static var body: String { tr("When you have ten quiet minutes, run 'steady assess' in a terminal. It's for noticing how things are, not for grading.") }

    static var doneLabel: String { tr("Done it") }
    static var tomorrowLabel: String { tr("Remind me tomorrow") }
    static var notNowLabel: String { tr("Not this month") }

    static var doneAcknowledgement: String { tr("Thank you for taking the time.") }
    static var tomorrowAcknowledgement: String { tr("All right, tomorrow then.") }
    static var notNowAcknowledgement: String { tr("That's fine. It will come round again next month.") }
}
