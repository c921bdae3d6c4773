import SteadyLocalization

/// The words of `time-alone`, kept together so they are easy to read and review.
enum TimeAloneTexts {
    static var titles: [String] { [
        tr("Some time on your own?"),
        tr("Time alone, your way"),
        tr("A stretch of your own time"),
    ] }

    /// The invitation: how long, and whether it grew since last time.
    static func body(minutes: Int, grew: Bool) -> String {
        grew
            ? trn("%1$d minute, a little longer than last time, with something you enjoy: a book, a walk, a project. I'll mark the start and the end.",
                  "%1$d minutes, a little longer than last time, with something you enjoy: a book, a walk, a project. I'll mark the start and the end.",
                  minutes)
            : trn("%1$d minute, with something you enjoy: a book, a walk, a project. I'll mark the start and the end.",
                  "%1$d minutes, with something you enjoy: a book, a walk, a project. I'll mark the start and the end.", minutes)
    }

    static func startLabel(_ minutes: Int) -> String { trn("Start %1$d minute now", "Start %1$d minutes now", minutes) }
    static var notNowLabel: String { tr("Not today") }

    static func startAcknowledgement(_ minutes: Int) -> String {
        trn("Started. I'll check in when the %1$d minute is up.", "Started. I'll check in when the %1$d minutes are up.", minutes)
    }
    static var notNowAcknowledgement: String { tr("That's fine. Another day.") }

    static var beforeTitle: String { tr("Before you begin") }
    static var beforeBody: String { tr("How anxious do you feel about this time alone, from 1 to 10?") }
    static var beforeAcknowledgement: String { tr("Thank you. Enjoy the time; I'll ask again at the end.") }

    static var endTitle: String { tr("Your time alone is up") }
    static var endBody: String { tr("How anxious do you feel now, from 1 to 10?") }
    static var endAcknowledgement: String { tr("Thank you. Time on your own is practice, whatever it felt like.") }
}
