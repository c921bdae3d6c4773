import SteadyKit
import SteadyLocalization

/// Planned time alone that grows slowly. The invitation names a length; "Start" marks the
/// start and asks at once how anxious it feels (1–10), and when the time is up a second
/// check-in marks the end and asks again. Off unless turned on.
///
/// The length starts at `minutes`. After a time alone that ended no more anxious than it began
/// (or at 3 or less), the next invitation is `step` minutes longer, up to `longest`; otherwise
/// it stays the same. The last answered invitation (`Occasion.previous`) says where things are.
public struct TimeAlonePractice: Practice {
    public typealias Settings = TimeAloneSettings

    public static let id: PracticeID = "time-alone"
    public static var displayName: String { tr("Time alone") }
    public static var summary: String { tr("Invites planned time on your own that grows slowly, and asks how anxious it felt before and after.") }
    public static let defaultSchedule = ["Sat 15:00"]

    /// Choice keys of the invitation: `start-<minutes>`, and letting it pass.
    public static let startPrefix = "start-"
    public static let notNowKey = "not-now"
    /// Follow-up key: the rating as it starts.
    public static let beforeKey = "before"
    /// Follow-up key: the rating when the time is up.
    public static let endKey = "end"
    /// An ending at or below this counts as settled, whatever the start was.
    public static let settledAt = 3

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func prompt(for occasion: Occasion) -> PromptContent {
        switch occasion.reason {
        case .followUp(Self.beforeKey, _):
            return PromptContent(title: TimeAloneTexts.beforeTitle, body: TimeAloneTexts.beforeBody, request: .scale(.intensity))
        case .followUp(Self.endKey, _):
            return PromptContent(title: TimeAloneTexts.endTitle, body: TimeAloneTexts.endBody, request: .scale(.intensity))
        default:
            let (minutes, grew) = length(after: occasion.previous)
            return PromptContent(
                title: occasion.rotating(TimeAloneTexts.titles),
                body: TimeAloneTexts.body(minutes: minutes, grew: grew),
                request: .choices([
                    Choice(key: "\(Self.startPrefix)\(minutes)", label: TimeAloneTexts.startLabel(minutes)),
                    Choice(key: Self.notNowKey, label: TimeAloneTexts.notNowLabel),
                ]))
        }
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        switch answer.value {
        case .choice(let key) where key.hasPrefix(Self.startPrefix):
            guard let minutes = Self.minutes(inKey: key) else { return .none }
            return Reaction(
                followUps: [FollowUp(after: 0, key: Self.beforeKey), FollowUp(after: minutes * 60, key: Self.endKey)],
                acknowledgement: TimeAloneTexts.startAcknowledgement(minutes))
        case .choice(Self.notNowKey):
            return Reaction(acknowledgement: TimeAloneTexts.notNowAcknowledgement, skips: true)
        case .number where prompt.title == TimeAloneTexts.beforeTitle:
            return Reaction(acknowledgement: TimeAloneTexts.beforeAcknowledgement)
        default:
            return Reaction(acknowledgement: TimeAloneTexts.endAcknowledgement)
        }
    }

    /// The length of the next time alone, and whether it grew, from the last answered invitation.
    func length(after previous: [String: AnswerValue]) -> (minutes: Int, grew: Bool) {
        guard case .choice(let key)? = previous[Occasion.scheduledKey], let last = Self.minutes(inKey: key) else {
            return (settings.minutes, false)
        }
        let current = min(max(last, settings.minutes), settings.longest)
        guard case .number(let end)? = previous[Self.endKey] else { return (current, false) }
        let before: Int? = if case .number(let n)? = previous[Self.beforeKey] { n } else { nil }
        let settled = end <= Self.settledAt || before.map { end <= $0 } == true
        guard settled, current < settings.longest else { return (current, false) }
        return (min(current + settings.step, settings.longest), true)
    }

    /// The minutes in a `start-<minutes>` key.
    static func minutes(inKey key: String) -> Int? {
        guard key.hasPrefix(startPrefix), let minutes = Int(key.dropFirst(startPrefix.count)), minutes > 0 else { return nil }
        return minutes
    }
}
