/// Why a calendar expression could not be parsed, and where.
///
/// `offset` and `length` count `Character`s of `expression`, so `pointer` lines up under the
/// text as a terminal shows it (for the ASCII expressions systemd accepts, characters and bytes agree).
public struct CalendarExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole text given.
    public var expression: String
    /// 0-based character offset of the offending part.
    public var offset: Int
    /// How many characters are wrong (at least 1).
    public var length: Int
    /// One sentence: what is wrong.
    public var message: String
    /// What would be valid, e.g. "weekdays are Mon..Sun".
    public var hint: String?

    public init(expression: String, offset: Int, length: Int, message: String, hint: String? = nil) {
        self.expression = expression
        self.offset = max(0, offset)
        self.length = max(1, length)
        self.message = message
        self.hint = hint
    }

    /// `invalid calendar expression 'Mon..Fry 07:30': unknown weekday 'Fry' — did you mean 'Fri'?`
    public var description: String {
        "invalid calendar expression '\(expression)': \(message)"
    }

    /// Two lines: the expression, then a caret line pointing at the offending part.
    public var pointer: String {
        let count = expression.count
        let start = min(offset, count)
        let width = max(1, min(length, max(1, count - start)))
        return expression + "\n" + String(repeating: " ", count: start) + String(repeating: "^", count: width)
    }
}
