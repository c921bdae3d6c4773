import Foundation
import SteadyKit

/// A scheduled occasion on a given day number (days since 1970), at noon UTC of that day.
func scheduledOccasion(day: Int = 20_000) -> Occasion {
    Occasion(reason: .scheduled, slot: Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200), dayNumber: day)
}

/// An answer to a prompt, as the engine would hand it to a practice.
func answer(_ value: AnswerValue, note: String? = nil) -> Answer {
    Answer(promptID: 1, value: value, note: note, answeredAt: Date(timeIntervalSince1970: 1_728_000_000), channel: .terminal)
}

/// The choices of a prompt, or an empty list when it asks for something else.
func choices(of prompt: PromptContent) -> [Choice] {
    if case .choices(let choices) = prompt.request { return choices }
    return []
}

/// Decodes settings from a table, returning the error instead of throwing it.
func settingsError<S: PracticeSettings>(_ type: S.Type, _ table: [String: SettingValue]) -> SettingsError? {
    do {
        _ = try S.decode(from: table)
        return nil
    } catch {
        return error
    }
}
