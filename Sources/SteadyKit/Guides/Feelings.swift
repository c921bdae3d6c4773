import Foundation
import SteadyLocalization

/// Feeling words: a short list to pick from, or a word of one's own.
///
/// Naming a feeling more finely than "fine" or "anxious" (worry from excitement, sadness from
/// feeling let down, anger from hurt) makes it easier to say what would help. The trigger journal,
/// the evening reflection, `steady ask` and `steady check` offer one optional word each; stats
/// count the words from the list, and own words as "own words" (what a person writes stays
/// theirs).
public enum Feelings {
    /// The list the terminal tools offer, in pairs that are easy to mix up.
    public static var words: [Choice] { [
        Choice(key: "anxious", label: tr("anxious")), Choice(key: "excited", label: tr("excited")),
        Choice(key: "sad", label: tr("sad")), Choice(key: "let-down", label: tr("let down")),
        Choice(key: "hurt", label: tr("hurt")), Choice(key: "angry", label: tr("angry")),
        Choice(key: "lonely", label: tr("lonely")), Choice(key: "insecure", label: tr("insecure")),
        Choice(key: "overwhelmed", label: tr("overwhelmed")), Choice(key: "tired", label: tr("tired")),
        Choice(key: "calm", label: tr("calm")), Choice(key: "hopeful", label: tr("hopeful")),
    ] }

    /// The shorter list a notification can show as buttons (the evening reflection).
    public static var eveningWords: [Choice] {
        let list = words
        return ["calm", "hopeful", "tired", "anxious", "sad", "lonely"].compactMap { key in list.first { $0.key == key } }
    }

    /// Choice key on a notification for "a word of my own", asked for next as text.
    public static let ownKey = "own"
    /// The label of `ownKey`.
    public static var ownLabel: String { tr("Another word") }

    /// The key stats use for words the person wrote themselves.
    public static let ownWordsKey = "own words"

    /// An optional feeling-word field for a form: one of `words`, by number or name, or the
    /// person's own word (kept as text).
    public static func field(key: String, question: String, hint: String? = nil) -> FormField {
        FormField(key: key, question: question, hint: hint ?? Self.hint, request: .choices(words), isOptional: true,
                  acceptsOwnWords: true)
    }

    /// The hint under a feeling question.
    public static var hint: String { tr("Pick a number, or type a word of your own.") }

    /// The word a value stands for: a listed word, or the person's own (trimmed, in lower case).
    public static func word(_ value: AnswerValue?) -> String? {
        switch value {
        case .choice(let key): words.first { $0.key == key }?.label ?? key
        case .text(let text):
            text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().nonEmpty
        default: nil
        }
    }
}

extension String {
    /// Nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }

    /// The string with its first letter in lower case ("Box breathing" → "box breathing").
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
