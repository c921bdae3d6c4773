import Foundation
import SteadyJournal
import SteadyKit

extension Engine {

    /// What came of an answer.
    enum AnswerResult {
        /// Settled for now (answered, or left to rest through quiet hours), with a line for the person.
        case recorded(acknowledgement: String?)
        case snoozed(until: Date)
    }

    /// Records an answer durably, then reacts (snooze, follow-ups) and takes down the bubble.
    ///
    /// Throws when the prompt is unknown or already finished; nothing is changed then.
    func answer(promptID: Int64, value: AnswerValue, note: String?, channel answerChannel: AnswerChannel) throws -> AnswerResult {
        let now = env.clock.now
        guard let prompt = try journal.prompt(promptID) else {
            throw EngineError("There is no prompt #\(promptID); `steady status` lists the ones waiting for an answer.")
        }
        guard prompt.outcome == .pending else {
            throw EngineError("Prompt #\(promptID) is already \(prompt.outcome.rawValue); nothing was changed.")
        }
        let answer = Answer(promptID: promptID, value: value, note: note, answeredAt: now, channel: answerChannel)
        let reaction = config.practice(prompt.practice)?.practice.react(to: answer, prompt: prompt.content) ?? .none

        if let snooze = reaction.snooze, prompt.snoozes < config.sparing.snoozeLimit {
            return try putOff(prompt, by: snooze, onBubble: answerChannel == .notification)
        }

        let outcome: Outcome = reaction.skips ? .skipped : .answered
        let followUps = reaction.followUps.compactMap { followUpDraft($0, of: prompt.practice, from: now, after: value,
                                                                       parentID: prompt.id, entryID: prompt.entryID) }
        // The answer and the questions it brings are stored together, durably, or not at all.
        try journal.recordAnswer(answer, outcome: outcome, followUps: followUps)
        logger.info("prompt answered", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(promptID)",
                                                  "outcome": "\(outcome.rawValue)", "channel": "\(answerChannel.rawValue)"])
        let onBubble = answerChannel == .notification
        let safety = safetyResponse(to: value, for: prompt.content, onNotification: onBubble)
        let nudge = safety == nil ? kitNudge(after: prompt, value: value, onNotification: onBubble) : nil
        let said = [reaction.acknowledgement, nudge].compactMap { $0 }
        let acknowledgement = safety.map { $0.lines.joined(separator: "\n") } ?? (said.isEmpty ? nil : said.joined(separator: "\n"))
        let notice = Notice(title: prompt.content.title, body: acknowledgement ?? "Kept in your journal.", lingers: safety != nil || nudge != nil)
        let handsOver = answerChannel == .notification && safety == nil && nudge == nil && reaction.followUps.contains { $0.after <= 0 }
        if answerChannel != .notification {
            withdraw(promptID)  // answered elsewhere: the bubble goes (CloseNotification)
        } else if handsOver {
            handOverBubble(of: promptID)  // the next question takes the bubble's place
        } else {
            replaceBubble(of: promptID, with: notice)
        }
        retries[promptID] = nil
        if isRunning { tick() }
        if handsOver, let handle = notices.removeValue(forKey: promptID) {
            // No next question took the bubble (it could not be shown): it says thank you instead.
            shown[promptID] = handle
            replaceBubble(of: promptID, with: notice)
        }
        return .recorded(acknowledgement: acknowledgement)
    }

    /// The safety response when the answer rates intensity at or above the configured threshold,
    /// with the person's soothing kit (in the terminal) or a pointer to it (on a notification).
    func safetyResponse(to value: AnswerValue, for content: PromptContent, onNotification: Bool) -> SafetyResponse? {
        guard case .scale(let scale) = content.request, scale == .intensity, case .number(let rating) = value,
              SafetyResponse.check(intensity: rating, settings: config.safety) != nil else { return nil }
        return SafetyResponse.check(intensity: rating, settings: config.safety, kit: kitLine(onNotification: onNotification))
    }

    /// "Later": shows the prompt again after `seconds` (at most `snooze-limit` times). Chosen
    /// on the bubble, the bubble says when, in place, and the prompt comes back in it.
    func putOff(_ prompt: PromptRecord, by seconds: Int, onBubble: Bool = false) throws -> AnswerResult {
        guard prompt.outcome == .pending else {
            throw EngineError("Prompt #\(prompt.id) is already \(prompt.outcome.rawValue); nothing was changed.")
        }
        guard prompt.snoozes < config.sparing.snoozeLimit else {
            throw EngineError("Prompt #\(prompt.id) has come back \(prompt.snoozes) times, as often as steady asks again. It waits here; answer it or skip it whenever suits you.")
        }
        let now = env.clock.now
        var due = now.addingTimeInterval(TimeInterval(seconds))
        if let quiet = quietHours(containing: due) {
            // Nothing asks again at night: the prompt rests, or waits for the morning if its
            // practice defers through quiet hours.
            guard config.practice(prompt.practice)?.quietHoursPolicy == .defer, let end = quiet.end else {
                return try restThroughQuietHours(prompt, startingAt: quiet.start, onBubble: onBubble)
            }
            due = end
        }
        try journal.reschedule(prompt.id, dueAt: due,
                               expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)),
                               at: now, snoozed: true)
        if onBubble {
            replaceBubble(of: prompt.id, with: Notice(
                title: prompt.content.title, body: "Later, then. I'll ask again at \(Self.describe(due, now: now, zone: env.timeZone()))."))
        } else {
            withdraw(prompt.id)
        }
        logger.info("prompt put off", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)", "outcome": "snoozed"])
        if isRunning { tick() }
        return .snoozed(until: due)
    }

    /// "Skip": the person lets this one pass; it ends as `skipped`.
    func skip(_ prompt: PromptRecord, channel answerChannel: AnswerChannel) throws {
        guard try journal.finish(prompt.id, as: .skipped, at: env.clock.now, detail: answerChannel.rawValue) else {
            throw EngineError("Prompt #\(prompt.id) is already \(prompt.outcome.rawValue); nothing was changed.")
        }
        logger.info("prompt skipped", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)", "outcome": "skipped"])
        withdraw(prompt.id)
        if isRunning { tick() }
    }

    /// Carries out a terminal request that is not an answer: "later" or "skip".
    public func handleWithoutAnswer(promptID: Int64, skip skipping: Bool) throws -> String {
        guard let prompt = try journal.prompt(promptID) else {
            throw EngineError("There is no prompt #\(promptID); `steady status` lists the ones waiting for an answer.")
        }
        if skipping {
            try skip(prompt, channel: .terminal)
            return "Let it pass. That's fine."
        }
        switch try putOff(prompt, by: config.sparing.snooze.seconds) {
        case .snoozed(let until): return "I'll ask again at \(Self.describe(until, now: env.clock.now, zone: env.timeZone()))."
        case .recorded(let acknowledgement): return acknowledgement ?? ""
        }
    }

    /// Answers a prompt without a running daemon (from `steady answer`): the same recording
    /// and reactions, no delivery. Returns a short, kind line for the person.
    public func answerWithoutDaemon(promptID: Int64, value: AnswerValue, note: String?) throws -> String? {
        switch try answer(promptID: promptID, value: value, note: note, channel: .terminal) {
        case .recorded(let acknowledgement): return acknowledgement
        case .snoozed(let until): return "I'll ask again at \(Self.describe(until, now: env.clock.now, zone: env.timeZone()))."
        }
    }

    /// Handles what happened on a channel.
    func handle(_ event: ChannelEvent) {
        switch event {
        case .chose(let handle, let key):
            guard let promptID = shown.first(where: { $0.value == handle })?.key,
                  let prompt = try? journal.prompt(promptID), prompt.outcome == .pending else { return }  // a repeat: done already
            switch key {
            case GenericAction.later:
                do { _ = try putOff(prompt, by: config.sparing.snooze.seconds, onBubble: true) } catch {
                    notSaved(prompt, because: error)
                }
                return
            case GenericAction.skip:
                do { try skip(prompt, channel: .notification) } catch {
                    notSaved(prompt, because: error)
                }
                return
            case GenericAction.guide:
                openGuide(for: prompt)
                return
            case GenericAction.answer, GenericAction.defaultKey:
                withdraw(promptID)  // the dialog takes over; lxqt and mako would leave the bubble up
                openDialog(for: prompt)
                return
            default:
                break
            }
            guard let value = try? prompt.content.request.parse(key) else {
                logger.warning("unexpected action from the notification", metadata: ["prompt.id": "\(promptID)"])
                notSaved(prompt, because: UnreadableAnswer(request: prompt.content.request))
                return
            }
            do {
                _ = try answer(promptID: promptID, value: value, note: nil, channel: .notification)
            } catch {
                notSaved(prompt, because: error)
            }
        case .replied(let handle, let text):
            guard let promptID = shown.first(where: { $0.value == handle })?.key,
                  let prompt = try? journal.prompt(promptID), prompt.outcome == .pending else { return }
            do {
                _ = try answer(promptID: promptID, value: .text(text), note: nil, channel: .notification)
            } catch {
                notSaved(prompt, because: error)
            }
        case .dismissed(let handle, let reason):
            notices = notices.filter { $0.value != handle }
            if let promptID = shown.first(where: { $0.value == handle })?.key {
                shown[promptID] = nil
                logger.info("notification closed without an answer; the prompt stays pending",
                            metadata: ["prompt.id": "\(promptID)", "reason": "\(reason)"])
            }
        case .available:
            logger.info("notification server available", metadata: ["server": "\(channel?.serverName ?? "?")"])
            adoptBubblesLeftBehind()
            deliverDue(now: env.clock.now, includingShownBefore: true)
            env.notifier.status(statusLine())
        case .unavailable:
            logger.info("notification server gone; prompts stay pending")
            shown.removeAll()
            notices.removeAll()
            leftBehind.removeAll()
        }
    }
}

extension Engine {
    /// Opens the answer dialog for a text prompt; a typed answer is recorded like any other.
    func openDialog(for prompt: PromptRecord) {
        let steadyPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "steady"
        guard let (argv, printsAnswer) = AnswerDialog.command(configured: config.answerCommand, prompt: prompt, steadyPath: steadyPath) else {
            logger.notice("no dialog program found; the prompt stays answerable with `steady answer`", metadata: ["prompt.id": "\(prompt.id)"])
            return
        }
        let engine = QueueConfined(self)
        let logger = logger
        let program = argv[0]
        AnswerDialog.ask(argv, prompt: prompt) { [queue] reply in
            switch reply {
            case .notStarted(let reason):
                logger.warning("the answer dialog could not be started; the prompt stays answerable",
                               metadata: ["prompt.id": "\(prompt.id)", "program": "\(program)", "reason": "\(reason)"])
            case .notNow:
                break
            case .answered(let text):
                guard printsAnswer else { return }
                queue.async {
                    let engine = engine.value
                    engine.recordDialogAnswer(text, for: prompt)
                }
            }
        }
    }

    /// Opens a terminal running the practice's guide; the bubble goes, the prompt waits for
    /// the guided session to answer it (or for any other answer, or its expiry).
    func openGuide(for prompt: PromptRecord) {
        guard let arguments = config.practice(prompt.practice)?.practice.guideCommand,
              let terminal = TerminalLauncher.terminal() else { return }
        let steadyPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "steady"
        withdraw(prompt.id)
        let logger = logger
        TerminalLauncher.open(TerminalLauncher.command(arguments, steadyPath: steadyPath, terminal: terminal)) { outcome in
            switch outcome {
            case .started:
                logger.info("guide opened in a terminal", metadata: ["prompt.id": "\(prompt.id)", "guide": "\(arguments.joined(separator: " "))"])
            case .notStarted(let reason):
                logger.warning("the terminal could not be started; the prompt stays answerable",
                               metadata: ["prompt.id": "\(prompt.id)", "terminal": "\(terminal)", "reason": "\(reason)"])
            }
        }
    }

    private func recordDialogAnswer(_ text: String, for prompt: PromptRecord) {
        guard let current = try? journal.prompt(prompt.id), current.outcome == .pending else { return }  // answered meanwhile
        guard let value = try? prompt.content.request.parse(text) else {
            logger.warning("the dialog's answer does not fit the prompt", metadata: ["prompt.id": "\(prompt.id)"])
            notSaved(current, because: UnreadableAnswer(request: prompt.content.request))
            return
        }
        do {
            _ = try answer(promptID: prompt.id, value: value, note: nil, channel: .notification)
        } catch {
            notSaved(current, because: error)
        }
    }

    /// How long after a choice that could not be saved the prompt is offered again.
    static let retryAfter: TimeInterval = 120

    /// What the person chose on a bubble or in the dialog could not be saved: they are told,
    /// where the bubble was, and the prompt comes back a little later (it stays pending in the
    /// journal; the time it comes back is kept in memory, since the journal may be what failed).
    func notSaved(_ prompt: PromptRecord, because error: any Error) {
        if let refusal = error as? JournalError, refusal.code == .alreadyFinished || refusal.code == .unknownPrompt { return }
        logger.error("a choice made on a notification could not be saved; the prompt will come back",
                     metadata: ["prompt.id": "\(prompt.id)", "error": "\(error)"])
        let now = env.clock.now
        let again = now.addingTimeInterval(Self.retryAfter)
        retries[prompt.id] = again
        let reason = (error as? JournalError)?.description ?? (error as? UnreadableAnswer)?.description ?? "Something went wrong."
        tell(Notice(title: prompt.content.title,
                    body: "\(reason) I'll ask again at \(Self.describe(again, now: now, zone: env.timeZone())).",
                    lingers: true),
             aboutPrompt: prompt.id)
        if isRunning { tick() }
    }
}

/// A choice that does not fit the question (an action key or a typed answer it cannot read).
struct UnreadableAnswer: Error, CustomStringConvertible {
    let request: AnswerRequest
    var description: String { "That answer did not fit this question (it asks for \(request.expectation)), so nothing was saved." }
}

/// A request the engine could not carry out, in a sentence a person can act on.
struct EngineError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
