import SteadyLocalization

/// A thought record: looking at one anxious thought from a few sides and re-rating how
/// true it feels afterwards.
///
/// Pure data: the CLI walks `form` and shows `change(in:)` at the end.
public enum ThoughtRecord {
    /// Field keys of `form`.
    public enum Field {
        public static let situation = "situation"
        public static let thought = "thought"
        public static let beliefBefore = "belief-before"
        public static let pattern = "pattern"
        public static let evidenceFor = "evidence-for"
        public static let evidenceAgainst = "evidence-against"
        public static let friend = "to-a-friend"
        public static let balanced = "balanced-view"
        public static let beliefAfter = "belief-after"
    }

    /// Common thinking traps, offered as an optional choice.
    public static var patterns: [Choice] { [
        Choice(key: "worst-case", label: tr("Jumping to the worst case")),
        Choice(key: "mind-reading", label: tr("Guessing what they think of me")),
        Choice(key: "all-or-nothing", label: tr("All-or-nothing")),
        Choice(key: "none", label: tr("None of these")),
    ] }

    public static var form: Form { Form(
        id: "thought-record",
        title: tr("Thought record"),
        intro: tr("One worrying thought, looked at from a few sides. There are no wrong answers."),
        fields: [
            FormField(key: Field.situation, question: tr("Where were you, and what was going on?"),
                      request: .text(placeholder: tr("Waiting for a reply after sending a long message"))),
            FormField(key: Field.thought, question: tr("What is the anxious thought, in its own words?"),
                      request: .text(placeholder: tr("They're pulling away"))),
            FormField(key: Field.beliefBefore, question: tr("How true does it feel right now, from 0 to 100?"),
                      request: .scale(.belief)),
            FormField(key: Field.pattern, question: tr("Does it look like one of these?"),
                      request: .choices(patterns), isOptional: true),
            FormField(key: Field.evidenceFor, question: tr("What seems to back the thought up?"),
                      hint: tr("What happened that you could point to. The feeling is real too; it just goes in its own place."),
                      request: .text(placeholder: tr("What they said or did, and when"))),
            FormField(key: Field.evidenceAgainst, question: tr("What doesn't fit the thought?"),
                      hint: tr("Other explanations, times it turned out fine, what you know about this person."),
                      request: .text(placeholder: tr("They were at work; they replied last time"))),
            FormField(key: Field.friend, question: tr("If a friend told you this thought, what would you say to them?"),
                      request: .text(placeholder: tr("Something kind and honest"))),
            FormField(key: Field.balanced, question: tr("What's a fairer way to see it?"),
                      request: .text(placeholder: tr("A view that holds both sides"))),
            FormField(key: Field.beliefAfter, question: tr("How true does the first thought feel now, from 0 to 100?"),
                      request: .scale(.belief)),
        ]) }

    /// Belief in the anxious thought before and after, when both were given.
    public static func change(in response: FormResponse) -> BeforeAfter? {
        guard let before = response.number(Field.beliefBefore), let after = response.number(Field.beliefAfter) else {
            return nil
        }
        return BeforeAfter(before: before, after: after, scale: .belief)
    }
}
