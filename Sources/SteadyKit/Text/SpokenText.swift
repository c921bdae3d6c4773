/// Text as a notification shows it, fit to be read aloud by a screen reader: no bare
/// symbols that a voice spells out ("grave accent", "middle dot").
///
/// Practices write their bodies as plain sentences; a command in backticks
/// (`` `steady log trigger` ``) loses its backticks, a list joined with " · " is joined with
/// commas, an arrow becomes "to". Letters, digits and ordinary punctuation (the ellipsis and
/// dashes included, which a voice reads as a pause) are kept as they are.
public enum SpokenText {
    public static func clean(_ text: String) -> String {
        var out = text.replacingOccurrences(of: " · ", with: ", ")
            .replacingOccurrences(of: "·", with: ",")
            .replacingOccurrences(of: " → ", with: " to ")
            .replacingOccurrences(of: "→", with: " to ")
        out.removeAll { $0 == "`" }
        return out
    }

    /// The characters a body may hold once cleaned: letters, digits, spaces and line breaks,
    /// and the punctuation a voice reads as a pause or not at all.
    public static func isSpeakable(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character.isWhitespace || allowedPunctuation.contains(character)
    }

    /// Sentence punctuation, quotes, brackets, the ellipsis and dashes, and the few signs read as words (% and +).
    public static let allowedPunctuation: Set<Character> = [
        ".", ",", ";", ":", "?", "!", "'", "’", "‘", "\"", "“", "”", "(", ")", "-", "–", "—", "…", "/", "%", "+", "&",
    ]
}
