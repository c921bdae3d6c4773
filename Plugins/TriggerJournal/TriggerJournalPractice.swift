import SteadyKit
import SteadyLocalization

/// The check-in that follows a trigger journal entry: some time after `steady log trigger`,
/// how long it took to settle, then how strong it is now.
///
/// It has no schedule of its own: each entry the person writes brings one check-in,
/// `follow-up-after` later (an hour by default). Answering the first question brings the
/// second at once, in the same bubble. `steady log trigger --follow-up` asks the same two
/// questions in the terminal and closes the check-in.
public struct TriggerJournalPractice: Practice {
    public typealias Settings = TriggerJournalSettings

    /// The same id as the entries `steady log trigger` writes, which is how they find each other.
    public static let id = PracticeID(TriggerJournal.form.id)
    public static var displayName: String { tr("Trigger journal") }
    public static var summary: String { tr("After you note a hard moment with `steady log trigger`, checks in later on how it settled.") }
    /// On demand: check-ins come from entries, not from a calendar.
    public static let defaultSchedule: [String] = []

    /// Follow-up key: how long it took to settle.
    public static let settleKey = "settle"
    /// Follow-up key: how strong it is now.
    public static let intensityNowKey = "intensity-now"

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func followUps(afterEntry entry: FormResponse) -> [FollowUp] {
        guard entry.formID == TriggerJournal.form.id, let delay = settings.delay else { return [] }
        return [FollowUp(after: delay.seconds, key: Self.settleKey)]
    }

    public func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .followUp(Self.settleKey, _):
            return PromptContent(
                title: TriggerJournal.followUpForm.title,
                body: Translation.sentences(TriggerJournalTexts.since(occasion.lookBack), TriggerJournalTexts.howLong),
                request: .choices(TriggerJournal.settleTimes))
        case .followUp(Self.intensityNowKey, _):
            return PromptContent(
                title: TriggerJournal.followUpForm.title, body: TriggerJournalTexts.intensityNow, request: .scale(.intensity))
        default:
            return PromptContent(
                title: TriggerJournalTexts.scheduledTitle, body: TriggerJournalTexts.scheduledBody,
                request: .choices(TriggerJournalTexts.scheduledChoices))
        }
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch (prompt.request, answer.value) {
        case (.choices(TriggerJournal.settleTimes), .choice):
            return Reaction(followUps: [FollowUp(after: 0, key: Self.intensityNowKey)])
        case (.scale, .number):
            return Reaction(acknowledgement: TriggerJournalTexts.thanks)
        default:
            return Reaction(acknowledgement: TriggerJournalTexts.scheduledAcknowledgement)
        }
    }
}
