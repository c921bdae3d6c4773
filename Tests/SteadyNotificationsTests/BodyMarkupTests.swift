import SteadyNotifications
import Testing

/// Escaping plain text for servers that render body markup.
@Suite("BodyMarkup")
struct BodyMarkupTests {
    @Test func escape_markupCharacters_showLiterally() {
        #expect(BodyMarkup.escape("<b>bold?</b>") == "&lt;b&gt;bold?&lt;/b&gt;")
        #expect(BodyMarkup.escape("fish & chips") == "fish &amp; chips")
        #expect(BodyMarkup.escape("already &amp; escaped") == "already &amp;amp; escaped")
        #expect(BodyMarkup.escape(#"say "hi" & 'bye'"#) == "say &quot;hi&quot; &amp; &#39;bye&#39;")
        #expect(BodyMarkup.escape("<a href=\"x\">link</a>") == "&lt;a href=&quot;x&quot;&gt;link&lt;/a&gt;")
    }

    @Test func escape_plainText_isUnchanged() {
        let texts = [
            "Breathe in for four, hold for seven, out for eight.",
            "מה שלומך היום؟ كيف حالك",  // right-to-left scripts
            "\u{202E}reversed\u{202C} and \u{200F}marks",  // bidi controls are not markup
            "🌿 🧘‍♀️ 👩🏽‍🤝‍👩🏻 ❤️",  // emoji with joiners and modifiers
            "line one\nline two\ttabbed\r\n",
            "",
        ]
        for text in texts { #expect(BodyMarkup.escape(text) == text) }
    }

    @Test func escape_controlCharacters_areDropped() {
        #expect(BodyMarkup.escape("a\u{0}b\u{1}c\u{1B}[31md\u{7F}e") == "abc[31mde")
    }

    @Test func escape_veryLongHostileText_escapesEveryCharacter() {
        let unit = "<&>\"'"
        let text = String(repeating: unit, count: 20_000)

        let escaped = BodyMarkup.escape(text)

        #expect(escaped == String(repeating: "&lt;&amp;&gt;&quot;&#39;", count: 20_000))
        #expect(!escaped.contains("<") && !escaped.contains(">"))
    }

    @Test func escape_emojiNextToMarkup_keepsGraphemesWhole() {
        let escaped = BodyMarkup.escape("👍🏽<3")
        #expect(escaped == "👍🏽&lt;3")
        #expect(escaped.first == "👍🏽")
    }

    @Test func body_escapesOnlyWhenTheServerHasMarkup() {
        #expect(BodyMarkup.body("a < b", serverHasMarkup: true) == "a &lt; b")
        #expect(BodyMarkup.body("a < b", serverHasMarkup: false) == "a < b")
    }
}
