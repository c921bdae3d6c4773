import SteadyLocalization

/// The trigger journal: what happened when something set off the old alarm, and, later,
/// how long it took to settle.
///
/// Pure data for `steady log trigger`: the CLI walks `form`, saves the response as an entry,
/// checks the intensity with `SafetyResponse.check(intensity:settings:)`, and after
/// `followUpDelay` asks `followUpForm`. `change(entry:followUp:)` compares the two ratings.
public enum TriggerJournal {
    /// Field keys of `form`.
    public enum Field {
        public static let happened = "what-happened"
        public static let kind = "kind"
        public static let thoughts = "thoughts"
        public static let body = "body"
        public static let feeling = "feeling"
        public static let intensity = "intensity"
        public static let response = "what-i-did"
    }

    /// Field keys of `followUpForm`.
    public enum FollowUpField {
        public static let settledAfter = "settled-after"
        public static let intensity = "intensity-now"
    }

    /// Seconds after an entry before the follow-up is offered by default.
    public static let followUpDelay = 60 * 60

    /// Kinds of triggers, for seeing patterns over time. Optional in the form.
    public static var kinds: [Choice] { [
        Choice(key: "distance", label: tr("Someone close seemed distant")),
        Choice(key: "change", label: tr("A change of plans or routine")),
        Choice(key: "conflict", label: tr("A disagreement")),
        Choice(key: "their-stress", label: tr("Their stress or pressures")),
        Choice(key: "work", label: tr("Work")),
        Choice(key: "health", label: tr("Health")),
        Choice(key: "money", label: tr("Money or a big decision")),
        Choice(key: "social", label: tr("A social situation")),
        Choice(key: "body", label: tr("A feeling in my body")),
        Choice(key: "self-talk", label: tr("Harsh self-talk")),
        Choice(key: "comparison", label: tr("Comparing myself")),
        Choice(key: "mistake", label: tr("Worry about getting it wrong")),
        Choice(key: "other", label: tr("Something else")),
    ] }

    /// The entry itself.
    public static var form: Form { Form(
        id: "trigger-journal",
        title: tr("Trigger journal"),
        intro: tr("A few notes on what just stirred things up. Short answers are fine, and you can leave out any you like."),
        fields: [
            FormField(
                key: Field.happened, question: tr("What happened?"),
                hint: tr("The facts, as a camera would have seen them."),
                request: .text(placeholder: tr("A late reply, a change of plans…"))),
            FormField(
                key: Field.kind, question: tr("What kind of moment was it?"),
                request: .choices(kinds), isOptional: true),
            FormField(
                key: Field.thoughts, question: tr("What went through your mind?"),
                request: .text(placeholder: tr("The story the worry told")), isOptional: true),
            FormField(
                key: Field.body, question: tr("What did you notice in your body?"),
                hint: tr("A tight chest, a knot in the stomach, a racing heart…"),
                request: .text(placeholder: tr("Where you felt it")), isOptional: true),
            Feelings.field(key: Field.feeling, question: tr("Which feeling was strongest?")),
            FormField(
                key: Field.intensity, question: tr("How strong was it, from 1 to 10?"),
                request: .scale(.intensity)),
            FormField(
                key: Field.response, question: tr("What did you do, or what are you doing now?"),
                request: .text(placeholder: tr("Anything counts, including waiting")), isOptional: true),
        ]) }

    /// How settling went, asked some time after the entry.
    public static var settleTimes: [Choice] { [
        Choice(key: "few-minutes", label: tr("Within a few minutes")),
        Choice(key: "half-hour", label: tr("Within half an hour")),
        Choice(key: "longer", label: tr("It took longer")),
        Choice(key: "still-settling", label: tr("Still settling")),
    ] }

    /// The follow-up: how long it took to settle, and how strong it is now.
    public static var followUpForm: Form { Form(
        id: "trigger-journal-follow-up",
        title: tr("Looking back at earlier"),
        intro: tr("Earlier you noted a hard moment. How is it now?"),
        fields: [
            FormField(key: FollowUpField.settledAfter, question: tr("How long did it take to settle?"), request: .choices(settleTimes)),
            FormField(key: FollowUpField.intensity, question: tr("How strong is it now, from 1 to 10?"), request: .scale(.intensity)),
        ]) }

    /// The intensity at the entry and at the follow-up, when both were given.
    public static func change(entry: FormResponse, followUp: FormResponse) -> BeforeAfter? {
        guard let before = entry.number(Field.intensity), let after = followUp.number(FollowUpField.intensity) else {
            return nil
        }
        return BeforeAfter(before: before, after: after, scale: .intensity)
    }
}
