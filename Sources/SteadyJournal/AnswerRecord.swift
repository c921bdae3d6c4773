import Foundation
import GRDB
import SteadyKit

/// A prompt together with its answer, if any: one row of `steady history`.
public struct HistoryItem: Sendable, Hashable {
    public var prompt: PromptRecord
    public var answer: Answer?
}

extension Answer {
    /// Reads the answer columns of a joined row (`a_` prefix), nil when there is no answer.
    init?(historyRow row: Row, promptID: Int64) {
        guard let kind = row["a_kind"] as String?,
              let value = Self.storedValue(kind: kind, text: row["a_text"], number: row["a_number"]) else { return nil }
        self.init(
            promptID: promptID, value: value, note: row["a_note"],
            answeredAt: Date(timeIntervalSince1970: row["a_at"]),
            channel: AnswerChannel(rawValue: row["a_channel"] ?? "") ?? .terminal)
    }

    /// The value stored in the `answer` table's kind, text and number columns.
    static func storedValue(kind: String, text: String?, number: Int?) -> AnswerValue? {
        switch kind {
        case "choice": .choice(text ?? "")
        case "number": .number(number ?? 0)
        case "text": .text(text ?? "")
        default: .done
        }
    }

    /// Column values for the `answer` table: kind, text, number.
    var storedValue: (kind: String, text: String?, number: Int?) {
        switch value {
        case .choice(let key): ("choice", key, nil)
        case .number(let n): ("number", nil, n)
        case .text(let text): ("text", text, nil)
        case .done: ("done", nil, nil)
        }
    }
}
