/// The words of `time-alone`, kept together so they are easy to read and review.
enum TimeAloneTexts {
    static let titles = [
        "Some time on your own?",
        "Time alone, your way",
        "A stretch of your own time",
    ]

    /// The invitation: how long, and whether it grew since last time.
    static func body(minutes: Int, grew: Bool) -> String {
        let length = grew ? "\(minutes) minutes, a little longer than last time" : "\(minutes) minutes"
        return "\(length), with something you enjoy: a book, a walk, a project. I'll mark the start and the end."
    }

    static func startLabel(_ minutes: Int) -> String { "Start \(minutes) minutes now" }
    static let notNowLabel = "Not today"

    static func startAcknowledgement(_ minutes: Int) -> String { "Started. I'll check in when the \(minutes) minutes are up." }
    static let notNowAcknowledgement = "That's fine. Another day."

    static let beforeTitle = "Before you begin"
    static let beforeBody = "How anxious do you feel about this time alone, from 1 to 10?"
    static let beforeAcknowledgement = "Thank you. Enjoy the time; I'll ask again at the end."

    static let endTitle = "Your time alone is up"
    static let endBody = "How anxious do you feel now, from 1 to 10?"
    static let endAcknowledgement = "Thank you. Time on your own is practice, whatever it felt like."
}
