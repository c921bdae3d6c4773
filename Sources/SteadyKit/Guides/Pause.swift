import SteadyLocalization

/// The pause: a short wait between an urge (to text again, to check, to fix things at once)
/// and acting on it.
///
/// Rate the urge, try one grounding step, wait, rate it again, then decide. Pure data: the
/// CLI runs the steps in order, timing `.wait`, and shows `outcome(before:after:)` at the end.
public struct Pause: Sendable, Hashable {
    /// One step of the pause.
    public enum Step: Sendable, Hashable {
        /// Rate the urge before waiting.
        case rate(FormField)
        /// One small grounding suggestion.
        case ground(String)
        /// Wait, with a line to show while waiting.
        case wait(seconds: Int, message: String)
        /// Rate the urge again.
        case rerate(FormField)
        /// Choose what to do now.
        case decide(FormField)
    }

    /// Field keys of the rating and decision steps.
    public enum Field {
        public static let urgeBefore = "urge-before"
        public static let urgeAfter = "urge-after"
        public static let decision = "decision"
    }

    /// Default wait, in seconds.
    public static let defaultWait = 120

    /// Short grounding suggestions; a pause shows one of them.
    public static var groundingSuggestions: [String] { [
        tr("Press your feet into the floor and name three things you can see."),
        tr("Breathe out slowly, a little longer than you breathe in, three times."),
        tr("Hold something cool, or let cold water run over your wrists for a moment."),
        tr("Rest a hand on your chest and feel it rise and fall."),
    ] }

    /// What the person can choose after the wait.
    public static var decisions: [Choice] { [
        Choice(key: "go-ahead", label: tr("Go ahead with it now")),
        Choice(key: "wait-longer", label: tr("Wait a while longer")),
        Choice(key: "let-it-pass", label: tr("Let the urge pass")),
        Choice(key: "talk-to-someone", label: tr("Talk it over with someone first")),
    ] }

    /// The steps, in order.
    public let steps: [Step]

    /// A pause waiting `waitSeconds`, with the grounding suggestion picked by `variant`
    /// (e.g. `Occasion.dayNumber`, so it changes from day to day).
    public init(waitSeconds: Int = Pause.defaultWait, variant: Int = 0) {
        precondition(waitSeconds > 0, "a pause needs some time to wait")
        steps = [
            .rate(FormField(
                key: Field.urgeBefore, question: tr("How strong is the urge, from 1 to 10?"),
                hint: tr("Whatever it is: to text, to check, to sort it all out at once."),
                request: .scale(.urge))),
            .ground(Self.groundingSuggestions.cycling(at: variant)),
            .wait(seconds: waitSeconds, message: tr("Let the urge be there without acting on it. Urges tend to rise, peak and fade.")),
            .rerate(FormField(key: Field.urgeAfter, question: tr("And now, from 1 to 10?"), request: .scale(.urge))),
            .decide(FormField(key: Field.decision, question: tr("What would you like to do?"), request: .choices(Self.decisions))),
        ]
    }

    /// The urge before and after the wait.
    public static func outcome(before: Int, after: Int) -> BeforeAfter {
        BeforeAfter(before: before, after: after, scale: .urge, practice: "pause")
    }
}
