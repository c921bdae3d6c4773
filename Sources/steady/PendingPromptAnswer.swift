import Foundation
import Logging
import SteadyConfig
import SteadyControl
import SteadyDaemon
import SteadyJournal
import SteadyKit

/// Answers the waiting prompts of `practice` on the person's behalf after a tool did what
/// the prompt invited (e.g. `steady assess` and the monthly `self-assessment` check-in):
/// through the daemon when it runs, so the notification is taken down, else directly in
/// the journal with the same reactions. Returns the practice's acknowledgement, if any.
///
/// Mirrors `steady answer`; problems are reported and do not fail the tool, whose own
/// result is already saved.
func answerWaitingPrompts(of practice: PracticeID, with value: AnswerValue, journal: Journal, configPath: String?) -> [String] {
    let now = Date()
    let waiting = ((try? journal.pendingPrompts()) ?? []).filter { $0.practice == practice && $0.dueAt <= now }
    var acknowledgements: [String] = []
    for prompt in waiting {
        do {
            switch try ControlClient().send(.answer(promptID: prompt.id, value: value, note: nil)) {
            case .answered(_, let acknowledgement)?:
                acknowledgements += acknowledgement.map { [$0] } ?? []
            case .failure(let message)?:
                printError("the check-in #\(prompt.id) was left as it is: \(message)")
            case .status?:
                printError("the daemon gave an unexpected reply; check-in #\(prompt.id) may still be waiting.")
            case nil:
                let loader = ConfigLoader(registry: registry)
                let engine = Engine(
                    environment: .init(loader: loader, configPath: configPath, journal: journal, clock: SystemClock(),
                                       logger: Logger(label: "steady", factory: { _ in SwiftLogNoOpLogHandler() })),
                    config: try loader.load(path: configPath), queue: DispatchQueue(label: "steady.tools"))
                if let acknowledgement = try engine.answerWithoutDaemon(promptID: prompt.id, value: value, note: nil) {
                    acknowledgements.append(acknowledgement)
                }
            }
        } catch {
            printError("the check-in #\(prompt.id) is still waiting (\(error)); `steady answer \(prompt.id)` can close it.")
        }
    }
    return acknowledgements
}
