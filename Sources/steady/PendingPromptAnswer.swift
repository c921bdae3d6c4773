import Foundation
import Logging
import SteadyConfig
import SteadyControl
import SteadyDaemon
import SteadyJournal
import SteadyKit

/// What became of a request about one prompt.
enum PromptRequestResult {
    /// Done; the practice's acknowledgement, if any.
    case done(String?)
    /// The daemon refused it, with its reason (no such prompt, already answered…).
    case refused(String)
    /// The daemon answered with something that is not a reply to this request.
    case unexpectedReply
}

/// Carries out an answer, "later" or "skip": through the running daemon, so the notification
/// is taken down, else directly in the journal with the reactions the daemon would apply.
///
/// Throws `ControlError` when the daemon did not confirm, `ConfigError` when the config
/// cannot be read for the reactions, and other errors when the journal could not be written.
func carryOut(_ request: ControlRequest, journal: Journal, configPath: String?) throws -> PromptRequestResult {
    switch try ControlClient().send(request) {
    case .answered(_, let acknowledgement)?:
        return .done(acknowledgement)
    case .failure(let message)?:
        return .refused(message)
    case .status?:
        return .unexpectedReply
    case nil:
        let loader = ConfigLoader(registry: registry)
        let engine = Engine(
            environment: .init(loader: loader, configPath: configPath, journal: journal, clock: SystemClock(),
                               logger: Logger(label: "steady", factory: { _ in SwiftLogNoOpLogHandler() })),
            config: try loader.load(path: configPath), queue: DispatchQueue(label: "steady.offline"))
        switch request {
        case .answer(let promptID, let value, let note):
            return .done(try engine.answerWithoutDaemon(promptID: promptID, value: value, note: note))
        case .skip(let promptID):
            return .done(try engine.handleWithoutAnswer(promptID: promptID, skip: true))
        case .later(let promptID):
            return .done(try engine.handleWithoutAnswer(promptID: promptID, skip: false))
        case .status:
            return .unexpectedReply
        }
    }
}

/// Answers the waiting prompts of `practice` on the person's behalf after a tool did what
/// the prompt invited (e.g. `steady assess` and the monthly `self-assessment` check-in),
/// the way `steady answer` does. Returns the practice's acknowledgements.
///
/// Problems are reported and do not fail the tool, whose own result is already saved.
func answerWaitingPrompts(of practice: PracticeID, with value: AnswerValue, journal: Journal, configPath: String?) -> [String] {
    let now = Date()
    let waiting = ((try? journal.pendingPrompts()) ?? []).filter { $0.practice == practice && $0.dueAt <= now }
    var acknowledgements: [String] = []
    for prompt in waiting {
        do {
            switch try carryOut(.answer(promptID: prompt.id, value: value, note: nil), journal: journal, configPath: configPath) {
            case .done(let acknowledgement):
                acknowledgements += acknowledgement.map { [$0] } ?? []
            case .refused(let message):
                printError("the check-in #\(prompt.id) was left as it is: \(message)")
            case .unexpectedReply:
                printError("the daemon gave an unexpected reply; check-in #\(prompt.id) may still be waiting.")
            }
        } catch {
            printError("the check-in #\(prompt.id) is still waiting (\(error)); `steady answer \(prompt.id)` can close it.")
        }
    }
    return acknowledgements
}
