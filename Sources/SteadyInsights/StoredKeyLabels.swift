/// The words a person reads for what the journal stores as keys: each practice's choice labels
/// (`not-now` → "Not now") and each entry kind's name (`trigger-journal` → "Trigger journal"),
/// in the current language. The executable fills them from the practices and the tools' forms;
/// a key nothing knows (e.g. from an external practice since removed) is shown as stored.
public struct StoredKeyLabels: Sendable, Equatable {
    /// Practice id → choice key → label.
    public var choices: [String: [String: String]]
    /// Entry kind (a form id) → name.
    public var entryKinds: [String: String]

    public init(choices: [String: [String: String]] = [:], entryKinds: [String: String] = [:]) {
        self.choices = choices
        self.entryKinds = entryKinds
    }

    /// The label of `key` as `practice` offered it, or the key.
    public func choice(_ key: String, of practice: String) -> String { choices[practice]?[key] ?? key }

    /// The name of an entry kind, or the kind.
    public func entryKind(_ kind: String) -> String { entryKinds[kind] ?? kind }
}
