import SteadyLocalization

/// A practice's `follow-up-after` setting: a span of time within a range, or "off" for no
/// check-in. Shared by the practices whose check-in follows something the person did.
public struct FollowUpDelay: Sendable {
    /// The spans the setting may take.
    public let range: ClosedRange<TimeSpan>
    /// The range as a person reads it, e.g. `1h–3d`.
    public let rangeText: String
    /// Two spans to show as examples, e.g. `("1h", "45m")`.
    public let examples: (String, String)

    public init(range: ClosedRange<TimeSpan>, rangeText: String, examples: (String, String)) {
        self.range = range
        self.rangeText = rangeText
        self.examples = examples
    }

    /// The delay `text` sets, or nil for "off" (or text that did not pass `validate`).
    public func delay(_ text: String) -> TimeSpan? {
        text == "off" ? nil : try? TimeSpan(parsing: text)
    }

    /// Throws, naming `key`, when `text` is neither "off" nor a span inside the range.
    public func validate(_ text: String, key: String) throws(SettingsError) {
        guard text != "off" else { return }
        guard let delay = try? TimeSpan(parsing: text) else {
            throw SettingsError(keyPath: [key], phrase: Phrase { tr("'%1$@' is not a span of time", text) },
                                hint: Phrase { tr("write it like \"%1$@\" or \"%2$@\", or \"off\" for no check-in", examples.0, examples.1) })
        }
        guard range.contains(delay) else {
            let bounds = rangeText.split(separator: "–").map { "\"\($0)\"" }
            throw SettingsError(keyPath: [key], phrase: Phrase { tr("%1$@ is outside %2$@", delay, rangeText) },
                                hint: Phrase { tr("pick a span from %1$@ to %2$@, or \"off\"", bounds.first ?? "", bounds.last ?? "") })
        }
    }
}
