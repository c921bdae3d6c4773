import SteadyKit
import SteadyLocalization

/// A short self-kindness prompt: what would you tell a friend? The answer is a few words of text.
public struct SelfCompassionPractice: Practice {
    public typealias Settings = SelfCompassionSettings

    public static let id: PracticeID = "self-compassion"
    public static var displayName: String { tr("Self-compassion") }
    public static var summary: String { tr("Asks for a few kind words to yourself, the way you'd speak to a friend.") }
    public static let defaultSchedule = ["Tue,Fri 13:00"]

    public init(settings: Settings) {}

    public func prompt(for occasion: Occasion) -> PromptContent {
        let words = occasion.rotating(SelfCompassionTexts.prompts)
        return PromptContent(title: words.title, body: words.body, request: .text(placeholder: SelfCompassionTexts.placeholder))
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        Reaction(acknowledgement: SelfCompassionTexts.acknowledgement)
    }
}
