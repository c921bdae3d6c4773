import Foundation
import SteadyKit

/// The messages of the external practice protocol, version 1 (docs/external-practices.md).
///
/// steady runs the program once per request, writes one JSON object to its stdin and closes
/// it; the program prints one JSON object to stdout and exits with status 0.
enum ExternalProtocol {
    /// The protocol version this steady speaks.
    static let version = 1

    // MARK: - Requests

    struct Request: Encodable {
        var `protocol` = ExternalProtocol.version
        var request: String
        var practice: String
        var settings: [String: SettingValue]
        var occasion: OccasionMessage?
        var prompt: PromptMessage?
        var answer: AnswerMessage?
        var answeredAt: Date?

        enum CodingKeys: String, CodingKey {
            case `protocol`, request, practice, settings, occasion, prompt, answer
            case answeredAt = "answered-at"
        }
    }

    struct OccasionMessage: Encodable {
        var reason: String
        var key: String?
        var after: AnswerMessage?
        var slot: Date
        var day: Int

        init(_ occasion: Occasion) {
            switch occasion.reason {
            case .scheduled:
                reason = "scheduled"
            case .followUp(let key, let after):
                reason = "follow-up"
                self.key = key
                self.after = after.map(AnswerMessage.init)
            }
            slot = occasion.slot
            day = occasion.dayNumber
        }
    }

    /// An answer value: `{"kind": "choice", "value": "walk"}`, `number`, `text`, or `{"kind": "done"}`.
    struct AnswerMessage: Encodable {
        var kind: String
        var value: ValueMessage?

        enum ValueMessage: Encodable {
            case string(String)
            case number(Int)

            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .string(let s): try container.encode(s)
                case .number(let n): try container.encode(n)
                }
            }
        }

        init(_ value: AnswerValue) {
            switch value {
            case .choice(let key): (kind, self.value) = ("choice", .string(key))
            case .number(let n): (kind, self.value) = ("number", .number(n))
            case .text(let text): (kind, self.value) = ("text", .string(text))
            case .done: (kind, self.value) = ("done", nil)
            }
        }
    }

    /// A prompt, as sent back with an answer and as read from a `prompt` reply.
    struct PromptMessage: Codable {
        var title: String
        var body: String
        var answer: RequestMessage

        init(_ content: PromptContent) {
            title = content.title
            body = content.body
            answer = RequestMessage(content.request)
        }
    }

    /// What kind of answer a prompt wants.
    struct RequestMessage: Codable {
        var kind: String
        var choices: [ChoiceMessage]?
        var from: Int?
        var to: Int?
        var low: String?
        var high: String?
        var placeholder: String?

        struct ChoiceMessage: Codable {
            var key: String
            var label: String
        }

        init(_ request: AnswerRequest) {
            switch request {
            case .choices(let choices):
                kind = "choices"
                self.choices = choices.map { ChoiceMessage(key: $0.key, label: $0.label) }
            case .scale(let scale):
                kind = "scale"
                (from, to, low, high) = (scale.range.lowerBound, scale.range.upperBound, scale.lowLabel, scale.highLabel)
            case .text(let placeholder):
                kind = "text"
                self.placeholder = placeholder
            case .done:
                kind = "done"
            }
        }
    }

    // MARK: - Replies

    /// The part every reply has.
    struct Envelope: Decodable {
        var `protocol`: Int?
    }

    struct DescribeReply: Decodable {
        var name: String
        var summary: String?
        var schedule: [String]?
    }

    struct ReactReply: Decodable {
        var acknowledgement: String?
        var followUps: [FollowUpMessage]?
        var snooze: Int?
        var skip: Bool?

        enum CodingKeys: String, CodingKey {
            case acknowledgement, snooze, skip
            case followUps = "follow-ups"
        }
    }

    struct FollowUpMessage: Decodable {
        var after: Int
        var key: String
    }
}
