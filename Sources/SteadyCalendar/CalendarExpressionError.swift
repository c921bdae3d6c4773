import SteadyLocalization

/// Why a calendar expression could not be parsed, and where.
///
/// `offset` and `length` count `Character`s of `expression`, so `pointer` lines up under the
/// text as a terminal shows it (for the ASCII expressions systemd accepts, characters and bytes agree).
///
/// The message and hint are ``Phrase``s: a person reads them in their language (`steady
/// calendar`, `steady config check`), systemd's `STATUS=` line and the log keep the English.
public struct CalendarExpressionError: Error, Sendable, Equatable, CustomStringConvertible, EnglishDescribable {
    /// The whole text given.
    public var expression: String
    /// 0-based character offset of the offending part.
    public var offset: Int
    /// How many characters are wrong (at least 1).
    public var length: Int
    /// One sentence: what is wrong, in the person's language and in English.
    public var messagePhrase: Phrase
    /// What would be valid, e.g. "weekdays are Mon..Sun", in the person's language and in English.
    public var hintPhrase: Phrase?

    /// What is wrong, in English (for logs and `STATUS=`).
    public var message: String { messagePhrase.english }
    /// What would be valid, in English.
    public var hint: String? { hintPhrase?.english }

    /// An error whose texts are translated: English in ``message``, the person's language in ``description``.
    public init(expression: String, offset: Int, length: Int, message: Phrase, hint: Phrase? = nil) {
        self.expression = expression
        self.offset = max(0, offset)
        self.length = max(1, length)
        self.messagePhrase = message
        self.hintPhrase = hint
    }

    /// An error whose texts are the same in every language.
    public init(expression: String, offset: Int, length: Int, message: String, hint: String? = nil) {
        self.init(expression: expression, offset: offset, length: length, message: Phrase(verbatim: message),
                  hint: hint.map { Phrase(verbatim: $0) })
    }

    /// `invalid calendar expression 'Mon..Fry 07:30': unknown weekday 'Fry' — did you mean 'Fri'?`,
    /// in the person's language.
    public var description: String {
        tr("invalid calendar expression '%1$@': %2$@", expression, messagePhrase.localized)
    }

    /// ``description`` in English, for logs (`Localization.english(error)`).
    public var english: String {
        Phrase { tr("invalid calendar expression '%1$@': %2$@", expression, message) }.english
    }

    /// Two lines: the expression, then a caret line pointing at the offending part.
    public var pointer: String {
        let count = expression.count
        let start = min(offset, count)
        let width = max(1, min(length, max(1, count - start)))
        return expression + "\n" + String(repeating: " ", count: start) + String(repeating: "^", count: width)
    }
}
