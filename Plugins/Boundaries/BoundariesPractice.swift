import SteadyKit
import SteadyLocalization

/// A weekly invitation to one small, low-stakes "no" or a stated preference, and a way to
/// note resentment as a sign that a boundary may be needed. Off unless turned on.
///
/// "I'll try one" brings a short check-in three days later; "I noticed resentment" asks, as the
/// next question, where it showed up (a line of text).
public struct BoundariesPractice: Practice {
    public typealias Settings = BoundariesSettings

    public static let id: PracticeID = "boundaries"
    public static var displayName: String { tr("Small boundaries") }
    public static var summary: String { tr("Once a week, invites one small no or stated preference, and lets you note resentment as a signal.") }
    public static let defaultSchedule = ["Sun 18:00"]

    /// Choice key: the person means to try one.
    public static let tryKey = "try"
    /// Choice key: the person already said one.
    public static let didKey = "did"
    /// Choice key: the person noticed resentment.
    public static let resentmentKey = "resentment"
    /// Choice key: letting the prompt pass.
    public static let notNowKey = "not-now"
    /// Choice keys of the check-in.
    public static let saidItKey = "said-it"
    public static let notYetKey = "not-yet"

    /// Follow-up key: where resentment showed up.
    public static let whereKey = "resentment-where"
    /// Follow-up key: how trying one went.
    public static let howItWentKey = "how-it-went"
    /// How long after "I'll try one" the check-in comes.
    public static let checkInDelay = 3 * 24 * 60 * 60

    public init(settings: Settings) {}

    public func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .followUp(Self.whereKey, _):
            return PromptContent(title: BoundariesTexts.resentmentTitle, body: BoundariesTexts.resentmentBody,
                                 request: .text(placeholder: BoundariesTexts.resentmentPlaceholder))
        case .followUp(Self.howItWentKey, _):
            return PromptContent(title: BoundariesTexts.howItWentTitle, body: BoundariesTexts.howItWentBody, request: .choices([
                Choice(key: Self.saidItKey, label: BoundariesTexts.saidItLabel),
                Choice(key: Self.notYetKey, label: BoundariesTexts.notYetLabel),
            ]))
        default:
            let words = occasion.rotating(BoundariesTexts.invitations)
            return PromptContent(title: words.title, body: words.body, request: .choices([
                Choice(key: Self.tryKey, label: BoundariesTexts.tryLabel),
                Choice(key: Self.didKey, label: BoundariesTexts.didLabel),
                Choice(key: Self.resentmentKey, label: BoundariesTexts.resentmentLabel),
                Choice(key: Self.notNowKey, label: BoundariesTexts.notNowLabel),
            ]))
        }
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(Self.tryKey):
            return Reaction(followUps: [FollowUp(after: Self.checkInDelay, key: Self.howItWentKey)],
                            acknowledgement: BoundariesTexts.tryAcknowledgement)
        case .choice(Self.didKey): return Reaction(acknowledgement: BoundariesTexts.didAcknowledgement)
        case .choice(Self.resentmentKey): return Reaction(followUps: [FollowUp(after: 0, key: Self.whereKey)])
        case .choice(Self.notNowKey): return Reaction(acknowledgement: BoundariesTexts.notNowAcknowledgement, skips: true)
        case .choice(Self.saidItKey): return Reaction(acknowledgement: BoundariesTexts.saidItAcknowledgement)
        case .choice(Self.notYetKey): return Reaction(acknowledgement: BoundariesTexts.notYetAcknowledgement)
        default: return Reaction(acknowledgement: BoundariesTexts.resentmentAcknowledgement)
        }
    }
}
