import SteadyKit

/// The words a person reads for what the journal stores as keys: each practice's choice labels
/// (`not-now` → "Not now"), each entry kind's name (`trigger-journal` → "Trigger journal") and
/// each entry field's question with its choices' labels, in the current language. The executable
/// fills them from the practices and the tools' forms; a key nothing knows (e.g. from an
/// external practice since removed) is shown as stored.
public struct StoredKeyLabels: Sendable, Equatable {
    /// One field of an entry kind, as its form asks it.
    public struct Field: Sendable, Equatable {
        /// The stored key (`intensity-now`).
        public var key: String
        /// The question the person answered ("How strong is it now, from 1 to 10?").
        public var label: String
        /// Choice key → label, for a field that offers choices.
        public var choices: [String: String]

        public init(key: String, label: String, choices: [String: String] = [:]) {
            self.key = key
            self.label = label
            self.choices = choices
        }
    }

    /// Practice id → choice key → label.
    public var choices: [String: [String: String]]
    /// Entry kind (a form id) → name.
    public var entryKinds: [String: String]
    /// Entry kind (a form id) → its fields in the order the form asks them.
    public var entryFields: [String: [Field]]

    public init(choices: [String: [String: String]] = [:], entryKinds: [String: String] = [:], entryFields: [String: [Field]] = [:]) {
        self.choices = choices
        self.entryKinds = entryKinds
        self.entryFields = entryFields
    }

    /// Adds each form's title as the name of its entry kind, and its fields' questions and choices.
    public mutating func add(_ forms: [Form]) {
        for form in forms {
            entryKinds[form.id] = form.title
            entryFields[form.id] = form.fields.map { field in
                var choices: [String: String] = [:]
                if case .choices(let offered) = field.request {
                    for choice in offered where choices[choice.key] == nil { choices[choice.key] = choice.label }
                }
                return Field(key: field.key, label: field.question, choices: choices)
            }
        }
    }

    /// The label of `key` as `practice` offered it, or the key.
    public func choice(_ key: String, of practice: String) -> String { choices[practice]?[key] ?? key }

    /// The name of an entry kind, or the kind.
    public func entryKind(_ kind: String) -> String { entryKinds[kind] ?? kind }
}
