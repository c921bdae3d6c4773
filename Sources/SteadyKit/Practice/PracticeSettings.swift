import Foundation
import SteadyLocalization

/// A practice's settings: a `Codable` struct whose stored properties all have defaults.
///
/// Keys in the config are the property names (use `CodingKeys` for hyphenated names).
/// steady fills in defaults from `init()`, rejects keys the struct does not have, and
/// reports type errors at the line and column of the offending key. Add bounds checks in
/// `validate()`.
public protocol PracticeSettings: Codable, Sendable, Equatable {
    /// Settings with every default.
    init()
    /// Problems with otherwise well-typed values, as `SettingsError`s naming the key.
    /// The default accepts everything.
    func validate() throws(SettingsError)
}

extension PracticeSettings {
    public func validate() throws(SettingsError) {}
}

/// A practice setting whose value is one of a few named options (e.g. a breathing technique).
///
/// Conform a `String`-backed `CaseIterable` enum to get an error that lists the options
/// and suggests the nearest one when the config has a typo.
public protocol SettingOption: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {}

extension SettingOption {
    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let options = Self.allCases.map(\.rawValue)
            let path = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            // Thrown as it is: JSONDecoder passes an error from `init(from:)` through unchanged.
            throw SettingsError(keyPath: path, phrase: Phrase {
                if let guess = Suggestion.nearest(to: raw, in: options) {
                    // TRANSLATORS: %1$@ is what the config says, %2$@ the options (config values, kept as they are), %3$@ the nearest one.
                    return tr("'%1$@' is not an option; expected one of: %2$@ (did you mean '%3$@'?)", raw, options.joined(separator: ", "), guess)
                }
                // TRANSLATORS: %1$@ is what the config says, %2$@ the options (config values, kept as they are).
                return tr("'%1$@' is not an option; expected one of: %2$@", raw, options.joined(separator: ", "))
            })
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A problem with one practice setting, named by its key path inside the practice's table.
///
/// Its texts are `Phrase`s: the person reads them in their language (`message`, `hint`,
/// `description`), while the config error made from them keeps the English for `STATUS=`
/// and the log. Write them as `Phrase { tr("…", …) }`.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible, EnglishDescribable {
    /// Keys from the practice table down to the offending value, e.g. `["technique"]`.
    public var keyPath: [String]
    /// What is wrong, in one sentence, in the person's language and in English.
    public var phrase: Phrase
    /// What to do about it, when there is something better to say than the message.
    public var hintPhrase: Phrase?

    public init(keyPath: [String], phrase: Phrase, hint: Phrase? = nil) {
        self.keyPath = keyPath
        self.phrase = phrase
        self.hintPhrase = hint
    }

    /// What is wrong, in the person's language.
    public var message: String { phrase.localized }
    /// What to do about it, in the person's language.
    public var hint: String? { hintPhrase?.localized }

    /// `key: message — hint`, in the person's language.
    public var description: String { Self.line(keyPath, message, hint) }

    /// `key: message — hint`, in English, for a log.
    public var english: String { Self.line(keyPath, phrase.english, hintPhrase?.english) }

    private static func line(_ keyPath: [String], _ message: String, _ hint: String?) -> String {
        let key = keyPath.joined(separator: ".")
        return (key.isEmpty ? "" : "\(key): ") + message + (hint.map { " — \($0)" } ?? "")
    }
}
