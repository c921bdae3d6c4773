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
    switch try askDaemon(request) {
    case .answered(_, let acknowledgement)?:
        return .done(acknowledgement)
    case .failure(let message, let notStored)?:
        if notStored == true { throw NotStored(message: message) }
        return .refused(message)
    case .status?, .followUps?, .closed?:
        return .unexpectedReply
    case nil:
        let engine = try offlineEngine(journal: journal, configPath: configPath)
        switch request {
        case .answer(let promptID, let value, let note):
            return .done(try engine.answerWithoutDaemon(promptID: promptID, value: value, note: note))
        case .skip(let promptID):
            return .done(try engine.handleWithoutAnswer(promptID: promptID, skip: true))
        case .later(let promptID):
            return .done(try engine.handleWithoutAnswer(promptID: promptID, skip: false))
        case .status, .followUpEntry, .entryFollowedUp:
            return .unexpectedReply
        }
    }
}

/// The engine without a daemon: the same journal writes and reactions, no delivery. What
/// the daemon has not picked up yet it finds in the journal when it next looks.
func offlineEngine(journal: Journal, configPath: String?) throws -> Engine {
    let loader = ConfigLoader(registry: registry)
    return Engine(
        environment: .init(loader: loader, configPath: configPath, journal: journal, clock: SystemClock(),
                           logger: Logger(label: "steady", factory: { _ in SwiftLogNoOpLogHandler() })),
        config: try loader.load(path: configPath), queue: DispatchQueue(label: "steady.offline"))
}

/// Schedules the check-ins that follow a new entry: through the daemon, which then shows
/// them when due, else in the journal for the daemon to find. Returns when they come.
func scheduleFollowUps(forEntry entryID: Int64, journal: Journal, configPath: String?) throws -> [Date] {
    try viaDaemonElseJournal(.followUpEntry(entryID: entryID), journal: journal, configPath: configPath,
                             reply: { if case .followUps(let dates) = $0 { dates } else { nil } },
                             offline: { try $0.scheduleFollowUps(forEntry: entryID) })
}

/// Ends the check-ins still waiting about `entryID`, now followed up in the terminal; the
/// daemon takes their bubbles down. Returns how many.
func closeFollowUps(ofEntry entryID: Int64, followUpEntryID: Int64, journal: Journal, configPath: String?) throws -> Int {
    try viaDaemonElseJournal(.entryFollowedUp(entryID: entryID, followUpEntryID: followUpEntryID), journal: journal,
                             configPath: configPath,
                             reply: { if case .closed(let count) = $0 { count } else { nil } },
                             offline: { try $0.closeFollowUps(ofEntry: entryID, followUpEntryID: followUpEntryID) })
}

/// Sends `request` to the daemon and reads its reply with `reply`; without a daemon, does the
/// same with an engine on the journal (`offline`).
private func viaDaemonElseJournal<T>(
    _ request: ControlRequest, journal: Journal, configPath: String?,
    reply: (ControlResponse) -> T?, offline: (Engine) throws -> T
) throws -> T {
    switch try askDaemon(request) {
    case .failure(let message, let notStored)?:
        if notStored == true { throw NotStored(message: message) }
        throw EngineRefusal(message: message)
    case let response?:
        guard let value = reply(response) else {
            throw EngineRefusal(message: "the daemon gave an unexpected reply; is it the same version as this command?")
        }
        return value
    case nil:
        return try offline(offlineEngine(journal: journal, configPath: configPath))
    }
}

/// The daemon could not store what was asked (disk full, journal busy…), in its own words:
/// reported like a journal error of the CLI's own (exit status 74).
struct NotStored: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The daemon could not do what was asked, in its own words.
struct EngineRefusal: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
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
    let now = Date()
    let waiting = ((try? journal.pendingPrompts()) ?? []).filter { matches($0) && $0.dueAt <= now }
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
