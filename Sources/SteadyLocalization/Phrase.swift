/// A text that a person reads in their language while a log or a data format keeps it in
/// English: the same `tr` call, rendered once in the current locale and once untranslated.
///
///     Phrase { tr("unknown setting '%1$@'", key) }
///
/// For errors whose text reaches both a person (stderr, `steady config check`) and systemd
/// (`STATUS=`, the log), which stay English.
public struct Phrase: Sendable, Equatable, CustomStringConvertible {
    /// The untranslated English, with its placeholders filled.
    public var english: String
    /// The text in the current locale's language.
    public var localized: String

    /// `make` rendered in the current locale and in the C locale, where nothing is translated.
    public init(_ make: () -> String) {
        localized = make()
        english = (try? Localization.withLocale("C", make)) ?? localized
    }

    /// A text that is the same in every language: a name, or text from elsewhere that is not translated.
    public init(verbatim text: String) {
        english = text
        localized = text
    }

    /// The text in the current locale's language.
    public var description: String { localized }
}

/// An error a person reads in their language that can also say itself in English, for a log
/// line or systemd's `STATUS=`.
public protocol EnglishDescribable {
    /// The text in English, with its values filled in.
    var english: String { get }
}

extension Localization {
    /// `error` in English, for a log line or `STATUS=` (which stay English whatever the
    /// person's language): its `english` text when it has one, otherwise its description
    /// rendered with nothing translated.
    public static func english(_ error: any Error) -> String {
        if let error = error as? any EnglishDescribable { return error.english }
        return (try? withLocale("C") { "\(error)" }) ?? "\(error)"
    }
}
