import SteadyLocalization

/// A problem in a config file, with where it is and what to do about it.
///
/// `description` reads like a compiler diagnostic, in the person's language:
/// ```
/// /home/ana/.config/steady/config.toml:7:11: unknown practice 'mornig-mindfulness'
///     [practices.mornig-mindfulness]
///                ^
///   hint: did you mean 'morning-mindfulness'?
/// ```
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or `<embedded default>`.
    public var file: String
    /// 1-based line; 0 when the problem is not at one place (e.g. the file cannot be read).
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong, in one sentence, in English (for `STATUS=`, logs and the journal).
    public var message: String
    /// What to do about it, in English.
    public var hint: String?
    /// What is wrong, in the person's language.
    public var localizedMessage: String
    /// What to do about it, in the person's language.
    public var localizedHint: String?
    /// The offending source line, for the excerpt.
    public var sourceLine: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.localizedMessage = message
        self.localizedHint = hint
        self.sourceLine = sourceLine
    }

    /// A problem whose message and hint are translated texts: English in ``summary``, the
    /// person's language in ``description`` and ``localizedSummary``.
    public init(file: String, line: Int, column: Int, phrase: Phrase, hint: Phrase? = nil, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = phrase.english
        self.hint = hint?.english
        self.localizedMessage = phrase.localized
        self.localizedHint = hint?.localized
        self.sourceLine = sourceLine
    }

    /// `file:line:column: message` on one line, in English (for `STATUS=`, logs and the journal).
    public var summary: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(message)" + (hint.map { " (\($0))" } ?? "")
    }

    /// ``summary`` in the person's language, for a line on a terminal.
    public var localizedSummary: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(localizedMessage)" + (localizedHint.map { " (\($0))" } ?? "")
    }

    /// The diagnostic in the person's language: place, message, the line with a caret, hint.
    public var description: String {
        var text = line > 0 ? "\(file):\(line):\(column): \(localizedMessage)" : "\(file): \(localizedMessage)"
        if let sourceLine, line > 0 {
            let caretPad = String(repeating: " ", count: max(0, column - 1))
            text += "\n    \(sourceLine)\n    \(caretPad)^"
        }
        // TRANSLATORS: the line under a config problem that says what to do about it.
        if let localizedHint { text += "\n  " + tr("hint: %1$@", localizedHint) }
        return text
    }
}
