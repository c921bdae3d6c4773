import SteadyKit
import SteadyLocalization

/// Asks a form's questions on a console, one at a time, the same way in every command.
///
/// Each reply is read with `Form.parse(_:for:)`; a reply that does not fit is answered with
/// the reason and the question is asked again. Enter leaves an optional question out, or
/// keeps a suggested answer where there is one. When a rating on the 1–10 intensity scale
/// reaches the safety threshold, the safety response is shown right after it (see
/// `SafetyResponse`); an urge rated as high gets the softer `UrgeResponse`. Both name the
/// person's soothing kit when they have one.
///
/// Off a terminal, replies are read line by line from stdin, so scripts and tests can pipe
/// them in; if the input ends before a question that needs an answer, the walk stops with
/// `FormStop.inputEnded`.
public struct Asker {
    public let console: any Console
    public let safety: SafetySettings
    /// The one-line reminder of the person's soothing kit (`SoothingKit.reminder`), if they have one.
    public var kit: String?
    /// Whether the questions are asked inside a pause (the urge response then does not suggest one).
    public var insidePause = false

    public init(console: any Console, safety: SafetySettings, kit: String? = nil) {
        self.console = console
        self.safety = safety
        self.kit = kit
    }

    /// A suggested answer: Enter (or the end of piped input) keeps it.
    public struct Suggestion: Sendable, Hashable {
        /// The reply it stands for, as if typed.
        public var text: String
        /// Where it comes from, shown above it; nil to show none.
        public var reason: String?

        public init(text: String, reason: String? = nil) {
            self.text = text
            self.reason = reason
        }
    }

    /// How walking a form ended.
    public enum FormWalk: Sendable, Hashable {
        /// Every question was asked: the checked response.
        case completed(FormResponse)
        /// It stopped partway; `answered` holds what was given so far (to keep as a draft).
        case stopped(FormStop, answered: [String: AnswerValue])
    }

    /// Asks every field of `form` in order and returns the checked response.
    public func walk(_ form: Form, intro: Bool = true) -> Result<FormResponse, FormStop> {
        switch fill(form, intro: intro) {
        case .completed(let response): .success(response)
        case .stopped(let stop, _): .failure(stop)
        }
    }

    /// Asks the fields of `form` that `answered` holds no value for, in order, and returns the
    /// checked response, or why it stopped and what was answered by then.
    public func fill(_ form: Form, intro: Bool = true, answered: [String: AnswerValue] = [:],
                     suggestions: [String: Suggestion] = [:]) -> FormWalk {
        if intro {
            console.line(console.bold(form.title))
            console.line(form.intro)
        }
        var values = answered.filter { form[$0.key] != nil }
        for (index, field) in form.fields.enumerated() where values[field.key] == nil {
            switch ask(field, of: form, position: (index + 1, form.fields.count), suggestion: suggestions[field.key]) {
            case .success(let value?): values[field.key] = value
            case .success(nil): continue
            case .failure(let stop): return .stopped(stop, answered: values)
            }
        }
        do {
            return .completed(try form.response(from: values))
        } catch {
            // Every value was parsed for its own field, so this only happens if the form is inconsistent.
            return .stopped(.invalidForm(error.description), answered: values)
        }
    }

    /// Asks one field of `form`: the value, nil when an optional field was left out, or why it
    /// stopped.
    public func ask(_ field: FormField, of form: Form, position: (Int, Int)? = nil,
                    suggestion: Suggestion? = nil) -> Result<AnswerValue?, FormStop> {
        show(field, position: position, suggestion: suggestion)
        while true {
            if console.inputIsTerminal { console.write("> ") }
            var raw: String
            switch console.readLine() {
            case .interrupted:
                console.line()
                return .failure(.interrupted)
            case .end:
                if console.inputIsTerminal { console.line() }
                if let suggestion, let value = try? form.parse(suggestion.text, for: field.key) { return .success(value) }
                if field.isOptional { return .success(nil) }
                return .failure(.inputEnded(field: field.key))
            case .line(let line):
                raw = line
            }
            if suggestion != nil, field.isOptional, raw.trimmingCharacters(in: .whitespaces) == "-" { return .success(nil) }
            if let suggestion, raw.trimmingCharacters(in: .whitespaces).isEmpty { raw = suggestion.text }
            do {
                let value = try form.parse(raw, for: field.key)
                if let value { showResponse(after: value, for: field) }
                return .success(value)
            } catch {
                console.error(Self.reason(error, field: field))
                if !console.inputIsTerminal { console.line(console.dim(tr("(that reply did not fit; reading the next line)"))) }
            }
        }
    }

    /// Asks a yes-or-no question at a terminal; Enter gives `default`. Off a terminal nothing
    /// is asked (piped input belongs to the form) and the answer is no.
    public func confirm(_ question: String, default answer: Bool) -> Bool {
        guard console.inputIsTerminal else { return false }
        console.line()
        // TRANSLATORS: after a yes-or-no question: the capital letter is what Enter gives; use the first letters of your words for yes and no.
        console.write("\(question) \(answer ? tr("[Y/n]") : tr("[y/N]")) ")
        switch console.readLine() {
        case .line(let line):
            let reply = line.trimmingCharacters(in: .whitespaces).lowercased()
            if reply.isEmpty { return answer }
            return Self.yesWords.contains(reply)
        case .end, .interrupted:
            console.line()
            return false
        }
    }

    /// Shows the safety response when `rating` on the intensity scale reaches the threshold.
    /// Returns whether it was shown.
    @discardableResult
    public func showSafetyResponse(forIntensity rating: Int) -> Bool {
        guard let response = SafetyResponse.check(intensity: rating, settings: safety, kit: kit) else { return false }
        show(response.lines)
        return true
    }

    /// Shows the urge response when `rating` on the urge scale reaches the threshold. Returns
    /// whether it was shown.
    @discardableResult
    public func showUrgeResponse(forUrge rating: Int) -> Bool {
        guard let response = UrgeResponse.check(urge: rating, settings: safety, kit: kit, insidePause: insidePause) else {
            return false
        }
        show(response.lines)
        return true
    }

    // MARK: - Helpers

    private func show(_ lines: [String]) {
        console.line()
        for line in lines {
            console.line("  " + line)
        }
    }

    private func showResponse(after value: AnswerValue, for field: FormField) {
        guard case .scale(let scale) = field.request, case .number(let rating) = value else { return }
        if scale == .intensity { showSafetyResponse(forIntensity: rating) }
        if scale == .urge { showUrgeResponse(forUrge: rating) }
    }

    private func show(_ field: FormField, position: (Int, Int)?, suggestion: Suggestion?) {
        console.line()
        let counter = position.map { console.dim("[\($0.0)/\($0.1)] ") } ?? ""
        console.line(counter + console.bold(field.question))
        if let hint = field.hint { console.line("  " + console.dim(hint)) }
        switch field.request {
        case .choices(let choices):
            for (index, choice) in choices.enumerated() {
                console.line("  \(index + 1)) \(choice.label)")
            }
        case .scale(let scale) where !console.redrawsInPlace:
            // Plain mode (a screen reader, a pipe): words rather than "=" and "…", which a voice spells out.
            console.line("  " + scale.endsInWords)
        case .scale(let scale):
            console.line("  " + console.dim("\(scale.range.lowerBound) = \(scale.lowLabel) … \(scale.range.upperBound) = \(scale.highLabel)"))
        case .text(let placeholder):
            // TRANSLATORS: an example answer under a question.
            console.line("  " + console.dim(tr("e.g. %1$@", placeholder)))
        case .done:
            break
        }
        if let suggestion {
            if let reason = suggestion.reason { console.line("  " + reason) }
            // TRANSLATORS: a suggested answer that Enter keeps; the second line also says that typing "-" leaves it out.
            let keeps = field.isOptional ? tr("(Enter keeps: %1$@ · - leaves it out)", suggestion.text) : tr("(Enter keeps: %1$@)", suggestion.text)
            console.line("  " + console.dim(keeps))
        } else if field.isOptional {
            console.line("  " + console.dim(tr("(Enter to skip)")))
        }
    }

    /// The words that say yes to `confirm`, lower case: "y" and "yes", and those of the person's language.
    public static var yesWords: Set<String> {
        // TRANSLATORS: words a person may type for yes to a yes-or-no question, separated by |. English "y" and "yes" always work too.
        let translated = trc("typed answer words", "y|yes")
        return Set(("y|yes|" + translated).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// The reason a reply did not fit, without the form's internal field key.
    static func reason(_ error: FormError, field: FormField) -> String {
        switch error {
        case .invalid(_, let answerError) where field.acceptsOwnWords:
            Translation.sentences("\(answerError)", tr("A word of your own is welcome too. Try again, or press Ctrl-C to stop."))
        case .invalid(_, let answerError): Translation.sentences("\(answerError)", tr("Try again, or press Ctrl-C to stop."))
        default: "\(error)"
        }
    }
}

/// Why a form was not completed.
public enum FormStop: Error, Sendable, Hashable, CustomStringConvertible {
    /// Ctrl-C.
    case interrupted
    /// The input ended before a question that needs an answer.
    case inputEnded(field: String)
    /// The form rejected the collected values (a programming error in the form).
    case invalidForm(String)

    public var description: String {
        switch self {
        case .interrupted: tr("stopped before the end.")
        // TRANSLATORS: the field's key (a config-like name such as 'intensity-before').
        case .inputEnded(let field): tr("the input ended before '%1$@' was answered; nothing was saved.", field)
        case .invalidForm(let reason): tr("the answers could not be saved (%1$@).", reason)
        }
    }
}
