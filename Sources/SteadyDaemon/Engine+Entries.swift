import Foundation
import SteadyConfig
import SteadyJournal
import SteadyKit

extension Engine {
    /// Schedules the check-ins that follow an entry written with a tool (the trigger journal's
    /// "how did it settle?"), as the practice with the entry's kind asks. Returns when they
    /// come; empty when that practice is not configured or asks for none. Call on `queue`.
    public func scheduleFollowUps(forEntry entryID: Int64) throws -> [Date] {
        guard let entry = try journal.entry(entryID) else {
            throw EngineError("There is no entry #\(entryID); `steady history --entries` lists them.")
        }
        guard let setup = config.practice(PracticeID(entry.kind)) else { return [] }
        let drafts = setup.practice.followUps(afterEntry: entry.response).compactMap {
            followUpDraft($0, of: setup.id, from: env.clock.now, after: nil, parentID: nil, entryID: entry.id)
        }
        let recorded = try journal.recordFollowUps(drafts)
        for record in recorded {
            logger.info("follow-up scheduled", metadata: ["practice.id": "\(setup.id)", "prompt.id": "\(record.id)"])
        }
        if isRunning { tick() }
        return recorded.map(\.dueAt)
    }

    /// Ends the check-ins still waiting about an entry that was followed up in the terminal
    /// (`steady log trigger --follow-up`), and takes their bubbles down. Returns how many. Call on `queue`.
    public func closeFollowUps(ofEntry entryID: Int64, followUpEntryID: Int64) throws -> Int {
        var closed = 0
        for prompt in try journal.pendingPrompts(followingUpEntry: entryID) {
            if try journal.finish(prompt.id, as: .answered, at: env.clock.now, detail: "terminal: entry #\(followUpEntryID)") {
                closed += 1
                logger.info("follow-up answered in the terminal", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)"])
            }
            withdraw(prompt.id)
        }
        if isRunning { tick() }
        return closed
    }

    /// The prompt a practice asks for `followUp.after` seconds after `time` (an answer's, or
    /// an entry's): right away when it is the next question, else out of quiet hours. Nil
    /// when the practice is no longer configured.
    func followUpDraft(
        _ followUp: FollowUp, of practice: PracticeID, from time: Date, after answer: AnswerValue?, parentID: Int64?,
        entryID: Int64?
    ) -> PromptDraft? {
        guard let setup = config.practice(practice) else { return nil }
        let asked = time.addingTimeInterval(TimeInterval(followUp.after))
        let due = followUp.after > 0 ? outsideQuietHours(asked) : asked
        let occasion = Occasion(reason: .followUp(key: followUp.key, after: answer), slot: due,
                                dayNumber: Occasion.dayNumber(of: due, in: env.timeZone()))
        return PromptDraft(
            practice: setup.id, slot: due, kind: .followUp, followUpKey: followUp.key, parentID: parentID, entryID: entryID,
            content: setup.practice.prompt(for: occasion), createdAt: time, dueAt: due,
            expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)))
    }

    /// `date`, or the end of quiet hours when it falls inside them: a check-in asked for later
    /// never arrives at night.
    func outsideQuietHours(_ date: Date) -> Date {
        let zone = env.timeZone()
        guard let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(date, in: zone)),
              let end = Self.next(quiet.end, after: date, in: zone) else { return date }
        return end
    }
}
