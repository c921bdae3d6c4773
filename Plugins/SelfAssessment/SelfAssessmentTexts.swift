/// The words of `self-assessment`, kept together so they are easy to read and review.
enum SelfAssessmentTexts {
    static let titles = [
        "Your monthly check-in",
        "A monthly look inward",
    ]

    static let body = "When you have ten quiet minutes, run 'steady assess' in a terminal. It's for noticing how things are, not for grading."

    static let doneLabel = "Done it"
    static let tomorrowLabel = "Remind me tomorrow"
    static let notNowLabel = "Not this month"

    static let doneAcknowledgement = "Thank you for taking the time."
    static let tomorrowAcknowledgement = "All right, tomorrow then."
    static let notNowAcknowledgement = "That's fine. It will come round again next month."
}
