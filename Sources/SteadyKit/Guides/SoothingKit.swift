import SteadyLocalization

/// A personal soothing kit and a setback plan, written on a calm day (`steady kit edit`) for
/// the hard ones: what calms the body, what comforts feelings, what steadies the mind, who to
/// call, the basics, and what to do when old patterns come back.
///
/// Stored as an entry of kind `soothing-kit`; the newest one is the kit. It is shown by
/// `steady kit`, next to the safety response, inside a pause, and once after several
/// unsettled evenings in a row (`KitNudge`). What the person wrote is shown only in the
/// terminal; a notification only points at `steady kit`.
public struct SoothingKit: Sendable, Hashable {
    /// Field keys of `form`.
    public enum Field {
        public static let body = "body"
        public static let feelings = "feelings"
        public static let mind = "mind"
        public static let people = "people"
        public static let basics = "basics"
        public static let setbackSigns = "setback-signs"
        public static let setbackSteps = "setback-steps"
        public static let setbackSupport = "setback-support"
        public static let setbackReminder = "setback-reminder"
    }

    /// The kit's fields, in order; every one may be left out.
    public static var form: Form { Form(
        id: "soothing-kit",
        title: tr("Your soothing kit and setback plan"),
        intro: tr("Written on a calmer day, for the harder ones. A few words per line is plenty; Enter leaves one out."),
        fields: [
            FormField(key: Field.body, question: tr("What calms your body?"),
                      hint: tr("A warm shower, a heavy blanket, a slow walk, a breathing pattern…"),
                      request: .text(placeholder: tr("a warm shower")), isOptional: true),
            FormField(key: Field.feelings, question: tr("What comforts your feelings?"),
                      hint: tr("Kind words to yourself, a song, remembering a hard time you came through…"),
                      request: .text(placeholder: tr("a song I love")), isOptional: true),
            FormField(key: Field.mind, question: tr("What steadies your mind?"),
                      hint: tr("A book, a puzzle, a calm place you can picture, something that needs your focus…"),
                      request: .text(placeholder: tr("a crossword")), isOptional: true),
            FormField(key: Field.people, question: tr("Who could you call or write to?"),
                      hint: tr("More than one person is good: a friend, family, a group you belong to."),
                      request: .text(placeholder: tr("Sam, my sister")), isOptional: true),
            FormField(key: Field.basics, question: tr("Which basics help most when things are hard?"),
                      hint: tr("Sleep, a proper meal, water, fresh air, some movement…"),
                      request: .text(placeholder: tr("a proper meal and an early night")), isOptional: true),
            FormField(key: Field.setbackSigns, question: tr("How do you notice old patterns coming back?"),
                      hint: tr("Checking the phone more, sleeping badly, hinting instead of asking…"),
                      request: .text(placeholder: tr("checking my phone a lot")), isOptional: true),
            FormField(key: Field.setbackSteps, question: tr("When they do, what will you do first?"),
                      hint: tr("Return to the basics, use a technique that helped before, book an extra session…"),
                      request: .text(placeholder: tr("back to basics, then a walk")), isOptional: true),
            FormField(key: Field.setbackSupport, question: tr("Who could help you through a setback?"),
                      request: .text(placeholder: tr("Jo, my therapist")), isOptional: true),
            FormField(key: Field.setbackReminder, question: tr("What would you like to tell yourself then?"),
                      hint: tr("Something true and kind, in your own words."),
                      request: .text(placeholder: tr("A setback is part of changing, not the end of it")), isOptional: true),
        ]) }

    /// Section headings and the short labels of each line, as `steady kit` shows them.
    public static var sections: [(title: String, lines: [(key: String, label: String)])] { [
        (tr("Your soothing kit"), [
            (Field.body, tr("For your body")), (Field.feelings, tr("For your feelings")), (Field.mind, tr("For your mind")),
            (Field.people, tr("People to call")), (Field.basics, tr("The basics")),
        ]),
        (tr("Your setback plan"), [
            (Field.setbackSigns, tr("Early signs")), (Field.setbackSteps, tr("First steps")),
            (Field.setbackSupport, tr("Support")), (Field.setbackReminder, tr("Remember")),
        ]),
    ] }

    /// What the person wrote, by field key.
    public let values: [String: String]

    /// The kit in a stored entry (of kind `soothing-kit`); empty fields are left out.
    public init(_ response: FormResponse) {
        values = response.values.compactMapValues { value in
            guard case .text(let text) = value else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Whether nothing was written.
    public var isEmpty: Bool { values.isEmpty }

    /// The whole kit, heading and indented lines per section, for the terminal.
    public var lines: [String] {
        var lines: [String] = []
        let width = Self.sections.flatMap(\.lines).map(\.label.count).max() ?? 0
        for section in Self.sections {
            let filled = section.lines.compactMap { line in values[line.key].map { (line.label, $0) } }
            guard !filled.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(section.title)
            for (label, text) in filled {
                let parts = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                lines.append("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (parts.first ?? ""))
                for more in parts.dropFirst() { lines.append(String(repeating: " ", count: width + 4) + more) }
            }
        }
        return lines
    }

    /// One line for hard moments in the terminal (next to the safety response, in a pause):
    /// what calms the body and the feelings, and who to call, as the person wrote them.
    public var reminder: String? {
        let parts = [Field.body, Field.feelings, Field.people].compactMap { values[$0]?.firstLine }
        guard !parts.isEmpty else { return nil }
        // TRANSLATORS: %1$@ is what the person wrote in their kit, joined by " · ".
        return tr("From your soothing kit: %1$@.", parts.joined(separator: " · "))
    }

    /// A line for a notification, which never shows what the person wrote: it points at the kit.
    public static var pointer: String { tr("Your soothing kit is there too: `steady kit` shows it.") }

    // MARK: - Filling it in

    /// What steady knows of the person that could start the kit off, from their own journal
    /// and config.
    public struct Suggestions: Sendable, Hashable {
        /// The technique that eased things most in their own before/after ratings, with how much
        /// (mean drop on the 1–10 scale), when it eased things by half a point or more.
        public var bestTechnique: (name: String, eased: Double)?
        /// The people named in `[safety] contacts`.
        public var people: [String]
        /// Whether they have any wins kept (`steady wins`).
        public var hasWins: Bool

        public init(bestTechnique: (name: String, eased: Double)? = nil, people: [String] = [], hasWins: Bool = false) {
            self.bestTechnique = bestTechnique
            self.people = people
            self.hasWins = hasWins
        }

        public static func == (a: Suggestions, b: Suggestions) -> Bool {
            a.bestTechnique?.name == b.bestTechnique?.name && a.bestTechnique?.eased == b.bestTechnique?.eased
                && a.people == b.people && a.hasWins == b.hasWins
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(bestTechnique?.name)
            hasher.combine(people)
            hasher.combine(hasWins)
        }
    }

    /// A starting text for each field it can suggest, and why, from the person's own data:
    /// Enter keeps it. `existing` (the kit so far) comes first: editing keeps what was written.
    public static func prefills(existing: SoothingKit?, suggestions: Suggestions) -> [String: Prefill] {
        var prefills: [String: Prefill] = [:]
        if let best = suggestions.bestTechnique {
            prefills[Field.body] = Prefill(
                text: best.name.lowercasingFirst,
                // TRANSLATORS: %1$@ is a technique ("box breathing"), %2$@ how much it eased a 1–10 rating on average ("1.5").
                reason: tr("Your own ratings say %1$@ eased things most for you (by %2$@ on average).",
                           Translation.insideSentence(best.name), oneDecimal(best.eased)))
        }
        if suggestions.hasWins {
            prefills[Field.feelings] = Prefill(text: tr("reading my wins (steady wins)"), reason: tr("You have wins kept; reading them back can help."))
        }
        let people = suggestions.people.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !people.isEmpty {
            prefills[Field.people] = Prefill(text: people.joined(separator: ", "), reason: tr("The people named in your config."))
        }
        for (key, text) in existing?.values ?? [:] {
            prefills[key] = Prefill(text: text, reason: nil)
        }
        return prefills
    }

    /// A suggested answer: Enter keeps it.
    public struct Prefill: Sendable, Hashable {
        public var text: String
        /// Where it came from, shown with it; nil for what the person wrote before.
        public var reason: String?

        public init(text: String, reason: String?) {
            self.text = text
            self.reason = reason
        }
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    // MARK: - Words around it

    /// Said when `steady kit` finds no kit yet.
    public static var noKitYet: [String] { [
        // TRANSLATORS: two lines of one sentence, each under about 95 characters.
        tr("No soothing kit yet. On a calm day, `steady kit edit` helps you write one: a few things that"),
        tr("calm your body and mind, people to call, and a plan for when old patterns come back."),
    ] }
    /// Said after saving a kit.
    public static var saved: String { tr("steady shows it when a moment gets hard, and `steady kit` any time.") }
    /// Said when nothing was written.
    public static var nothingWritten: String { tr("Nothing written, so nothing was saved. The kit can wait for a calmer moment.") }
}

/// When to show the soothing kit after unsettled evenings: once, when the evening reflection
/// has been rated low several evenings in a row.
public enum KitNudge {
    /// Evenings in a row.
    public static let evenings = 3
    /// Ratings on the evening reflection's 1–5 scale that count as unsettled.
    public static let lowRatings = 1...2

    /// Whether to show it now, given the evening ratings newest first (the one just given
    /// first): the run of low ratings has just reached `evenings`, so it shows once per run.
    public static func shouldShow(ratingsNewestFirst ratings: [Int]) -> Bool {
        let run = ratings.prefix { lowRatings.contains($0) }.count
        return run == evenings
    }

    /// The line that goes with it, in the terminal (with the person's kit) or on a
    /// notification (pointing at `steady kit`), or an invitation when there is no kit yet.
    public static func line(kit: SoothingKit?, onNotification: Bool) -> String {
        let opening = tr("The last few evenings have felt unsettled.")
        guard let kit, !kit.isEmpty else {
            return Translation.sentences(opening, tr("When you have a calmer moment, `steady kit edit` can gather what helps you, ready for evenings like these."))
        }
        if onNotification || kit.reminder == nil { return Translation.sentences(opening, SoothingKit.pointer) }
        return Translation.sentences(opening, kit.reminder!)
    }
}

extension String {
    /// The text up to its first line break.
    var firstLine: String { split(separator: "\n", maxSplits: 1).first.map(String.init) ?? self }
}
