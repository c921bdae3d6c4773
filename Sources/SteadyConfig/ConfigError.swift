/// A problem in a config file, with where it is and what to do about it.
///
/// `description` reads like a compiler diagnostic:
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
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The offending source line, for the excerpt.
    public var sourceLine: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// `file:line:column: message` on one line (for `STATUS=` and logs).
    public var summary: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(message)" + (hint.map { " (\($0))" } ?? "")
    }

    public var description: String {
        var text = line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
        if let sourceLine, line > 0 {
            let caretPad = String(repeating: " ", count: max(0, column - 1))
            text += "\n    \(sourceLine)\n    \(caretPad)^"
        }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
