import Foundation

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
            var message = "'\(raw)' is not an option; expected one of: \(options.joined(separator: ", "))"
            if let guess = Suggestion.nearest(to: raw, in: options) { message += " (did you mean '\(guess)'?)" }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A problem with one practice setting, named by its key path inside the practice's table.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Keys from the practice table down to the offending value, e.g. `["technique"]`.
    public var keyPath: [String]
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it, when there is something better to say than the message.
    public var hint: String?

    public init(keyPath: [String], message: String, hint: String? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let key = keyPath.joined(separator: ".")
        return (key.isEmpty ? "" : "\(key): ") + message + (hint.map { " — \($0)" } ?? "")
    }
}
