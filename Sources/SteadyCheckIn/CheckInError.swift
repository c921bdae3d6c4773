import SteadyJournal
import SteadyKit

/// A check-in request the service refused, each with one sentence a person can act on.
///
/// Nothing was changed when one of these is thrown. Journal failures (disk full, a busy or
/// unreadable file) are thrown as the journal's own `JournalError` instead.
public enum CheckInError: Error, Equatable, CustomStringConvertible {
    /// No prompt has this number.
    case noSuchPrompt(Int64)
    /// The prompt ended before (answered elsewhere, skipped, expired).
    case alreadyFinished(Int64, Outcome)
    /// "Later" was asked for as often as the config allows (`snooze-limit`).
    case snoozeLimitReached(Int64, times: Int)
    /// No entry has this number (a follow-up was asked for about it).
    case noSuchEntry(Int64)
    /// The answer does not fit the question: an action key or typed text it cannot read.
    case answerDoesNotFit(expectation: String)

    /// What a refusal means for a script: the prompt or entry is not there to act on, or the
    /// value given does not fit it.
    public enum Kind: Sendable {
        case notFound
        case doesNotFit
    }

    public var kind: Kind {
        switch self {
        case .noSuchPrompt, .alreadyFinished, .snoozeLimitReached, .noSuchEntry: .notFound
        case .answerDoesNotFit: .doesNotFit
        }
    }

    public var description: String {
        switch self {
        case .noSuchPrompt(let id):
            "There is no prompt #\(id); `steady status` lists the ones waiting for an answer."
        case .alreadyFinished(let id, let outcome):
            "Prompt #\(id) is already \(outcome.rawValue); nothing was changed."
        case .snoozeLimitReached(let id, let times):
            "Prompt #\(id) has come back \(times) times, as often as steady asks again. It waits here; answer it or skip it whenever suits you."
        case .noSuchEntry(let id):
            "There is no entry #\(id); `steady history --entries` lists them."
        case .answerDoesNotFit(let expectation):
            "That answer did not fit this question (it asks for \(expectation)), so nothing was saved."
        }
    }
}
