import SteadyKit
import SteadyLocalization

/// A short breathing practice offered in the morning.
///
/// The prompt names one pattern (the `technique` setting) with a one-line how-to and asks,
/// as choices, which practice the person did: any of the breathing patterns, 5-4-3-2-1
/// grounding, or "not now", which ends the prompt as skipped.
public struct MorningMindfulnessPractice: Practice {
    public typealias Settings = MorningMindfulnessSettings

    public static let id: PracticeID = "morning-mindfulness"
    public static var displayName: String { tr("Morning mindfulness") }
    public static var summary: String { tr("Offers a short breathing practice to start the day.") }
    public static let defaultSchedule = ["Mon..Fri 07:30", "Sat,Sun 09:00"]

    /// Choice key for 5-4-3-2-1 grounding.
    public static let groundingKey = "grounding"
    /// Choice key for letting the prompt pass.
    public static let notNowKey = "not-now"

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func prompt(for occasion: Occasion) -> PromptContent {
        let pattern = settings.technique.pattern
        return PromptContent(
            title: occasion.rotating(MorningMindfulnessTexts.titles),
            body: MorningMindfulnessTexts.body(pattern: pattern.name, howTo: pattern.howTo,
                                              invitation: occasion.rotating(MorningMindfulnessTexts.invitations)),
            request: .choices(choices))
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(Self.notNowKey):
            return Reaction(acknowledgement: MorningMindfulnessTexts.notNowAcknowledgement, skips: true)
        case .choice(Self.groundingKey):
            return Reaction(acknowledgement: MorningMindfulnessTexts.groundingAcknowledgement)
        default:
            return Reaction(acknowledgement: MorningMindfulnessTexts.doneAcknowledgement)
        }
    }

    /// `steady breathe` with the suggested pattern, offered as "Guide me" on the prompt; a
    /// finished session answers the prompt with that pattern.
    public var guideCommand: [String]? { ["breathe", settings.technique.rawValue] }

    /// The suggested pattern first, then the other patterns, grounding, and "not now".
    var choices: [Choice] {
        let suggested = settings.technique.pattern
        let patterns = [suggested] + BreathingPattern.all.filter { $0.id != suggested.id }
        return patterns.map { Choice(key: $0.id, label: MorningMindfulnessTexts.doneLabel($0.name)) }
            + [
                Choice(key: Self.groundingKey, label: MorningMindfulnessTexts.groundingLabel),
                Choice(key: Self.notNowKey, label: MorningMindfulnessTexts.notNowLabel),
            ]
    }
}
