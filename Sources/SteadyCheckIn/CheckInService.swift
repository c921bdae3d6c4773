import Foundation
import Logging
import SteadyConfig
import SteadyJournal
import SteadyKit
import SteadyLocalization

/// The check-in rules, below both the daemon and the CLI: answering, "Later", "Skip",
/// expiry, follow-ups, what comes next (random windows included) and the waiting list.
///
/// Synchronous and single-threaded: it reads and writes the journal and returns. It shows
/// nothing and arms no timers; the daemon's engine does that around it (bubbles, the timer,
/// signals), and `steady answer` uses it directly when no daemon runs. Refusals are thrown
/// as `CheckInError`, journal failures as `JournalError`.
public final class CheckInService {
    public let journal: Journal
    /// The settings in force; the daemon replaces them on reload (see `replaceConfig`).
    public private(set) var config: Config
    let clock: () -> Date
    let timeZone: () -> TimeZone
    let logger: Logger
    /// Per practice: slots at or before this time have been considered (the daemon's progress).
    public var cursors: [PracticeID: Date] = [:]
    let slots: SlotFinder

    /// A service over `journal` with `config`. `now` and `timeZone` are read at each step
    /// (tests move them); the logger gets ids and outcomes only, never what a person wrote.
    public init(journal: Journal, config: Config, now: @escaping () -> Date = Date.init,
                timeZone: @escaping () -> TimeZone = { TimeZone.current },
                logger: Logger = Logger(label: "steady", factory: { _ in SwiftLogNoOpLogHandler() }))
    {
        self.journal = journal
        self.config = config
        clock = now
        self.timeZone = timeZone
        self.logger = logger
        slots = SlotFinder(journal: journal, logger: logger)
    }

    var now: Date { clock() }

    /// Puts a reloaded config in force; random times drawn so far are read afresh.
    public func replaceConfig(_ fresh: Config) {
        config = fresh
        slots.forgetDraws()
    }

    // MARK: The waiting list

    /// A prompt that still waits for an answer; throws `noSuchPrompt` or `alreadyFinished`.
    public static func waitingPrompt(_ id: Int64, in journal: Journal) throws -> PromptRecord {
        guard let prompt = try journal.prompt(id) else { throw CheckInError.noSuchPrompt(id) }
        guard prompt.outcome == .pending else { throw CheckInError.alreadyFinished(id, prompt.outcome) }
        return prompt
    }

    /// The prompts waiting for an answer now (due, not ended), oldest first.
    public static func waiting(in journal: Journal, now: Date = Date()) throws -> [PromptRecord] {
        try journal.pendingPrompts().filter { $0.dueAt <= now }
    }

    /// The prompts waiting for an answer now.
    public func waiting() throws -> [PromptRecord] { try Self.waiting(in: journal, now: now) }

    // MARK: Answers

    /// What came of an answer that settled the prompt.
    public struct Answered {
        public var prompt: PromptRecord
        /// What to tell the person: the practice's acknowledgement, the kit's nudge or the safety response.
        public var acknowledgement: String?
        /// The words should stay until read (the safety response, the kit's nudge).
        public var lingers: Bool
        /// A follow-up is asked right away: the next question can take the bubble's place.
        public var asksNextRightAway: Bool
    }

    /// What "Later" came to.
    public enum PutOff {
        /// Asked again at `until`.
        case snoozed(PromptRecord, until: Date)
        /// "Later" would fall in quiet hours: the prompt rests, and `words` say so.
        case rested(PromptRecord, words: String)

        public var prompt: PromptRecord {
            switch self {
            case .snoozed(let prompt, _), .rested(let prompt, _): prompt
            }
        }
    }

    /// What came of an answer.
    public enum AnswerOutcome {
        case recorded(Answered)
        /// The practice asked for the prompt to come back ("15 more minutes").
        case putOff(PutOff)
    }

    /// Records an answer durably, with the follow-ups it brings (each its own prompt, stored
    /// together with the answer), or puts the prompt off when the practice asks for that.
    ///
    /// Throws `CheckInError` when the prompt is unknown or already finished; nothing is changed then.
    public func answer(promptID: Int64, value: AnswerValue, note: String?, channel: AnswerChannel) throws -> AnswerOutcome {
        let now = now
        let prompt = try Self.waitingPrompt(promptID, in: journal)
        let answer = Answer(promptID: promptID, value: value, note: note, answeredAt: now, channel: channel)
        let reaction = config.practice(prompt.practice)?.practice.react(to: answer, prompt: prompt.content) ?? .none

        if let snooze = reaction.snooze, prompt.snoozes < config.sparing.snoozeLimit {
            return .putOff(try later(prompt, by: snooze))
        }

        let outcome: Outcome = reaction.skips ? .skipped : .answered
        let followUps = reaction.followUps.compactMap {
            followUpDraft($0, of: prompt.practice, from: now, after: value, parentID: prompt.id, entryID: prompt.entryID)
        }
        // The answer and the questions it brings are stored together, durably, or not at all.
        do {
            try journal.recordAnswer(answer, outcome: outcome, followUps: followUps)
        } catch {
            // Ended meanwhile, by another process on the same journal: refused like any other.
            if error.code == .unknownPrompt || error.code == .alreadyFinished { _ = try Self.waitingPrompt(promptID, in: journal) }
            throw error
        }
        logger.info("prompt answered", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(promptID)",
                                                  "outcome": "\(outcome.rawValue)", "channel": "\(channel.rawValue)"])
        let onBubble = channel == .notification
        let safety = safetyResponse(to: value, for: prompt.content, onNotification: onBubble)
        let nudge = safety == nil ? kitNudge(after: prompt, value: value, onNotification: onBubble) : nil
        let said = [reaction.acknowledgement, nudge].compactMap { $0 }
        let acknowledgement = safety.map { $0.lines.joined(separator: "\n") } ?? (said.isEmpty ? nil : said.joined(separator: "\n"))
        return .recorded(Answered(prompt: prompt, acknowledgement: acknowledgement, lingers: safety != nil || nudge != nil,
                                  asksNextRightAway: reaction.followUps.contains { $0.after <= 0 }))
    }

    /// "Later" from the terminal: the prompt comes back after the configured `snooze`.
    public func later(promptID: Int64) throws -> PutOff {
        guard let prompt = try journal.prompt(promptID) else { throw CheckInError.noSuchPrompt(promptID) }
        return try later(prompt, by: config.sparing.snooze.seconds)
    }

    /// "Later": the prompt is asked again after `seconds` (at most `snooze-limit` times), out
    /// of quiet hours, or rests through them when its practice does not defer.
    public func later(_ prompt: PromptRecord, by seconds: Int) throws -> PutOff {
        guard prompt.outcome == .pending else { throw CheckInError.alreadyFinished(prompt.id, prompt.outcome) }
        guard prompt.snoozes < config.sparing.snoozeLimit else {
            throw CheckInError.snoozeLimitReached(prompt.id, times: prompt.snoozes)
        }
        let now = now
        var due = now.addingTimeInterval(TimeInterval(seconds))
        if let quiet = quietHours(containing: due) {
            // Nothing asks again at night: the prompt rests, or waits for the morning if its
            // practice defers through quiet hours.
            guard config.practice(prompt.practice)?.quietHoursPolicy == .defer, let end = quiet.end else {
                return try restThroughQuietHours(prompt, startingAt: quiet.start)
            }
            due = end
        }
        try journal.reschedule(prompt.id, dueAt: due,
                               expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)),
                               at: now, snoozed: true)
        logger.info("prompt put off", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)", "outcome": "snoozed"])
        return .snoozed(prompt, until: due)
    }

    /// "Later" (or "15 more minutes") would ask again inside quiet hours: the prompt rests
    /// instead, ending as held back by quiet hours.
    private func restThroughQuietHours(_ prompt: PromptRecord, startingAt start: TimeOfDay) throws -> PutOff {
        _ = try journal.finish(prompt.id, as: .suppressed, at: now, detail: "quiet hours")
        logger.info("prompt rests through quiet hours", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)",
                                                                   "outcome": "suppressed"])
        // TRANSLATORS: when quiet hours begin, as the locale writes a time ("22:00", "10:00 PM").
        return .rested(prompt, words: tr("Quiet hours begin at %1$@, so I'll let this one rest until next time.", Self.spoken(start)))
    }

    /// "Skip": the person lets this one pass; it ends as `skipped`.
    public func skip(promptID: Int64, channel: AnswerChannel) throws -> PromptRecord {
        guard let prompt = try journal.prompt(promptID) else { throw CheckInError.noSuchPrompt(promptID) }
        try skip(prompt, channel: channel)
        return prompt
    }

    /// "Skip" for a prompt already read.
    public func skip(_ prompt: PromptRecord, channel: AnswerChannel) throws {
        guard try journal.finish(prompt.id, as: .skipped, at: now, detail: channel.rawValue) else {
            throw CheckInError.alreadyFinished(prompt.id, (try? journal.prompt(prompt.id))?.outcome ?? prompt.outcome)
        }
        logger.info("prompt skipped", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)", "outcome": "skipped"])
    }

    /// The line for the person after "Skip" in the terminal.
    public static var skipped: String { tr("Let it pass. That's fine.") }

    /// The line for the person in the terminal after an answer or "Later".
    public func reply(to outcome: AnswerOutcome) -> String? {
        switch outcome {
        case .recorded(let answered): answered.acknowledgement
        case .putOff(let putOff): reply(to: putOff)
        }
    }

    /// "I'll ask again at 14:20." or why the prompt rests.
    public func reply(to putOff: PutOff) -> String {
        switch putOff {
        // TRANSLATORS: when a prompt comes back: a time ("21:00", "9:00 PM"), a weekday and time ("Wed 07:00"), or a date and time.
        case .snoozed(_, let until): tr("I'll ask again at %1$@.", Self.spoken(until, now: now, zone: timeZone()))
        case .rested(_, let words): words
        }
    }

    /// The words on the bubble after "Later" was chosen on it.
    public func bubbleWords(for putOff: PutOff) -> String {
        switch putOff {
        // TRANSLATORS: on the bubble after Later: a time ("21:00", "9:00 PM"), a weekday and time ("Wed 07:00"), or a date and time.
        case .snoozed(_, let until): tr("Later, then. I'll ask again at %1$@.", Self.spoken(until, now: now, zone: timeZone()))
        case .rested(_, let words): words
        }
    }

    /// The safety response when the answer rates intensity at or above the configured threshold,
    /// with the person's soothing kit (in the terminal) or a pointer to it (on a notification).
    func safetyResponse(to value: AnswerValue, for content: PromptContent, onNotification: Bool) -> SafetyResponse? {
        guard case .scale(let scale) = content.request, scale == .intensity, case .number(let rating) = value,
              SafetyResponse.check(intensity: rating, settings: config.safety) != nil else { return nil }
        return SafetyResponse.check(intensity: rating, settings: config.safety, kit: kitLine(onNotification: onNotification))
    }

    // MARK: Expiry

    /// Ends the pending prompts whose expiry has passed (`expired`, or `undelivered` when never
    /// shown) at `now`. Returns the ids of every pending prompt past its expiry, so their bubbles can go.
    public func expireOverdue(now: Date) -> [Int64] {
        guard let pending = try? journal.pendingPrompts() else { return [] }
        var over: [Int64] = []
        for prompt in pending where prompt.expiresAt <= now {
            let outcome: Outcome = prompt.deliveredAt == nil ? .undelivered : .expired
            if (try? journal.finish(prompt.id, as: outcome, at: now)) == true {
                logger.info("prompt ended unanswered", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)",
                                                                  "outcome": "\(outcome.rawValue)"])
            }
            over.append(prompt.id)
        }
        return over
    }

    // MARK: Quiet hours

    /// Quiet hours as they apply to a moment: when they started and when they end.
    public struct QuietStretch {
        public var start: TimeOfDay
        /// The next end of quiet hours after the moment.
        public var end: Date?
    }

    /// The quiet hours `date` falls in, if it falls in them.
    public func quietHours(containing date: Date) -> QuietStretch? {
        let zone = timeZone()
        guard let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(date, in: zone)) else { return nil }
        return QuietStretch(start: quiet.start, end: Self.next(quiet.end, after: date, in: zone))
    }

    /// Whether a prompt may be shown during quiet hours: only what the person asked for just
    /// now, the next question right after their answer (a follow-up due the moment it was made).
    public static func isAskedFor(_ prompt: PromptRecord) -> Bool {
        prompt.kind == .followUp && prompt.dueAt == prompt.createdAt && prompt.snoozes == 0
    }

    /// `date`, or the end of quiet hours when it falls inside them: a check-in asked for later
    /// never arrives at night.
    func outsideQuietHours(_ date: Date) -> Date {
        let zone = timeZone()
        guard let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(date, in: zone)),
              let end = Self.next(quiet.end, after: date, in: zone) else { return date }
        return end
    }
}
