import SteadyKit

/// Asks a form's questions on a console, one at a time, the same way in every command.
///
/// Each reply is read with `Form.parse(_:for:)`; a reply that does not fit is answered with
/// the reason and the question is asked again. Enter leaves an optional question out. When
/// a rating on the 1–10 intensity scale reaches the safety threshold, the safety response is
/// shown right after it (see `SafetyResponse`).
///
/// Off a terminal, replies are read line by line from stdin, so scripts and tests can pipe
/// them in; if the input ends before a question that needs an answer, the walk stops with
/// `FormStop.inputEnded`.
public struct Asker {
    public let console: any Console
    public let safety: SafetySettings

    public init(console: any Console, safety: SafetySettings) {
        self.console = console
        self.safety = safety
    }

    /// Asks every field of `form` in order and returns the checked response.
    public func walk(_ form: Form, intro: Bool = true) -> Result<FormResponse, FormStop> {
        if intro {
            console.line(console.bold(form.title))
            console.line(form.intro)
        }
        var values: [String: AnswerValue] = [:]
        for (index, field) in form.fields.enumerated() {
            switch ask(field, of: form, position: (index + 1, form.fields.count)) {
            case .success(let value?): values[field.key] = value
            case .success(nil): continue
            case .failure(let stop): return .failure(stop)
            }
        }
        do {
            return .success(try form.response(from: values))
        } catch {
            // Every value was parsed for its own field, so this only happens if the form is inconsistent.
            return .failure(.invalidForm(error.description))
        }
    }

    /// Asks one field of `form`: the value, nil when an optional field was left out, or why it stopped.
    public func ask(_ field: FormField, of form: Form, position: (Int, Int)? = nil) -> Result<AnswerValue?, FormStop> {
        show(field, position: position)
        while true {
            if console.inputIsTerminal { console.write("> ") }
            let raw: String
            switch console.readLine() {
            case .interrupted:
                console.line()
                return .failure(.interrupted)
            case .end:
                if console.inputIsTerminal { console.line() }
                if field.isOptional { return .success(nil) }
                return .failure(.inputEnded(field: field.key))
            case .line(let line):
                raw = line
            }
            do {
                let value = try form.parse(raw, for: field.key)
                if let value { showSafetyResponse(after: value, for: field) }
                return .success(value)
            } catch {
                console.error(Self.reason(error, field: field))
                if !console.inputIsTerminal { console.line(console.dim("(that reply did not fit; reading the next line)")) }
            }
        }
    }

    /// Shows the safety response when `rating` on the intensity scale reaches the threshold.
    /// Returns whether it was shown.
    @discardableResult
    public func showSafetyResponse(forIntensity rating: Int) -> Bool {
        guard let response = SafetyResponse.check(intensity: rating, settings: safety) else { return false }
        console.line()
        for line in response.lines {
            console.line("  " + line)
        }
        return true
    }

    // MARK: - Helpers

    private func showSafetyResponse(after value: AnswerValue, for field: FormField) {
        guard case .scale(let scale) = field.request, scale == .intensity, case .number(let rating) = value else { return }
        showSafetyResponse(forIntensity: rating)
    }

    private func show(_ field: FormField, position: (Int, Int)?) {
        console.line()
        let counter = position.map { console.dim("[\($0.0)/\($0.1)] ") } ?? ""
        console.line(counter + console.bold(field.question))
        if let hint = field.hint { console.line("  " + console.dim(hint)) }
        switch field.request {
        case .choices(let choices):
            for (index, choice) in choices.enumerated() {
                console.line("  \(index + 1)) \(choice.label)")
            }
        case .scale(let scale):
            console.line("  " + console.dim("\(scale.range.lowerBound) = \(scale.lowLabel) … \(scale.range.upperBound) = \(scale.highLabel)"))
        case .text(let placeholder):
            console.line("  " + console.dim("e.g. \(placeholder)"))
        case .done:
            break
        }
        if field.isOptional { console.line("  " + console.dim("(Enter to skip)")) }
    }

    /// The reason a reply did not fit, without the form's internal field key.
    static func reason(_ error: FormError, field: FormField) -> String {
        switch error {
        case .invalid(_, let answerError): "\(answerError) Try again, or press Ctrl-C to stop."
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
        case .interrupted: "stopped before the end; nothing was saved."
        case .inputEnded(let field): "the input ended before '\(field)' was answered; nothing was saved."
        case .invalidForm(let reason): "the answers could not be saved (\(reason))."
        }
    }
}
