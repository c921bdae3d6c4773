import Foundation
import SteadyJournal
import SteadyKit

extension Engine {
    /// Maximum times a prompt can be snoozed; after that a snooze answer is recorded as it is.
    static let snoozeLimit = 3

    /// What came of an answer.
    enum AnswerResult {
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

        if let snooze = reaction.snooze, prompt.snoozes < Self.snoozeLimit {
            let due = now.addingTimeInterval(TimeInterval(snooze))
            try journal.reschedule(promptID, dueAt: due,
                                   expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)),
                                   at: now, snoozed: true)
            withdraw(promptID)
            logger.info("prompt snoozed", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(promptID)", "outcome": "snoozed"])
            if isRunning { tick() }
            return .snoozed(until: due)
        }

        let outcome: Outcome = reaction.skips ? .skipped : .answered
        try journal.recordAnswer(answer, outcome: outcome)
        logger.info("prompt answered", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(promptID)",
                                                  "outcome": "\(outcome.rawValue)", "channel": "\(answerChannel.rawValue)"])
        withdraw(promptID)
        for followUp in reaction.followUps {
            scheduleFollowUp(followUp, after: prompt, answer: answer)
        }
        if isRunning { tick() }
        return .recorded(acknowledgement: reaction.acknowledgement)
    }

    /// Answers a prompt without a running daemon (from `steady answer`): the same recording
    /// and reactions, no delivery. Returns a short, kind line for the person.
    public func answerWithoutDaemon(promptID: Int64, value: AnswerValue, note: String?) throws -> String? {
        switch try answer(promptID: promptID, value: value, note: note, channel: .terminal) {
        case .recorded(let acknowledgement): return acknowledgement
        case .snoozed(let until): return "I'll ask again at \(Self.describe(until, now: env.clock.now, zone: env.timeZone()))."
        }
    }

    private func scheduleFollowUp(_ followUp: FollowUp, after prompt: PromptRecord, answer: Answer) {
        guard let setup = config.practice(prompt.practice) else { return }
        let due = answer.answeredAt.addingTimeInterval(TimeInterval(followUp.after))
        let occasion = Occasion(reason: .followUp(key: followUp.key, after: answer.value), slot: due,
                                dayNumber: Occasion.dayNumber(of: due, in: env.timeZone()))
        let content = setup.practice.prompt(for: occasion)
        do {
            _ = try journal.recordPrompt(
                practice: prompt.practice, slot: due, kind: .followUp, followUpKey: followUp.key, parentID: prompt.id,
                content: content, createdAt: answer.answeredAt, dueAt: due,
                expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)))
        } catch {
            logger.error("could not schedule a follow-up", metadata: ["prompt.id": "\(prompt.id)", "error": "\(error)"])
        }
    }

    /// Handles what happened on a channel.
    func handle(_ event: ChannelEvent) {
        switch event {
        case .chose(let handle, let key):
            guard let promptID = shown.first(where: { $0.value == handle })?.key,
                  let prompt = try? journal.prompt(promptID) else { return }
            let value: AnswerValue
            do {
                value = try prompt.content.request.parse(key)
            } catch {
                logger.warning("unexpected action from the notification", metadata: ["prompt.id": "\(promptID)"])
                return
            }
            do {
                _ = try answer(promptID: promptID, value: value, note: nil, channel: .notification)
            } catch {
                logger.warning("answer from the notification not recorded", metadata: ["prompt.id": "\(promptID)", "error": "\(error)"])
            }
        case .replied(let handle, let text):
            guard let promptID = shown.first(where: { $0.value == handle })?.key else { return }
            do {
                _ = try answer(promptID: promptID, value: .text(text), note: nil, channel: .notification)
            } catch {
                logger.warning("reply from the notification not recorded", metadata: ["prompt.id": "\(promptID)", "error": "\(error)"])
            }
        case .dismissed(let handle, let reason):
            if let promptID = shown.first(where: { $0.value == handle })?.key {
                shown[promptID] = nil
                logger.info("notification closed without an answer; the prompt stays pending",
                            metadata: ["prompt.id": "\(promptID)", "reason": "\(reason)"])
            }
        case .available:
            logger.info("notification server available", metadata: ["server": "\(channel?.serverName ?? "?")"])
            deliverDue(now: env.clock.now, includingShownBefore: true)
            env.notifier.status(statusLine())
        case .unavailable:
            logger.info("notification server gone; prompts stay pending")
            shown.removeAll()
        }
    }
}

/// A request the engine could not carry out, in a sentence a person can act on.
struct EngineError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
