import Foundation

/// The value of a person's answer, as stored in the journal.
public enum AnswerValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The key of the chosen `Choice`.
    case choice(String)
    /// A number on the prompt's scale.
    case number(Int)
    /// Free text the person wrote. Private: never logged.
    case text(String)
    /// The prompt was marked done.
    case done

    /// A form of the value safe for logs: choices, numbers and "done" as they are; text as its length only.
    public var loggable: String {
        switch self {
        case .choice(let key): return "choice:\(key)"
        case .number(let n): return "number:\(n)"
        case .text(let text): return "text(\(text.count) chars)"
        case .done: return "done"
        }
    }

    public var description: String {
        switch self {
        case .choice(let key): return key
        case .number(let n): return String(n)
        case .text(let text): return text
        case .done: return "done"
        }
    }
}

/// How an answer reached steady.
public enum AnswerChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// An action clicked (or a reply typed) on a desktop notification.
    case notification
    /// `steady answer` in a terminal.
    case terminal
    /// A user-configured command channel.
    case command
}

/// A person's reply to a prompt.
public struct Answer: Sendable, Hashable, Codable {
    /// The journal id of the prompt answered.
    public var promptID: Int64
    public var value: AnswerValue
    /// An optional note the person added. Private: never logged.
    public var note: String?
    public var answeredAt: Date
    public var channel: AnswerChannel

    public init(promptID: Int64, value: AnswerValue, note: String? = nil, answeredAt: Date, channel: AnswerChannel) {
        self.promptID = promptID
        self.value = value
        self.note = note
        self.answeredAt = answeredAt
        self.channel = channel
    }
}
