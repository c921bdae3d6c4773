import SteadyKit
import SteadyLocalization

/// A nudge to wind down before bed: screens down, the same bedtime each night.
///
/// "Heading to bed" records when the person went to bed (the answer's time is that record);
/// "N more minutes" snoozes the prompt for `snooze-minutes`.
public struct SleepWindDownPractice: Practice {
    public typealias Settings = SleepWindDownSettings

    public static let id: PracticeID = "sleep-wind-down"
    public static var displayName: String { tr("Sleep wind-down") }
    public static var summary: String { tr("Nudges you to put screens away and head to bed at the same time each night.") }
    /// Thirty minutes before the default bedtime (22:30).
    public static let defaultSchedule = ["22:00"]

    /// Choice key meaning the person is going to bed now.
    public static let headingToBedKey = "heading-to-bed"
    /// Suffix of the snooze choice's key, `<snooze-minutes>-more-minutes` (`15-more-minutes` by default).
    public static let moreMinutesSuffix = "-more-minutes"

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func prompt(for occasion: Occasion) -> PromptContent {
        PromptContent(
            title: occasion.rotating(SleepWindDownTexts.titles),
            body: Translation.sentences(SleepWindDownTexts.bedtimeLine(settings.bedtime), occasion.rotating(SleepWindDownTexts.nudges)),
            request: .choices([
                Choice(key: Self.headingToBedKey, label: SleepWindDownTexts.headingToBedLabel),
                Choice(key: moreMinutesKey, label: SleepWindDownTexts.moreMinutesLabel(settings.snoozeMinutes)),
            ]))
    }

    /// Half an hour before the configured bedtime.
    public var suggestedSchedule: [String] { [settings.windDownTime.description] }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(let key) where key.hasSuffix(Self.moreMinutesSuffix):
            return Reaction(
                snooze: settings.snoozeMinutes * 60,
                acknowledgement: SleepWindDownTexts.snoozeAcknowledgement(settings.snoozeMinutes))
        default:
            return Reaction(acknowledgement: SleepWindDownTexts.headingToBedAcknowledgement)
        }
    }

    /// The snooze choice's key for the configured number of minutes.
    var moreMinutesKey: String { "\(settings.snoozeMinutes)\(Self.moreMinutesSuffix)" }
}
