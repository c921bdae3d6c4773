import Foundation
import SteadyControl
import SteadyJournal
import SteadyLocalization

extension Engine {
    /// Answers a control-socket request. Runs on the engine queue.
    func handle(_ request: ControlRequest, reply: @escaping (ControlResponse) -> Void) {
        switch request {
        case .status:
            reply(.status(DaemonStatus(
                pid: getpid(), startedAt: startedAt, configSource: config.source, reloadProblem: reloadProblem,
                upcoming: upcoming().map { DaemonStatus.Upcoming(practice: $0.0, at: $0.1) },
                notificationServer: bubbles.isAvailable ? bubbles.serverName : nil)))
        case .answer(let promptID, let value, let note):
            do {
                switch try answer(promptID: promptID, value: value, note: note, channel: .terminal) {
                case .recorded(let acknowledgement):
                    reply(.answered(promptID: promptID, acknowledgement: acknowledgement))
                case .snoozed(let until):
                    reply(.answered(promptID: promptID, acknowledgement: Self.askAgain(at: until, now: env.clock.now, zone: env.timeZone())))
                }
            } catch {
                reply(Self.failure(error))
            }
        case .later(let promptID), .skip(let promptID):
            var skipping = false
            if case .skip = request { skipping = true }
            do {
                reply(.answered(promptID: promptID, acknowledgement: try handleWithoutAnswer(promptID: promptID, skip: skipping)))
            } catch {
                reply(Self.failure(error))
            }
        case .followUpEntry(let entryID):
            do { reply(.followUps(at: try scheduleFollowUps(forEntry: entryID))) } catch { reply(Self.failure(error)) }
        case .entryFollowedUp(let entryID, let followUpEntryID):
            do {
                reply(.closed(count: try closeFollowUps(ofEntry: entryID, followUpEntryID: followUpEntryID)))
            } catch {
                reply(Self.failure(error))
            }
        }
    }

    /// A failed request as the CLI reads it: a journal error is one it may try again.
    static func failure(_ error: any Error) -> ControlResponse {
        let refusal: Set<JournalError.Code> = [.notFound, .unknownPrompt, .alreadyFinished]
        let notStored = (error as? JournalError).map { !refusal.contains($0.code) } ?? false
        return .failure(message: "\(error)", notStored: notStored ? true : nil)
    }
}
