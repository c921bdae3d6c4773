import SteadyKit
import SteadyLocalization

/// A gentle nudge to contact someone from one's support network: a friend, family, a partner.
///
/// Leaning on more than one person is part of the point, so the prompts widen the circle:
/// with `people` set, they take turns with suggestions beyond it (an old friend, a neighbour,
/// a group), so no one name comes up every time; without, they ask openly.
public struct ReachOutPractice: Practice {
    public typealias Settings = ReachOutSettings

    public static let id: PracticeID = "reach-out"
    public static var displayName: String { tr("Reach out") }
    public static var summary: String { tr("Suggests getting in touch with someone from your support network.") }
    public static let defaultSchedule = ["Wed,Sun 17:30"]

    /// Choice key: the person got in touch with someone.
    public static let reachedOutKey = "reached-out"
    /// Choice key: the person means to, later.
    public static let plannedKey = "planned"
    /// Choice key: letting the prompt pass.
    public static let notNowKey = "not-now"

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func prompt(for occasion: Occasion) -> PromptContent {
        PromptContent(
            title: occasion.rotating(ReachOutTexts.titles),
            body: person(for: occasion).map(ReachOutTexts.namedBody) ?? occasion.rotating(ReachOutTexts.widerCircle),
            request: .choices([
                Choice(key: Self.reachedOutKey, label: ReachOutTexts.reachedOutLabel),
                Choice(key: Self.plannedKey, label: ReachOutTexts.plannedLabel),
                Choice(key: Self.notNowKey, label: ReachOutTexts.notNowLabel),
            ]))
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(Self.notNowKey): Reaction(acknowledgement: ReachOutTexts.notNowAcknowledgement, skips: true)
        case .choice(Self.plannedKey): Reaction(acknowledgement: ReachOutTexts.plannedAcknowledgement)
        default: Reaction(acknowledgement: ReachOutTexts.reachedOutAcknowledgement)
        }
    }

    /// The person this occasion names, or nil for a suggestion beyond them: day by day, the
    /// configured names take turns with two suggestions of a wider circle, so even a single
    /// name comes up only about one time in three.
    func person(for occasion: Occasion) -> String? {
        guard !settings.people.isEmpty else { return nil }
        return occasion.rotating(settings.people.map(Optional.some) + [nil, nil])
    }
}
