import SteadyKit

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

    /// The body escaped for markup: ``XMLText/escape(_:)``, the one rule steady uses for XML.
    public static func escape(_ text: String) -> String { XMLText.escape(text) }
}
