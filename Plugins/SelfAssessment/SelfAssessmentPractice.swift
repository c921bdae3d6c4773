import SteadyKit
import SteadyLocalization

/// A monthly invitation to the self-assessment, which runs in the terminal (`steady assess`).
///
/// The questionnaire itself is `Assessment` in SteadyKit. When `steady assess` saves a result
/// while this prompt is pending, it can answer it with `doneKey`.
public struct SelfAssessmentPractice: Practice {
    public typealias Settings = SelfAssessmentSettings

    public static let id: PracticeID = "self-assessment"
    public static var displayName: String { tr("Self-assessment") }
    public static var summary: String { tr("Once a month, invites you to a short questionnaire on how secure things feel.") }
    /// The first Saturday of each month, mid-morning.
    public static let defaultSchedule = ["Sat *-*-01..07 10:00"]

    /// Choice key: the assessment is done.
    public static let doneKey = "done"
    /// Choice key: ask again in a day.
    public static let tomorrowKey = "tomorrow"
    /// Choice key: let this month's pass.
    public static let notNowKey = "not-now"

    /// How long "remind me tomorrow" waits, in seconds.
    public static let tomorrowDelay = 24 * 60 * 60

    public init(settings: Settings) {}

    public func prompt(for occasion: Occasion) -> PromptContent {
        PromptContent(
            title: occasion.rotating(SelfAssessmentTexts.titles),
            body: SelfAssessmentTexts.body,
            request: .choices([
                Choice(key: Self.doneKey, label: SelfAssessmentTexts.doneLabel),
                Choice(key: Self.tomorrowKey, label: SelfAssessmentTexts.tomorrowLabel),
                Choice(key: Self.notNowKey, label: SelfAssessmentTexts.notNowLabel),
            ]))
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(Self.tomorrowKey):
            Reaction(snooze: Self.tomorrowDelay, acknowledgement: SelfAssessmentTexts.tomorrowAcknowledgement)
        case .choice(Self.notNowKey):
            Reaction(acknowledgement: SelfAssessmentTexts.notNowAcknowledgement, skips: true)
        default:
            Reaction(acknowledgement: SelfAssessmentTexts.doneAcknowledgement)
        }
    }
}
