import SteadyKit
import SteadyLocalization

/// How a calming practice done on demand (`steady breathe`, `ground`, `relax`, `body-scan`)
/// is kept in the journal: which technique, how strong the feeling was before and after
/// (each optional), and how far it went.
///
/// Stored as an entry of kind `calming`. The before/after pair is derived with `change(in:)`,
/// and `TechniqueSummary.summaries(_:)` tells which technique eases things most for this person.
public enum CalmingEntry {
    /// Field keys of `form`.
    public enum Field {
        public static let technique = "technique"
        public static let before = "intensity-before"
        public static let after = "intensity-after"
        public static let ending = "ending"
        public static let seconds = "seconds"
    }

    /// Choice keys of the `ending` field.
    public enum Ending {
        public static let finished = "finished"
        public static let stopped = "stopped-early"
    }

    /// Every technique a calming entry can name: the breathing patterns and the guides.
    public static var techniques: [Choice] {
        BreathingPattern.all.map { Choice(key: $0.id, label: $0.name) } + Guide.all.map { Choice(key: $0.id, label: $0.title) }
    }

    /// A length of time in seconds, for the stored duration (not asked).
    public static var secondsScale: Scale { Scale(0...86_400, low: tr("none"), high: tr("a whole day")) }

    /// The rating asked before a calming practice starts.
    public static var beforeField: FormField {
        FormField(
        key: Field.before, question: tr("Before you start: how strong is what you're feeling, from 1 to 10?"),
        request: .scale(.intensity), isOptional: true)
    }

    /// The rating asked when it ends.
    public static var afterField: FormField {
        FormField(
        key: Field.after, question: tr("And now, from 1 to 10?"), request: .scale(.intensity), isOptional: true)
    }

    /// The stored shape of a calming entry.
    public static var form: Form {
        Form(
        id: "calming",
        title: tr("A calming practice"),
        intro: tr("A breathing pattern or a short guide, with how you felt before and after."),
        fields: [
            FormField(key: Field.technique, question: tr("Which technique?"), request: .choices(techniques)),
            beforeField,
            afterField,
            FormField(key: Field.ending, question: tr("How far did it go?"), request: .choices([
                Choice(key: Ending.finished, label: tr("All the way through")),
                Choice(key: Ending.stopped, label: tr("Stopped partway, which is fine")),
            ])),
            FormField(key: Field.seconds, question: tr("For how many seconds?"), request: .scale(secondsScale)),
        ])
    }

    /// The entry for a session of `technique` (a breathing pattern or guide id).
    public static func response(technique: String, before: Int?, after: Int?, progress: SessionProgress) -> FormResponse {
        var values: [String: AnswerValue] = [
            Field.technique: .choice(technique),
            Field.ending: .choice(progress.finished ? Ending.finished : Ending.stopped),
            Field.seconds: .number(min(max(0, progress.seconds), secondsScale.range.upperBound)),
        ]
        values[Field.before] = before.map(AnswerValue.number)
        values[Field.after] = after.map(AnswerValue.number)
        return FormResponse(formID: form.id, values: values)
    }

    /// The ratings before and after, when both were given, tagged with the technique.
    public static func change(in response: FormResponse) -> BeforeAfter? {
        guard response.formID == form.id, let before = response.number(Field.before),
              let after = response.number(Field.after) else { return nil }
        return BeforeAfter(before: before, after: after, scale: .intensity, practice: response.choice(Field.technique))
    }

    /// A person-facing name for a technique key (`box` → "Box breathing"; `pause` → "A pause").
    public static func name(of technique: String) -> String {
        if technique == PauseEntry.technique { return tr("A pause") }
        if technique == RealityCheck.form.id { return tr("The past-or-present check") }
        return techniques.first { $0.key == technique }?.label ?? technique
    }
}

/// How much one technique has eased things for this person, from their own before/after ratings.
public struct TechniqueSummary: Sendable, Hashable {
    /// The technique key (`box`, `grounding`, `pause`).
    public var technique: String
    /// Sessions with both ratings.
    public var times: Int
    /// Mean of `after - before`: negative when it eased things.
    public var averageChange: Double

    public init(technique: String, times: Int, averageChange: Double) {
        self.technique = technique
        self.times = times
        self.averageChange = averageChange
    }

    /// One kind sentence.
    public var summary: String {
        let name = CalmingEntry.name(of: technique)
        switch BeforeAfter.direction(ofMeanChange: averageChange) {
        case .eased:
            // TRANSLATORS: %1$d: how many rated sessions; %2$@: the technique's name; %3$@: points eased, e.g. 2.5.
            return trn("%2$@ eased things by about %3$@ on average (once).", "%2$@ eased things by about %3$@ on average (%1$d times).",
                       times, name, Self.oneDecimal(-averageChange))
        case .unchanged:
            // TRANSLATORS: %1$d: how many rated sessions; %2$@: the technique's name.
            return trn("%2$@ kept things about level on average (once).", "%2$@ kept things about level on average (%1$d times).", times, name)
        case .rose:
            // TRANSLATORS: %1$d: how many rated sessions; %2$@: the technique's name.
            return trn("%2$@ hasn't eased things much so far (once); another technique may suit you better.",
                       "%2$@ hasn't eased things much so far (%1$d times); another technique may suit you better.", times, name)
        }
    }

    /// One summary per technique that has at least `minimum` rated sessions, the one that
    /// eased things most first.
    public static func summaries(_ changes: [BeforeAfter], minimum: Int = 1) -> [TechniqueSummary] {
        Dictionary(grouping: changes.filter { $0.practice != nil }, by: { $0.practice! })
            .compactMap { technique, items in
                guard items.count >= minimum, let average = BeforeAfter.averageChange(items) else { return nil }
                return TechniqueSummary(technique: technique, times: items.count, averageChange: average)
            }
            .sorted { ($0.averageChange, $1.times, $0.technique) < ($1.averageChange, $0.times, $1.technique) }
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// How a pause (`steady pause`) is kept in the journal: the urge before and after, how long
/// the wait lasted, and what the person decided.
public enum PauseEntry {
    /// The technique key pauses have in `TechniqueSummary`.
    public static let technique = "pause"

    /// Field keys of `form` besides `Pause.Field`'s.
    public enum Field {
        public static let planned = "planned-seconds"
        public static let waited = "waited-seconds"
    }

    /// The stored shape of a pause: the urge before is required, everything after it
    /// optional (Ctrl-C may end a pause at any point).
    public static var form: Form {
        Form(
        id: "pause",
        title: tr("A pause"),
        intro: tr("A short wait between an urge and acting on it."),
        fields: [
            FormField(key: Pause.Field.urgeBefore, question: tr("How strong was the urge before?"), request: .scale(.urge)),
            FormField(key: Field.planned, question: tr("How long was the wait meant to be?"), request: .scale(CalmingEntry.secondsScale)),
            FormField(key: Field.waited, question: tr("How long did it last?"), request: .scale(CalmingEntry.secondsScale)),
            FormField(key: Pause.Field.urgeAfter, question: tr("How strong was it afterwards?"), request: .scale(.urge), isOptional: true),
            FormField(key: Pause.Field.decision, question: tr("What did you decide?"), request: .choices(Pause.decisions), isOptional: true),
        ])
    }

    /// The urge before and after, when both were given, tagged `pause`.
    public static func change(in response: FormResponse) -> BeforeAfter? {
        guard response.formID == form.id, let before = response.number(Pause.Field.urgeBefore),
              let after = response.number(Pause.Field.urgeAfter) else { return nil }
        return BeforeAfter(before: before, after: after, scale: .urge, practice: technique)
    }
}

/// A win or a piece of evidence against an old fear, added with `steady wins add`.
public enum WinEntry {
    /// The field key of `form`.
    public static let field = "win"

    public static var form: Form {
        Form(
        id: "win",
        title: tr("A win worth keeping"),
        intro: tr("One small success, or something that didn't fit an old fear."),
        fields: [
            FormField(key: field, question: tr("What would you like to keep?"),
                      request: .text(placeholder: tr("They called back; I said what I needed"))),
        ])
    }
}
