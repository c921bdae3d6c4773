import SteadyKit

/// The before/after loop around a calming practice: rate how strong the feeling is (Enter
/// skips), practise, rate again, and keep both with the session in one `CalmingEntry`.
public struct CalmingFlow {
    public let asker: Asker

    public init(asker: Asker) { self.asker = asker }

    /// What came of a calming practice.
    public enum Outcome: Sendable, Hashable {
        /// Practised (all the way or part of it): the entry to save.
        case practised(FormResponse, SessionProgress)
        /// Stopped at the first question, before anything was done: nothing to save.
        case stoppedBeforeStart(FormStop)
    }

    /// Asks the first rating, runs `session`, asks the second (not after Ctrl-C), and
    /// builds the entry.
    public func run(technique: String, session: () -> SessionProgress) -> Outcome {
        let form = CalmingEntry.form
        let before: Int?
        switch asker.ask(CalmingEntry.beforeField, of: form) {
        case .success(let value): before = value.flatMap(Self.number)
        case .failure(let stop): return .stoppedBeforeStart(stop)
        }
        let progress = session()
        var after: Int?
        if progress.finished {
            if case .success(let value) = asker.ask(CalmingEntry.afterField, of: form) {
                after = value.flatMap(Self.number)
            }
        }
        let response = CalmingEntry.response(technique: technique, before: before, after: after, progress: progress)
        return .practised(response, progress)
    }

    static func number(_ value: AnswerValue) -> Int? {
        if case .number(let n) = value { return n }
        return nil
    }
}
