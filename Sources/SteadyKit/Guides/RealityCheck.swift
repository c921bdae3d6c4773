import SteadyLocalization

/// Past or present? A short reality check (`steady check`), lighter than a thought record:
/// what is happening now set against what the feeling remembers, the most likely explanation
/// and the other possibilities, a time something like this was survived before, and how old
/// the feeling feels.
///
/// Stored as an entry of kind `reality-check`. The optional ratings before and after make it
/// one of the techniques whose effect `steady stats` shows.
public enum RealityCheck {
    /// Field keys of `form`.
    public enum Field {
        public static let before = "intensity-before"
        public static let now = "happening-now"
        public static let remembers = "feels-like"
        public static let likely = "most-likely"
        public static let otherPossibilities = "other-possibilities"
        public static let survived = "came-through-before"
        public static let age = "feeling-age"
        public static let verdict = "past-or-present"
        public static let after = "intensity-after"
    }

    /// How old the feeling feels.
    public static var ages: [Choice] { [
        Choice(key: "small-child", label: tr("Very young, like a small child")),
        Choice(key: "school-age", label: tr("School age")),
        Choice(key: "teenager", label: tr("A teenager")),
        Choice(key: "my-age", label: tr("My own age")),
        Choice(key: "hard-to-say", label: tr("Hard to say")),
    ] }

    /// Verdict keys.
    public enum Verdict {
        public static let present = "mostly-today"
        public static let past = "mostly-older"
        public static let both = "some-of-both"
        public static let unsure = "hard-to-tell"
    }

    /// Where the feeling mostly belongs.
    public static var verdicts: [Choice] { [
        Choice(key: Verdict.present, label: tr("Mostly about today")),
        Choice(key: Verdict.past, label: tr("Mostly an echo of something older")),
        Choice(key: Verdict.both, label: tr("Some of both")),
        Choice(key: Verdict.unsure, label: tr("Hard to tell yet")),
    ] }

    public static var form: Form { Form(
        id: "reality-check",
        title: tr("Past or present?"),
        intro: tr("A few questions to tell today apart from what the feeling remembers. Short answers are fine; Enter skips the optional ones."),
        fields: [
            FormField(key: Field.before, question: tr("How strong is the feeling right now, from 1 to 10?"),
                      request: .scale(.intensity), isOptional: true),
            FormField(key: Field.now, question: tr("What is actually happening right now?"),
                      hint: tr("Only what you could point to, or show to someone else."),
                      request: .text(placeholder: tr("No reply since this morning"))),
            FormField(key: Field.remembers, question: tr("What does the feeling remind you of?"),
                      hint: tr("An older time, a person, a kind of moment."),
                      request: .text(placeholder: tr("Waiting for someone who didn't come")), isOptional: true),
            FormField(key: Field.likely, question: tr("What is the most likely explanation?"),
                      request: .text(placeholder: tr("A busy day at work"))),
            FormField(key: Field.otherPossibilities, question: tr("What else could it be?"),
                      hint: tr("Two or three possibilities besides the worst one."),
                      request: .text(placeholder: tr("A flat battery; they're driving")), isOptional: true),
            FormField(key: Field.survived, question: tr("When did you come through something like this before?"),
                      request: .text(placeholder: tr("Last spring, when plans fell through")), isOptional: true),
            FormField(key: Field.age, question: tr("How old does this feeling feel?"), request: .choices(ages), isOptional: true),
            FormField(key: Field.verdict, question: tr("Looking at it now, is this mostly about today?"), request: .choices(verdicts)),
            FormField(key: Field.after, question: tr("And how strong is it now, from 1 to 10?"),
                      request: .scale(.intensity), isOptional: true),
        ]) }

    /// A few kind lines for the end, from the verdict and the age the feeling felt.
    public static func closing(for response: FormResponse) -> [String] {
        var lines: [String] = []
        switch response.choice(Field.verdict) {
        case Verdict.present:
            lines.append(tr("Then today's part deserves your care. If there is something to say, `steady ask` can help you put it calmly."))
        case Verdict.past:
            lines.append(tr("Then much of this is an old alarm ringing in a new room. You have more ways through it now than you had then."))
        case Verdict.both:
            lines.append(tr("Some of today and some of long ago: both can be true. You can answer today's part and be gentle with the older one."))
        default:
            lines.append(tr("Not knowing yet is all right. Asking the question is already a small step back from the alarm."))
        }
        if let age = response.choice(Field.age), ["small-child", "school-age", "teenager"].contains(age) {
            lines.append(tr("A feeling that seems younger than you is often older than the situation. The grown-up you has choices that weren't there back then."))
        }
        return lines
    }

    /// The ratings before and after, when both were given.
    public static func change(in response: FormResponse) -> BeforeAfter? {
        guard let before = response.number(Field.before), let after = response.number(Field.after) else { return nil }
        return BeforeAfter(before: before, after: after, scale: .intensity, practice: form.id)
    }

    /// The trigger intensity at or above which `steady log trigger` offers this check.
    public static let offerAfterTriggerIntensity = 7

    /// The offer made after a strong trigger entry, or in a pause.
    public static var offer: String { tr("Would you like to look at it with a short past-or-present check?") }
}

/// One neutral line on getting more help, for `steady assess` and the README: never a
/// diagnosis, no numbers unless the person configured them.
public enum MoreHelp {
    public static var line: String { tr("If you would like company in this, a therapist who works with attachment can help, and checking in again later is normal.") }
}
