import SteadyLocalization

/// A short questionnaire walked through one field at a time: a trigger journal entry, a
/// thought record, the self-assessment.
///
/// Pure data. The CLI asks each field's `question` in order, reads the typed reply with
/// `parse(_:for:)`, and hands the collected values to `response(from:)`, which checks them.
public struct Form: Sendable, Hashable, Codable, Identifiable {
    /// Stable key, stored with the response (`trigger-journal`).
    public var id: String
    /// A few words naming the form.
    public var title: String
    /// One or two sentences shown before the first field.
    public var intro: String
    /// The fields, in the order they are asked.
    public var fields: [FormField]

    public init(id: String, title: String, intro: String, fields: [FormField]) {
        precondition(Set(fields.map(\.key)).count == fields.count, "form '\(id)' repeats a field key")
        self.id = id
        self.title = title
        self.intro = intro
        self.fields = fields
    }

    /// The field with `key`, if the form has one.
    public subscript(key: String) -> FormField? { fields.first { $0.key == key } }

    /// Reads a typed reply to one field. An empty reply to an optional field is `nil` (left out).
    public func parse(_ raw: String, for key: String) throws(FormError) -> AnswerValue? {
        guard let field = self[key] else { throw FormError.unknownField(key, form: id) }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if field.isOptional, trimmed.isEmpty { return nil }
        do {
            return try field.request.parse(raw)
        } catch {
            // A list that also takes the person's own word: anything else they write is that word.
            if field.acceptsOwnWords, case .notAChoice = error, !trimmed.isEmpty, Int(trimmed) == nil {
                return .text(trimmed)
            }
            throw FormError.invalid(field: key, error)
        }
    }

    /// Checks collected values: every required field present, no unknown keys, each value
    /// of the kind its field asks for.
    public func response(from values: [String: AnswerValue]) throws(FormError) -> FormResponse {
        for key in values.keys.sorted() where self[key] == nil {
            throw FormError.unknownField(key, form: id)
        }
        for field in fields {
            guard let value = values[field.key] else {
                if field.isOptional { continue }
                throw FormError.missing(field: field.key)
            }
            guard field.accepts(value) else {
                throw FormError.doesNotFit(field: field.key, expected: field.request.expectation)
            }
        }
        return FormResponse(formID: id, values: values)
    }
}

/// One question of a `Form`.
public struct FormField: Sendable, Hashable, Codable {
    /// Stable key of the value in the response (`intensity`).
    public var key: String
    /// The question as the person reads it.
    public var question: String
    /// A gentle example or nudge shown under the question, if any.
    public var hint: String?
    /// What kind of value fits: text, a number on a scale, or one of a few choices.
    public var request: AnswerRequest
    /// Whether the person may leave it blank.
    public var isOptional: Bool
    /// For a list of choices: whether a word of the person's own is welcome too (kept as text).
    /// The feeling words are such a list.
    public var acceptsOwnWords: Bool

    public init(key: String, question: String, hint: String? = nil, request: AnswerRequest, isOptional: Bool = false,
                acceptsOwnWords: Bool = false) {
        self.key = key
        self.question = question
        self.hint = hint
        self.request = request
        self.isOptional = isOptional
        self.acceptsOwnWords = acceptsOwnWords
    }

    /// Whether `value` fits this field: what its request could produce, or an own word where welcome.
    public func accepts(_ value: AnswerValue) -> Bool {
        if acceptsOwnWords, case .text(let text) = value {
            return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        return request.accepts(value)
    }
}

/// The checked values of a filled-in form, keyed by field.
public struct FormResponse: Sendable, Hashable, Codable {
    public var formID: String
    public var values: [String: AnswerValue]

    public init(formID: String, values: [String: AnswerValue]) {
        self.formID = formID
        self.values = values
    }

    /// The number given for `key`, if that field was a scale and was answered.
    public func number(_ key: String) -> Int? {
        if case .number(let n) = values[key] { return n }
        return nil
    }

    /// The text given for `key`, if any.
    public func text(_ key: String) -> String? {
        if case .text(let text) = values[key] { return text }
        return nil
    }

    /// The choice key given for `key`, if any.
    public func choice(_ key: String) -> String? {
        if case .choice(let choice) = values[key] { return choice }
        return nil
    }
}

/// Why a form's values were not accepted. Each message says what would fit instead.
public enum FormError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownField(String, form: String)
    case missing(field: String)
    case doesNotFit(field: String, expected: String)
    case invalid(field: String, AnswerError)

    public var description: String {
        switch self {
        // TRANSLATORS: %1$@ is a form's name, %2$@ a field's key (config-like names such as 'intensity-before').
        case .unknownField(let key, let form): tr("The form '%1$@' has no field '%2$@'.", form, key)
        // TRANSLATORS: %1$@ is a field's key (a config-like name such as 'intensity-before').
        case .missing(let field): tr("'%1$@' needs an answer before the form can be saved.", field)
        // TRANSLATORS: %1$@ is a field's key, %2$@ what it takes ("a number from 1 to 10", "a few words").
        case .doesNotFit(let field, let expected): tr("'%1$@' takes %2$@.", field, expected)
        case .invalid(let field, let error): "\(field): \(error)"
        }
    }
}

extension AnswerRequest {
    /// Whether `value` is an answer this request could have produced.
    func accepts(_ value: AnswerValue) -> Bool {
        switch (self, value) {
        case (.choices(let choices), .choice(let key)): choices.contains { $0.key == key }
        case (.scale(let scale), .number(let n)): scale.range.contains(n)
        case (.text, .text(let text)): !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case (.done, .done): true
        default: false
        }
    }
}
