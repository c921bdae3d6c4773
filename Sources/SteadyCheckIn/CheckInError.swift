import SteadyJournal
import SteadyKit
import SteadyLocalization

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
            tr("There is no prompt #%1$@; `steady status` lists the ones waiting for an answer.", id)
        case .alreadyFinished(let id, let outcome):
            tr("Prompt #%1$@ is already %2$@; nothing was changed.", id, Self.word(outcome))
        case .snoozeLimitReached(let id, let times):
            Translation.sentences(
                trn("Prompt #%2$@ has come back %1$d time, as often as steady asks again.",
                    "Prompt #%2$@ has come back %1$d times, as often as steady asks again.", times, id),
                tr("It waits here; answer it or skip it whenever suits you."))
        case .noSuchEntry(let id):
            tr("There is no entry #%1$@; `steady history --entries` lists them.", id)
        case .answerDoesNotFit(let expectation):
            tr("That answer did not fit this question (it asks for %1$@), so nothing was saved.", expectation)
        }
    }

    /// The outcome as it reads inside the sentence above ("already answered").
    private static func word(_ outcome: Outcome) -> String {
        switch outcome {
        case .pending: trc("a prompt is already …", "pending")
        case .answered: trc("a prompt is already …", "answered")
        case .skipped: trc("a prompt is already …", "skipped")
        case .expired: trc("a prompt is already …", "expired")
        case .missed: trc("a prompt is already …", "missed")
        case .suppressed: trc("a prompt is already …", "suppressed")
        case .undelivered: trc("a prompt is already …", "undelivered")
        }
    }
}
