import Foundation
import SteadyLocalization

/// A config value in a form independent of the config file format: what a practice's
/// settings table holds before it is decoded into the practice's `Settings`.
public indirect enum SettingValue: Sendable, Hashable, Codable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case array([SettingValue])
    case table([String: SettingValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([SettingValue].self) { self = .array(value) }
        else { self = .table(try container.decode([String: SettingValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let v): try container.encode(v)
        case .integer(let v): try container.encode(v)
        case .double(let v): try container.encode(v)
        case .bool(let v): try container.encode(v)
        case .array(let v): try container.encode(v)
        case .table(let v): try container.encode(v)
        }
    }
}

extension PracticeSettings {
    /// Decodes settings from a practice's config table: defaults from `init()`, the table's
    /// values over them, unknown keys and wrong types reported as `SettingsError`s, then
    /// `validate()`.
    public static func decode(from table: [String: SettingValue]) throws(SettingsError) -> Self {
        let defaults: [String: SettingValue]
        do {
            let data = try JSONEncoder().encode(Self())
            defaults = try JSONDecoder().decode([String: SettingValue].self, from: data)
        } catch {
            preconditionFailure("\(Self.self) cannot encode its defaults: \(error)")
        }
        let merged = try overlay(table, on: defaults, path: [])
        let settings: Self
        do {
            let data = try JSONEncoder().encode(merged)
            settings = try JSONDecoder().decode(Self.self, from: data)
        } catch let error as SettingsError {
            throw error
        } catch let error as DecodingError {
            throw SettingsError(decodingError: error)
        } catch {
            // TRANSLATORS: %1$@ is the technical reason, in English.
            throw SettingsError(keyPath: [], phrase: Phrase { tr("could not be read (%1$@)", String(describing: error)) })
        }
        try settings.validate()
        return settings
    }

    private static func overlay(
        _ table: [String: SettingValue], on defaults: [String: SettingValue], path: [String]
    ) throws(SettingsError) -> [String: SettingValue] {
        var result = defaults
        for key in table.keys.sorted() {
            let value = table[key]!
            guard let base = defaults[key] else {
                let known = defaults.keys.sorted()
                let hint = Suggestion.nearest(to: key, in: known).map { guess in Phrase { tr("did you mean '%1$@'?", guess) } }
                    ?? (known.isEmpty ? Phrase { tr("this practice has no settings") }
                                      // TRANSLATORS: %1$@ lists the setting names a practice takes (config keys, kept as they are).
                                      : Phrase { tr("known keys: %1$@", known.joined(separator: ", ")) })
                throw SettingsError(keyPath: path + [key], phrase: Phrase { tr("unknown key '%1$@'", key) }, hint: hint)
            }
            if case .table(let inner) = value, case .table(let innerDefaults) = base {
                result[key] = .table(try overlay(inner, on: innerDefaults, path: path + [key]))
            } else {
                if value.mismatch(expected: base) != nil {
                    // Rendered again in English inside the Phrase.
                    throw SettingsError(keyPath: path + [key], phrase: Phrase { value.mismatch(expected: base) ?? "" })
                }
                result[key] = value
            }
        }
        return result
    }
}

extension SettingValue {
    /// Why this value cannot stand where `expected` (a default) stands, in the current
    /// language, or nil when it can:
    /// the kinds must match (a whole number may stand for a number), elements of a list like
    /// the default's, and numbers must be finite. Checked before decoding, so a wrong type is
    /// reported at its key, in the config's terms.
    func mismatch(expected: SettingValue) -> String? {
        switch (expected, self) {
        case (.string, .string), (.integer, .integer), (.double, .integer), (.bool, .bool), (.table, .table):
            return nil
        case (.double, .double(let value)):
            return value.isFinite ? nil : tr("expected a finite number")
        case (.array(let defaults), .array(let values)):
            guard let model = defaults.first else { return values.contains(where: \.hasNonFiniteNumber) ? tr("expected no inf or nan in the list") : nil }
            for (index, value) in values.enumerated() {
                // TRANSLATORS: %1$d is the place of a value in a list (1 for the first), %2$@ what is wrong with it.
                if let problem = value.mismatch(expected: model) { return tr("item %1$d: %2$@", index + 1, problem) }
            }
            return nil
        default:
            return expected.expectation
        }
    }

    /// "expected a string" and the like: what stands where this value stands, in the current language.
    var expectation: String {
        switch self {
        case .string: tr("expected a string")
        case .integer: tr("expected an integer")
        case .double: tr("expected a number")
        case .bool: tr("expected true or false")
        case .array: tr("expected a list")
        case .table: tr("expected a table")
        }
    }

    /// Whether an inf or nan hides in the value (JSON, which settings pass through, has neither).
    var hasNonFiniteNumber: Bool {
        switch self {
        case .double(let value): !value.isFinite
        case .array(let values): values.contains(where: \.hasNonFiniteNumber)
        case .table(let table): table.values.contains(where: \.hasNonFiniteNumber)
        default: false
        }
    }
}

extension SettingsError {
    init(decodingError error: DecodingError) {
        func path(_ context: DecodingError.Context) -> [String] {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            self.init(keyPath: path(context), phrase: Phrase { Self.expectation(type) })
        case .keyNotFound(let key, let context):
            self.init(keyPath: path(context) + [key.stringValue], phrase: Phrase { tr("missing key '%1$@'", key.stringValue) })
        case .dataCorrupted(let context):
            // A settings type's own decoder explains itself, in English.
            self.init(keyPath: path(context), phrase: Phrase(verbatim: context.debugDescription))
        @unknown default:
            self.init(keyPath: [], phrase: Phrase { tr("could not be read") })
        }
    }

    /// "expected a string" and the like, for a Swift type, in the current language.
    private static func expectation(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: tr("expected a string")
        case is Int.Type, is Int64.Type, is UInt.Type: tr("expected an integer")
        case is Double.Type, is Float.Type: tr("expected a number")
        case is Bool.Type: tr("expected true or false")
        // TRANSLATORS: %1$@ is the name of a Swift type, e.g. "Date".
        default: tr("expected %1$@", String(describing: type))
        }
    }
}
