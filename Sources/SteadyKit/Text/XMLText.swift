/// Text made safe to put inside XML 1.0 character data or an attribute value: the report's
/// SVG and HTML, and notification bodies in the servers' markup (Pango markup in practice).
public enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops what XML 1.0 does not allow in a
    /// document at all: the C0 control characters other than tab, line feed and carriage
    /// return, DEL (discouraged, and rejected by Pango), and the noncharacters U+FFFE and U+FFFF.
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
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
