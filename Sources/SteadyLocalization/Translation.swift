import CLocale
#if canImport(Glibc)
import Glibc
#endif

// The words steady shows a person, looked up in the `steady` gettext catalogue.
//
// Mark a string where it is written, as a literal, so `xgettext` can find it (scripts/update-po):
//
//     tr("Take a slow breath.")
//     tr("%1$@ you put a request into words.", when)          // placeholders translators may reorder
//     trn("%1$d day", "%1$d days", count)                      // plural forms: the count is %1$d
//     trc("answer word", "later")                              // the same English in a different role
//
// The arguments are `StaticString`s: an interpolated string ("\(x)") does not compile, and a
// string built at run time cannot be marked by mistake. A literal must be on one line
// (no `"""`), with no `\u{…}` escapes: xgettext reads Swift as C (docs/translating.md).
//
// Until `Localization.start()` has set the locale (or when the locale is C/POSIX), every
// lookup returns the English it was given, so tests and libraries read English by default.

/// The gettext domain: the catalogue is `<localedir>/<lang>/LC_MESSAGES/steady.mo`.
public let translationDomain = "steady"

/// The translation of `message`, with `%1$@`, `%2$@`… (or `%1$d` for a number) replaced by
/// `arguments` in order, and `%%` by `%`. A translation may reorder the placeholders.
///
/// - Parameters:
///   - message: the English, a one-line literal.
///   - arguments: what fills the placeholders, written with their `description`.
public func tr(_ message: StaticString, _ arguments: any CustomStringConvertible...) -> String {
    Translation.fill(Translation.lookup(message), arguments.map(\.description))
}

/// The translation of the singular or plural form that fits `count`, with `%1$d` replaced by
/// `count` and `%2$@`, `%3$@`… by `arguments`.
///
/// English has two forms; other languages have one, three or more, chosen by the
/// catalogue's `Plural-Forms` rule.
public func trn(_ singular: StaticString, _ plural: StaticString, _ count: Int, _ arguments: any CustomStringConvertible...) -> String {
    let translated = Translation.lookup(singular, plural, count)
    return Translation.fill(translated, [String(count)] + arguments.map(\.description))
}

/// The translation of `message` in `context`: for a short English word that needs different
/// words in different roles (msgctxt in the catalogue), e.g. `trc("answer word", "later")`.
public func trc(_ context: StaticString, _ message: StaticString, _ arguments: any CustomStringConvertible...) -> String {
    Translation.fill(Translation.lookup(context: context, message), arguments.map(\.description))
}

/// The lookups and placeholder filling behind `tr`, `trn` and `trc`.
public enum Translation {
    /// `dgettext`: the translation in the current locale (this thread's, after `uselocale`), or `message`.
    static func lookup(_ message: StaticString) -> String {
        message.withCString { key in String(cString: dgettext(translationDomain, key)) }
    }

    /// `dngettext`: the plural form that fits `count`.
    static func lookup(_ singular: StaticString, _ plural: StaticString, _ count: Int) -> String {
        singular.withCString { one in
            plural.withCString { many in
                String(cString: dngettext(translationDomain, one, many, UInt(clamping: count.magnitude)))
            }
        }
    }

    /// A lookup of `context` EOT `message`, gettext's `pgettext`; `message` when it has no translation.
    static func lookup(context: StaticString, _ message: StaticString) -> String {
        let key = context.description + "\u{4}" + message.description
        // Untranslated, dgettext returns the very pointer it was given: read it while it lives.
        let translated = key.withCString { String(cString: dgettext(translationDomain, $0)) }
        return translated == key ? message.description : translated
    }

    /// `template` with each `%N$@`/`%N$d` replaced by `arguments[N-1]`, `%@`/`%d` by the next
    /// argument in order, and `%%` by `%`. A placeholder without an argument is left as it is.
    public static func fill(_ template: String, _ arguments: [String]) -> String {
        guard template.contains("%") else { return template }
        var result = ""
        var next = 0
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            guard character == "%" else {
                result.append(character)
                index = template.index(after: index)
                continue
            }
            var cursor = template.index(after: index)
            if cursor < template.endIndex, template[cursor] == "%" {
                result.append("%")
                index = template.index(after: cursor)
                continue
            }
            var digits = ""
            while cursor < template.endIndex, let digit = template[cursor].wholeNumberValue, digit >= 0, digit <= 9 {
                digits.append(template[cursor])
                cursor = template.index(after: cursor)
            }
            var position: Int?
            if !digits.isEmpty, cursor < template.endIndex, template[cursor] == "$" {
                position = Int(digits).map { $0 - 1 }
                cursor = template.index(after: cursor)
            } else if !digits.isEmpty {
                cursor = template.index(index, offsetBy: 1)
            }
            guard cursor < template.endIndex, template[cursor] == "@" || template[cursor] == "d" else {
                result.append("%")
                index = template.index(after: index)
                continue
            }
            let argument = position ?? next
            next = argument + 1
            if arguments.indices.contains(argument) {
                result += arguments[argument]
            } else {
                result += template[index...cursor]
            }
            index = template.index(after: cursor)
        }
        return result
    }
}

extension StaticString {
    /// The literal as a C string (string literals are stored NUL-terminated).
    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        if hasPointerRepresentation {
            return utf8Start.withMemoryRebound(to: CChar.self, capacity: utf8CodeUnitCount + 1, body)
        }
        return description.withCString(body)
    }
}

extension Translation {
    /// Translated sentences joined into one text, with a space between them (or what the
    /// translation puts between sentences: nothing in Chinese or Japanese).
    public static func sentences(_ parts: String...) -> String {
        // TRANSLATORS: what goes between two sentences of one text: a space in most languages, nothing in some.
        parts.filter { !$0.isEmpty }.joined(separator: trc("between sentences", " "))
    }

    /// `text` as it reads inside a sentence, after a verb or a colon: English and most languages
    /// start it with a small letter ("Did box breathing"); the catalogue may keep it as it is
    /// (German keeps nouns' capitals: "Box-Atmung gemacht").
    public static func insideSentence(_ text: String) -> String {
        // TRANSLATORS: "yes" when a name or sentence placed inside another sentence starts with a small letter in your language (English: "box breathing"), "no" to keep its first letter as it is (German nouns).
        trc("lower-case inside a sentence", "yes") == "yes" ? text.prefix(1).lowercased() + text.dropFirst() : text
    }
}

extension Translation {
    /// Items as a list in a sentence: "Sam, Alex" (the catalogue may use another separator).
    public static func list(_ items: [String]) -> String {
        // TRANSLATORS: what separates the items of a list of names in a sentence ("Sam, Alex").
        items.joined(separator: trc("list separator", ", "))
    }
}
