import SteadyKit

/// An evening look back: one thing that went well, or a moment of feeling secure, and how
/// settled the day felt on a 1–5 scale. The person can add a note to the number.
public struct EveningReflectionPractice: Practice {
    public typealias Settings = EveningReflectionSettings

    public static let id: PracticeID = "evening-reflection"
    public static let displayName = "Evening reflection"
    public static let summary = "Looks back on the day: what went well, and how settled it felt from 1 to 5."
    public static let defaultSchedule = ["21:00"]

    /// The 1–5 scale of how settled the day felt.
    public static let scale = Scale(1...5, low: EveningReflectionTexts.scaleLow, high: EveningReflectionTexts.scaleHigh)

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func prompt(for occasion: Occasion) -> PromptContent {
        PromptContent(
            title: occasion.rotating(EveningReflectionTexts.titles),
            body: "\(question(for: occasion)) \(EveningReflectionTexts.rating)",
            request: .scale(Self.scale))
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        guard case .number(let rating) = answer.value else { return .none }
        switch rating {
        case ...2: return Reaction(acknowledgement: EveningReflectionTexts.lowAcknowledgement)
        case 3: return Reaction(acknowledgement: EveningReflectionTexts.middleAcknowledgement)
        default: return Reaction(acknowledgement: EveningReflectionTexts.highAcknowledgement)
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
