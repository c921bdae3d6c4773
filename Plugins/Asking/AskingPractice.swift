import SteadyKit
import SteadyLocalization

/// The check-in that follows `steady ask`: some time after a request was written, how it
/// went, and after a good outcome, whether to keep it as a win.
///
/// Like the trigger journal, it has no schedule of its own: each request brings one check-in,
/// `follow-up-after` later (a day by default), never during quiet hours. `steady ask
/// --follow-up` asks the same in the terminal and closes the check-in.
public struct AskingPractice: Practice {
    public typealias Settings = AskingSettings

    /// The same id as the entries `steady ask` writes, which is how they find each other.
    public static let id = PracticeID(NeedRequest.form.id)
    public static var displayName: String { tr("Asking for what you need") }
    public static var summary: String { tr("After you shape a request with `steady ask`, checks in later on how it went.") }
    /// On demand: check-ins come from requests, not from a calendar.
    public static let defaultSchedule: [String] = []

    /// Follow-up key: how it went.
    public static let howItWentKey = "how-it-went"
    /// Follow-up key: keep a good outcome as a win.
    public static let keepKey = "keep-as-win"

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func followUps(afterEntry entry: FormResponse) -> [FollowUp] {
        guard entry.formID == NeedRequest.form.id, let delay = settings.delay else { return [] }
        return [FollowUp(after: delay.seconds, key: Self.howItWentKey)]
    }

    public func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .followUp(Self.howItWentKey, _):
            return PromptContent(title: AskingTexts.howItWentTitle, body: AskingTexts.howItWentBody(occasion.lookBack),
                                 request: .choices(NeedRequest.outcomes))
        case .followUp(Self.keepKey, _):
            return PromptContent(title: AskingTexts.keepTitle, body: AskingTexts.keepBody, request: .choices(NeedRequest.keepChoices))
        default:
            return PromptContent(title: AskingTexts.scheduledTitle, body: AskingTexts.scheduledBody,
                                 request: .choices(AskingTexts.scheduledChoices))
        }
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(NeedRequest.Outcome.wentWell):
            return Reaction(followUps: [FollowUp(after: 0, key: Self.keepKey)],
                            acknowledgement: NeedRequest.acknowledgement(of: NeedRequest.Outcome.wentWell))
        case .choice(let key) where NeedRequest.outcomes.contains { $0.key == key }:
            return Reaction(acknowledgement: NeedRequest.acknowledgement(of: key))
        case .choice(NeedRequest.keepKey):
            return Reaction(acknowledgement: NeedRequest.keptAcknowledgement)
        case .choice(NeedRequest.noThanksKey):
            return Reaction(acknowledgement: NeedRequest.notKeptAcknowledgement)
        default:
            return Reaction(acknowledgement: AskingTexts.scheduledAcknowledgement)
        }
    }
}
