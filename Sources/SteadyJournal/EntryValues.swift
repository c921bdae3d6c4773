import Foundation
import SteadyKit

/// How an entry's values are stored (docs/journal-format.md): `entry.payload` is a plain JSON
/// object of field → value — a number for a rating, a string for written text or the key of a
/// listed choice, `true` for "done" — and `entry.choices` lists, as a JSON array, the fields
/// whose string is a choice's key rather than the person's own words (NULL when none).
///
/// `{"intensity":7,"kind":"distance","what-happened":"A late reply"}` with `["kind"]`.
public enum EntryValues {
    /// The `payload` and `choices` columns for `values`. Keys are sorted, so the same values
    /// are always stored as the same bytes.
    public static func encode(_ values: [String: AnswerValue]) -> (payload: String, choices: String?) {
        var plain: [String: PlainValue] = [:]
        var choiceKeys: [String] = []
        for (key, value) in values {
            switch value {
            case .number(let n): plain[key] = .number(n)
            case .text(let text): plain[key] = .string(text)
            case .choice(let choice): plain[key] = .string(choice); choiceKeys.append(key)
            case .done: plain[key] = .done
            }
        }
        let payload = String(decoding: try! encoder.encode(plain), as: UTF8.self)
        let choices = choiceKeys.isEmpty ? nil : String(decoding: try! encoder.encode(choiceKeys.sorted()), as: UTF8.self)
        return (payload, choices)
    }

    /// The values stored as `payload` and `choices`.
    public static func decode(payload: String, choices: String?) throws -> [String: AnswerValue] {
        let plain = try JSONDecoder().decode([String: PlainValue].self, from: Data(payload.utf8))
        let choiceKeys = try choices.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        var values: [String: AnswerValue] = [:]
        values.reserveCapacity(plain.count)
        for (key, value) in plain {
            switch value {
            case .number(let n): values[key] = .number(n)
            case .string(let string): values[key] = choiceKeys.contains(key) ? .choice(string) : .text(string)
            case .done: values[key] = .done
            }
        }
        return values
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One value as a person would write it in JSON.
    enum PlainValue: Codable {
        case number(Int), string(String), done

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let n = try? container.decode(Int.self) { self = .number(n) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if try container.decode(Bool.self) { self = .done }
            // English: a decoding error about the file, never shown
            else { throw DecodingError.dataCorruptedError(in: container, debugDescription: "false is not a stored value") }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let n): try container.encode(n)
            case .string(let string): try container.encode(string)
            case .done: try container.encode(true)
            }
        }
    }
}
