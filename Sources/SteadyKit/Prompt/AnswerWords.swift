import Foundation
import SteadyLocalization

/// The words a person may type instead of an answer, in English and in their language:
/// "later" (ask again), "skip" (let it pass), "done".
///
/// Each translation lists its words separated by `|` ("später|nachher"); the English words
/// are always understood too, so a person who learnt them keeps being understood.
public enum AnswerWords {
    /// What a typed word asks for, when it is not an answer.
    public enum NonAnswer: Sendable, Hashable {
        /// Ask again later.
        case later
        /// Let this prompt pass.
        case skip
    }

    /// The words for "ask again later", folded (lower case).
    public static var later: Set<String> {
        // TRANSLATORS: words a person may type to be asked again later, separated by |. English "later" always works too.
        words("later", trc("typed answer words", "later"))
    }

    /// The words for "let it pass", folded.
    public static var skip: Set<String> {
        // TRANSLATORS: words a person may type to let a prompt pass, separated by |. English "skip" always works too.
        words("skip", trc("typed answer words", "skip"))
    }

    /// The words that mark a done-only prompt as done, folded.
    public static var done: Set<String> {
        // TRANSLATORS: words a person may type to mark a prompt as done, separated by |. The English ones always work too.
        words("done|yes|y|ok", trc("typed answer words", "done|yes|y|ok"))
    }

    /// "later" or "skip" when `typed` is one of their words (any case, surrounding space ignored).
    public static func nonAnswer(_ typed: String) -> NonAnswer? {
        let folded = fold(typed)
        if later.contains(folded) { return .later }
        if skip.contains(folded) { return .skip }
        return nil
    }

    /// The first word of each, in the person's language, to say what to type:
    /// `'later' to be asked again, or 'skip' to let it pass`.
    public static var hint: String {
        tr("'%1$@' to be asked again, or '%2$@' to let it pass", first(trc("typed answer words", "later")),
           first(trc("typed answer words", "skip")))
    }

    static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func first(_ list: String) -> String {
        String(list.split(separator: "|").first ?? Substring(list))
    }

    private static func words(_ english: String, _ translated: String) -> Set<String> {
        Set((english + "|" + translated).split(separator: "|").map { fold(String($0)) }.filter { !$0.isEmpty })
    }
}
