import Foundation
import SteadyCheckIn
import SteadyJournal
import SteadyKit
import SteadyLocalization

extension Engine {

    /// What came of an answer, for the bubble and the control socket.
    enum AnswerResult {
        /// Settled for now (answered, or left to rest through quiet hours), with a line for the person.
        case recorded(acknowledgement: String?)
        case snoozed(until: Date)
    }

    /// Records an answer durably through the check-in service, then takes down the bubble, or
    /// turns it into the acknowledgement, or hands it to the next question.
    ///
    /// Throws `CheckInError` when the prompt is unknown or already finished; nothing is changed then.
    func answer(promptID: Int64, value: AnswerValue, note: String?, channel answerChannel: AnswerChannel) throws -> AnswerResult {
        let onBubble = answerChannel == .notification
        let answered: CheckInService.Answered
        switch try checkIn.answer(promptID: promptID, value: value, note: note, channel: answerChannel) {
        case .putOff(let putOff):
            return afterPutOff(putOff, onBubble: onBubble)
        case .recorded(let recorded):
            answered = recorded
        }
        let prompt = answered.prompt
        let acknowledgement = answered.acknowledgement
        let notice = Notice(title: prompt.content.title, body: acknowledgement ?? tr("Kept in your journal."), lingers: answered.lingers)
        let handsOver = onBubble && !answered.lingers && answered.asksNextRightAway
        if !onBubble {
            withdraw(promptID)  // answered elsewhere: the bubble goes (CloseNotification)
        } else if handsOver {
            handOverBubble(of: promptID)  // the next question takes the bubble's place
        } else {
            replaceBubble(of: promptID, with: notice)
        }
        retries[promptID] = nil
        if isRunning { tick() }
        if handsOver {
            // No next question took the bubble (it could not be shown): it says thank you instead.
            bubbles.keepHandedOver(promptID, showing: notice)
        }
        return .recorded(acknowledgement: acknowledgement)
    }

    /// "Later": shows the prompt again after `seconds` (at most `snooze-limit` times). Chosen
    /// on the bubble, the bubble says when, in place, and the prompt comes back in it.
    func putOff(_ prompt: PromptRecord, by seconds: Int, onBubble: Bool = false) throws -> AnswerResult {
        afterPutOff(try checkIn.later(prompt, by: seconds), onBubble: onBubble)
    }

    /// The bubble after "Later": it says when (or that the prompt rests through quiet hours),
    /// in place; from elsewhere it goes.
    private func afterPutOff(_ putOff: CheckInService.PutOff, onBubble: Bool) -> AnswerResult {
        let prompt = putOff.prompt
        if onBubble {
            replaceBubble(of: prompt.id, with: Notice(title: prompt.content.title, body: checkIn.bubbleWords(for: putOff)))
        } else {
            withdraw(prompt.id)
        }
        if isRunning { tick() }
        switch putOff {
        case .snoozed(_, let until): return .snoozed(until: until)
        case .rested(_, let words): return .recorded(acknowledgement: words)
        }
    }

    /// "Skip": the person lets this one pass; it ends as `skipped`.
    func skip(_ prompt: PromptRecord, channel answerChannel: AnswerChannel) throws {
        try checkIn.skip(prompt, channel: answerChannel)
        withdraw(prompt.id)
        if isRunning { tick() }
    }

    /// Carries out a terminal request that is not an answer: "later" or "skip".
    public func handleWithoutAnswer(promptID: Int64, skip skipping: Bool) throws -> String {
        if skipping {
            let prompt = try checkIn.skip(promptID: promptID, channel: .terminal)
            withdraw(prompt.id)
            if isRunning { tick() }
            return CheckInService.skipped
        }
        let putOff = try checkIn.later(promptID: promptID)
        _ = afterPutOff(putOff, onBubble: false)
        return checkIn.reply(to: putOff)
    }

    /// Answers a prompt from the terminal (`steady answer` through the control socket): the
    /// same recording and reactions; the bubble goes. Returns a short, kind line for the person.
    public func answerFromTerminal(promptID: Int64, value: AnswerValue, note: String?) throws -> String? {
        switch try answer(promptID: promptID, value: value, note: note, channel: .terminal) {
        case .recorded(let acknowledgement): return acknowledgement
        case .snoozed(let until): return Self.askAgain(at: until, now: env.clock.now, zone: env.timeZone())
        }
    }

    /// Handles what happened on the channel, by prompt.
    func receive(_ event: PromptEvent) {
        switch event {
        case .chose(let promptID, let key):
            guard let prompt = try? journal.prompt(promptID), prompt.outcome == .pending else { return }  // a repeat: done already
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
                notSaved(prompt, because: CheckInError.answerDoesNotFit(expectation: prompt.content.request.expectation))
                return
            }
            do {
                _ = try answer(promptID: promptID, value: value, note: nil, channel: .notification)
            } catch {
                notSaved(prompt, because: error)
            }
        case .replied(let promptID, let text):
            guard let prompt = try? journal.prompt(promptID), prompt.outcome == .pending else { return }
            do {
                _ = try answer(promptID: promptID, value: .text(text), note: nil, channel: .notification)
            } catch {
                notSaved(prompt, because: error)
            }
        case .dismissed(let promptID, let reason):
            logger.info("notification closed without an answer; the prompt stays pending",
                        metadata: ["prompt.id": "\(promptID)", "reason": "\(reason)"])
        case .serverAppeared:
            deliverDue(now: env.clock.now, includingShownBefore: true)
            env.notifier.status(statusLine())
        case .serverGone:
            break
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
            notSaved(current, because: CheckInError.answerDoesNotFit(expectation: prompt.content.request.expectation))
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
        switch error as? CheckInError {
        case .noSuchPrompt?, .alreadyFinished?: return  // ended meanwhile: nothing to offer again
        default: break
        }
        logger.error("a choice made on a notification could not be saved; the prompt will come back",
                     metadata: ["prompt.id": "\(prompt.id)", "error": "\(Localization.english(error))"])
        let now = env.clock.now
        let again = now.addingTimeInterval(Self.retryAfter)
        retries[prompt.id] = again
        var reason = (error as? JournalError)?.description ?? tr("Something went wrong.")
        if case .answerDoesNotFit? = error as? CheckInError { reason = "\(error)" }
        tell(Notice(title: prompt.content.title,
                    body: Translation.sentences(reason, Self.askAgain(at: again, now: now, zone: env.timeZone())),
                    lingers: true),
             aboutPrompt: prompt.id)
        if isRunning { tick() }
    }
}

/// A channel that could not do what was asked, in a sentence a person can act on.
struct ChannelError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
