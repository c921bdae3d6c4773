/// Makes plain text safe to send as a notification body.
///
/// Servers with the `body-markup` capability parse the body as a small XML-like markup
/// (Pango markup in practice), so a `<` or `&` in what steady writes could vanish, turn
/// into formatting, or make the whole body unreadable. Escaping makes it show literally.
public enum BodyMarkup {
    /// The body to send: escaped when the server renders markup, unchanged otherwise.
    public static func body(_ text: String, serverHasMarkup: Bool) -> String {
        serverHasMarkup ? escape(text) : text
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops control characters that markup cannot
    /// carry (all C0 controls except tab, line feed and carriage return, and DEL).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
