import SteadyLocalization

/// What kind of answer a prompt asks for.
///
/// The channel decides how to offer it: a notification shows choices as actions, a scale
/// as one action per number; the terminal lists them. Every prompt is optional: the
/// person may always let it pass.
public enum AnswerRequest: Sendable, Hashable, Codable {
    /// Pick one of a few labelled choices.
    case choices([Choice])
    /// A whole number on a small scale, e.g. 1–5, with words for both ends.
    case scale(Scale)
    /// Free text. The placeholder is a gentle hint of what could go there.
    case text(placeholder: String)
    /// Nothing to say: marking the prompt as done is the answer.
    case done

    /// The choices a notification can show as actions, in order.
    ///
    /// A scale becomes one choice per number; text and done have a single "Done"-like choice
    /// only when they can be completed without typing.
    public var actionChoices: [Choice] {
        switch self {
        case .choices(let choices): return choices
        case .scale(let scale): return scale.range.map { Choice(key: String($0), label: scale.label(for: $0)) }
        case .text: return []
        case .done: return [Choice(key: "done", label: tr("Done"))]
        }
    }

    /// Reads a person's typed answer (from the CLI or a dialog) into a value.
    ///
    /// Choices match their key, their label (any case) or their 1-based position; a scale
    /// takes a whole number inside its range, or a point's label ("4 — fairly settled", as a
    /// dialog returns it) or meaning ("fairly settled"); text takes anything non-empty; done
    /// takes "done", "yes" or an empty string, or those words in the person's language (`AnswerWords`).
    public func parse(_ raw: String) throws(AnswerError) -> AnswerValue {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch self {
        case .choices(let choices):
            let folded = trimmed.lowercased()
            if let match = choices.first(where: { $0.key.lowercased() == folded || $0.label.lowercased() == folded }) {
                return .choice(match.key)
            }
            if let index = Int(trimmed), choices.indices.contains(index - 1) {
                return .choice(choices[index - 1].key)
            }
            throw AnswerError.notAChoice(trimmed, choices: choices)
        case .scale(let scale):
            if let number = Int(trimmed), scale.range.contains(number) { return .number(number) }
            let folded = trimmed.lowercased()
            if !folded.isEmpty, let number = scale.range.first(where: {
                scale.label(for: $0).lowercased() == folded || scale.meaning(of: $0)?.lowercased() == folded
            }) {
                return .number(number)
            }
            throw AnswerError.outsideScale(trimmed, scale: scale)
        case .text:
            guard !trimmed.isEmpty else { throw AnswerError.emptyText }
            return .text(raw)
        case .done:
            guard trimmed.isEmpty || AnswerWords.done.contains(AnswerWords.fold(trimmed)) else {
                throw AnswerError.notDone(trimmed)
            }
            return .done
        }
    }

    /// A short description of what the prompt accepts, for help and error messages.
    public var expectation: String {
        switch self {
        case .choices(let choices): return tr("one of: %1$@", choices.map(\.key).joined(separator: ", "))
        case .scale(let scale): return tr("a number from %1$d to %2$d", scale.range.lowerBound, scale.range.upperBound)
        case .text: return tr("a few words")
        case .done: return tr("'done'")
        }
    }
}

/// One option of a `.choices` prompt.
public struct Choice: Sendable, Hashable, Codable {
    /// Stable key stored in the journal and sent as the notification action key.
    public var key: String
    /// What the person sees.
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// A small numeric scale, e.g. 1–5 or 1–10.
public struct Scale: Sendable, Hashable, Codable {
    public var range: ClosedRange<Int>
    /// Words for the lowest value ("not at all").
    public var lowLabel: String
    /// Words for the highest value ("very much").
    public var highLabel: String
    /// A few words for every point, lowest first ("unsettled", "a little unsettled", …), so
    /// a notification's button says "4 — fairly settled" rather than a lone "4" (a screen
    /// reader reads the label alone). Nil when the practice gives none: then the ends use
    /// `lowLabel` and `highLabel` and the points between are bare numbers.
    public var meanings: [String]?

    public init(_ range: ClosedRange<Int>, low lowLabel: String, high highLabel: String, meanings: [String]? = nil) {
        precondition(meanings == nil || meanings!.count == range.count, "one meaning per point of the scale")
        self.range = range
        self.lowLabel = lowLabel
        self.highLabel = highLabel
        self.meanings = meanings
    }

    /// The words for `value`: its meaning, else the label of the end it is, else nil.
    public func meaning(of value: Int) -> String? {
        if let meanings, range.contains(value) { return meanings[value - range.lowerBound] }
        if value == range.lowerBound { return lowLabel.isEmpty ? nil : lowLabel }
        if value == range.upperBound { return highLabel.isEmpty ? nil : highLabel }
        return nil
    }

    /// The label of `value` on a button or in a list: "4 — fairly settled", or "4" where
    /// nothing more is known.
    public func label(for value: Int) -> String {
        meaning(of: value).map { "\(value) — \($0)" } ?? String(value)
    }

    /// What the two ends mean, as a sentence a voice reads well: "1 means unsettled, 5 means settled."
    public var endsInWords: String {
        // TRANSLATORS: a scale's ends in words, read aloud: "1 means barely there, 10 means as strong as it gets."
        tr("%1$d means %2$@, %3$d means %4$@.", range.lowerBound, lowLabel, range.upperBound, highLabel)
    }
}

/// Why a typed answer was not accepted. Each message says what would be accepted instead.
public enum AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAChoice(String, choices: [Choice])
    case outsideScale(String, scale: Scale)
    case emptyText
    case notDone(String)

    public var description: String {
        switch self {
        case .notAChoice(let raw, let choices):
            let list = choices.enumerated().map { "\($0.offset + 1) \($0.element.label)" }.joined(separator: ", ")
            return tr("'%1$@' is not one of this prompt's choices; answer with one of: %2$@.", raw, list)
        case .outsideScale(let raw, let scale):
            return tr("'%1$@' is not on this prompt's scale; answer with a whole number from %2$d (%3$@) to %4$d (%5$@).",
                      raw, scale.range.lowerBound, scale.lowLabel, scale.range.upperBound, scale.highLabel)
        case .emptyText:
            return tr("This prompt takes a few words; the answer was empty.")
        case .notDone(let raw):
            return tr("This prompt only needs 'done'; '%1$@' was given.", raw)
        }
    }
}
