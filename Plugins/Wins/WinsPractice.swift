import SteadyKit
import SteadyLocalization

/// Collects evidence against old fears and small successes, one short note at a time.
///
/// Over time the journal holds a list the person can read back when the old fear is loud.
public struct WinsPractice: Practice {
    public typealias Settings = WinsSettings

    public static let id: PracticeID = "wins"
    public static var displayName: String { tr("Wins and evidence") }
    public static var summary: String { tr("Asks for one small success, or one thing that didn't fit an old fear.") }
    public static let defaultSchedule = ["Mon,Thu 19:00"]

    public init(settings: Settings) {}

    public func prompt(for occasion: Occasion) -> PromptContent {
        let words = occasion.rotating(WinsTexts.prompts)
        return PromptContent(title: words.title, body: words.body, request: .text(placeholder: WinsTexts.placeholder))
    }

    public func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        Reaction(acknowledgement: WinsTexts.acknowledgement)
    }
}
