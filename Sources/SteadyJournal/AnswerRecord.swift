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
        guard let kind = row["a_kind"] as String? else { return nil }
        let value: AnswerValue
        switch kind {
        case "choice": value = .choice(row["a_text"] ?? "")
        case "number": value = .number(row["a_number"] ?? 0)
        case "text": value = .text(row["a_text"] ?? "")
        default: value = .done
        }
        self.init(
            promptID: promptID, value: value, note: row["a_note"],
            answeredAt: Date(timeIntervalSince1970: row["a_at"]),
            channel: AnswerChannel(rawValue: row["a_channel"] ?? "") ?? .terminal)
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
