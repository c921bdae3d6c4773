import SteadyKit
import SteadyLocalization

/// An evening look back: one thing that went well, or a moment of feeling secure, and how
/// settled the day felt on a 1–5 scale. The person can add a note to the number. Then, as the
/// next question in the same bubble, an optional feeling word: one of a few, or their own.
public struct EveningReflectionPractice: Practice {
    public typealias Settings = EveningReflectionSettings

    public static let id: PracticeID = "evening-reflection"
    public static var displayName: String { tr("Evening reflection") }
    public static var summary: String { tr("Looks back on the day: what went well, and how settled it felt from 1 to 5.") }
    public static let defaultSchedule = ["21:00"]

    /// The 1–5 scale of how settled the day felt.
    public static var scale: Scale {
        Scale(1...5, low: EveningReflectionTexts.scaleLow, high: EveningReflectionTexts.scaleHigh, meanings: [
            EveningReflectionTexts.scaleLow, tr("a little unsettled"), tr("somewhere in between"), tr("fairly settled"),
            EveningReflectionTexts.scaleHigh,
        ])
    }

    /// Follow-up key: a feeling word for the evening.
    public static let feelingKey = "feeling"
    /// Follow-up key: the person's own feeling word, after "Another word".
    public static let ownWordKey = "feeling-own"

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .followUp(key: Self.feelingKey, _):
            return PromptContent(
                title: EveningReflectionTexts.feelingTitle, body: EveningReflectionTexts.feelingBody,
                request: .choices(Feelings.eveningWords + [Choice(key: Feelings.ownKey, label: Feelings.ownLabel)]))
        case .followUp(key: Self.ownWordKey, _):
            return PromptContent(
                title: EveningReflectionTexts.feelingTitle, body: EveningReflectionTexts.ownWordBody,
                request: .text(placeholder: EveningReflectionTexts.ownWordPlaceholder))
        default:
            return PromptContent(
                title: occasion.rotating(EveningReflectionTexts.titles),
                body: Translation.sentences(question(for: occasion), EveningReflectionTexts.rating),
                request: .scale(Self.scale))
        }
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .number(let rating):
            let feeling = settings.feelingWord ? [FollowUp(after: 0, key: Self.feelingKey)] : []
            switch rating {
            case ...2: return Reaction(followUps: feeling, acknowledgement: EveningReflectionTexts.lowAcknowledgement)
            case 3: return Reaction(followUps: feeling, acknowledgement: EveningReflectionTexts.middleAcknowledgement)
            default: return Reaction(followUps: feeling, acknowledgement: EveningReflectionTexts.highAcknowledgement)
            }
        case .choice(Feelings.ownKey):
            return Reaction(followUps: [FollowUp(after: 0, key: Self.ownWordKey)])
        case .choice, .text:
            return Reaction(acknowledgement: EveningReflectionTexts.feelingAcknowledgement)
        case .done:
            return .none
        }
    }

    /// The opening question: the configured one, or alternating day by day.
    func question(for occasion: Occasion) -> String {
        switch settings.focus {
        case .wentWell: EveningReflectionTexts.wentWell
        case .feltSecure: EveningReflectionTexts.feltSecure
        case .rotate: occasion.rotating([EveningReflectionTexts.wentWell, EveningReflectionTexts.feltSecure])
        }
    }
}
