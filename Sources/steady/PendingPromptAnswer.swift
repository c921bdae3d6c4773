import Foundation
import SteadyCheckIn
import SteadyConfig
import SteadyControl
import SteadyJournal
import SteadyKit
import SteadyLocalization

/// Carries out an answer, "later" or "skip": through the running daemon, so the notification
/// is taken down, else with the check-in service on the journal (the same rules the daemon
/// applies). Returns the line for the person.
///
/// A refusal is thrown, never returned: `CheckInError` (no such prompt, already answered…),
/// `DaemonRefusal` when the daemon refused in its own words, `NotStored` when the daemon could
/// not store it, `ControlError` when the daemon did not confirm, `ConfigError` when the config
/// cannot be read for the reactions, `JournalError` when the journal could not be written.
func carryOut(_ request: ControlRequest, journal: Journal, configPath: String?) throws -> String? {
    try viaDaemonElseService(request, journal: journal, configPath: configPath,
                             reply: { if case .answered(_, let acknowledgement) = $0 { .some(acknowledgement) } else { nil } },
                             offline: { service in
                                 switch request {
                                 case .answer(let promptID, let value, let note):
                                     return service.reply(to: try service.answer(promptID: promptID, value: value, note: note, channel: .terminal))
                                 case .skip(let promptID):
                                     _ = try service.skip(promptID: promptID, channel: .terminal)
                                     return CheckInService.skipped
                                 case .later(let promptID):
                                     return service.reply(to: try service.later(promptID: promptID))
                                 case .status, .followUpEntry, .entryFollowedUp:
                                     throw UnexpectedReply()
                                 }
                             })
}

/// The check-in service without a daemon: the same journal writes and reactions, no
/// delivery. What the daemon has not picked up yet it finds in the journal when it next looks.
func checkInService(journal: Journal, configPath: String?) throws -> CheckInService {
    CheckInService(journal: journal, config: try ConfigLoader(registry: registry).load(path: configPath))
}

/// Schedules the check-ins that follow a new entry: through the daemon, which then shows
/// them when due, else in the journal for the daemon to find. Returns when they come.
func scheduleFollowUps(forEntry entryID: Int64, journal: Journal, configPath: String?) throws -> [Date] {
    try viaDaemonElseService(.followUpEntry(entryID: entryID), journal: journal, configPath: configPath,
                             reply: { if case .followUps(let dates) = $0 { dates } else { nil } },
                             offline: { try $0.scheduleFollowUps(forEntry: entryID) })
}

/// Ends the check-ins still waiting about `entryID`, now followed up in the terminal; the
/// daemon takes their bubbles down. Returns how many.
func closeFollowUps(ofEntry entryID: Int64, followUpEntryID: Int64, journal: Journal, configPath: String?) throws -> Int {
    try viaDaemonElseService(.entryFollowedUp(entryID: entryID, followUpEntryID: followUpEntryID), journal: journal,
                             configPath: configPath,
                             reply: { if case .closed(let count) = $0 { count } else { nil } },
                             offline: { try $0.closeFollowUps(ofEntry: entryID, followUpEntryID: followUpEntryID).count })
}

/// Sends `request` to the daemon and reads its reply with `reply`; without a daemon, does the
/// same with the check-in service on the journal (`offline`).
private func viaDaemonElseService<T>(
    _ request: ControlRequest, journal: Journal, configPath: String?,
    reply: (ControlResponse) -> T?, offline: (CheckInService) throws -> T
) throws -> T {
    switch try askDaemon(request) {
    case .failure(let message, let notStored)?:
        if notStored == true { throw NotStored(message: message) }
        throw DaemonRefusal(message: message)
    case let response?:
        guard let value = reply(response) else { throw UnexpectedReply() }
        return value
    case nil:
        return try offline(checkInService(journal: journal, configPath: configPath))
    }
}

/// The daemon could not store what was asked (disk full, journal busy…), in its own words:
/// reported like a journal error of the CLI's own (exit status 74).
struct NotStored: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The daemon refused what was asked (no such prompt, already answered…), in its own words.
struct DaemonRefusal: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The daemon answered with something that is not a reply to the request.
struct UnexpectedReply: Error, CustomStringConvertible {
    var description: String { tr("the daemon gave an unexpected reply; is it the same version as this command?") }
}

/// Answers the waiting prompts of `practice` on the person's behalf after a tool did what
/// the prompt invited (e.g. `steady assess` and the monthly `self-assessment` check-in),
/// the way `steady answer` does. Returns the practice's acknowledgements.
///
/// Problems are reported and do not fail the tool, whose own result is already saved.
func answerWaitingPrompts(of practice: PracticeID, with value: AnswerValue, journal: Journal, configPath: String?) -> [String] {
    answerWaitingPrompts(where: { $0.practice == practice }, with: value, journal: journal, configPath: configPath)
}

/// Answers the waiting check-ins a calming tool has just carried out: prompts of practices
/// that offer a guide ("Guide me" on morning-mindfulness runs `steady breathe box`) and have
/// the technique practised (`key`, e.g. `box` or `grounding`) among their choices.
func answerGuidedCheckIns(choosing key: String, journal: Journal, configPath: String?) -> [String] {
    guard let config = try? ConfigLoader(registry: registry).load(path: configPath) else { return [] }
    let guided = Set(config.practices.filter { $0.practice.guideCommand != nil }.map(\.id))
    return answerWaitingPrompts(
        where: { guided.contains($0.practice) && $0.content.request.actionChoices.contains { $0.key == key } },
        with: .choice(key), journal: journal, configPath: configPath)
}

private func answerWaitingPrompts(
    where matches: (PromptRecord) -> Bool, with value: AnswerValue, journal: Journal, configPath: String?
) -> [String] {
    let waiting = ((try? CheckInService.waiting(in: journal)) ?? []).filter(matches)
    var acknowledgements: [String] = []
    for prompt in waiting {
        do {
            let acknowledgement = try carryOut(.answer(promptID: prompt.id, value: value, note: nil), journal: journal, configPath: configPath)
            acknowledgements += acknowledgement.map { [$0] } ?? []
        } catch let refusal as CheckInError {
            printError(tr("the check-in #%1$@ was left as it is: %2$@", prompt.id, refusal))
        } catch let refusal as DaemonRefusal {
            printError(tr("the check-in #%1$@ was left as it is: %2$@", prompt.id, refusal))
        } catch is UnexpectedReply {
            printError(tr("the daemon gave an unexpected reply; check-in #%1$@ may still be waiting.", prompt.id))
        } catch {
            printError(tr("the check-in #%1$@ is still waiting (%2$@); `steady answer %3$@` can close it.", prompt.id, "\(error)", prompt.id))
        }
    }
    return acknowledgements
}
