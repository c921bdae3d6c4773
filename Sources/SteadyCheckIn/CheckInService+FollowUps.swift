import SteadyLocalization
import Foundation
import SteadyConfig
import SteadyJournal
import SteadyKit

extension CheckInService {
    /// Schedules the check-ins that follow an entry written with a tool (the trigger journal's
    /// "how did it settle?"), as the practice with the entry's kind asks. Returns when they
    /// come; empty when that practice is not configured or asks for none.
    public func scheduleFollowUps(forEntry entryID: Int64) throws -> [Date] {
        guard let entry = try journal.entry(entryID) else { throw CheckInError.noSuchEntry(entryID) }
        guard let setup = config.practice(PracticeID(entry.kind)) else { return [] }
        let drafts = setup.practice.followUps(afterEntry: entry.response).compactMap {
            followUpDraft($0, of: setup.id, from: now, after: nil, parentID: nil, entryID: entry.id)
        }
        let recorded = try journal.recordFollowUps(drafts)
        for record in recorded {
            logger.info("follow-up scheduled", metadata: ["practice.id": "\(setup.id)", "prompt.id": "\(record.id)"])
        }
        return recorded.map(\.dueAt)
    }

    /// The check-ins still waiting about an entry that was followed up in the terminal
    /// (`steady log trigger --follow-up`), ended as answered there.
    public struct ClosedFollowUps {
        /// How many were ended now.
        public var count: Int
        /// Every check-in that was waiting about the entry (their bubbles go).
        public var promptIDs: [Int64]
    }

    /// Ends the check-ins still waiting about `entryID`, now followed up by `followUpEntryID`.
    public func closeFollowUps(ofEntry entryID: Int64, followUpEntryID: Int64) throws -> ClosedFollowUps {
        var closed = ClosedFollowUps(count: 0, promptIDs: [])
        for prompt in try journal.pendingPrompts(followingUpEntry: entryID) {
            if try journal.finish(prompt.id, as: .answered, at: now, detail: "terminal: entry #\(followUpEntryID)") {
                closed.count += 1
                logger.info("follow-up answered in the terminal", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)"])
            }
            closed.promptIDs.append(prompt.id)
        }
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
                                dayNumber: Occasion.dayNumber(of: due, in: timeZone()))
        return PromptDraft(
            practice: setup.id, slot: due, kind: .followUp, followUpKey: followUp.key, parentID: parentID, entryID: entryID,
            content: setup.practice.prompt(for: occasion), createdAt: time, dueAt: due,
            expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)))
    }

    /// A check-in that follows an entry (the trigger journal's "how did it settle?", a
    /// request's "how did it go?") with its words built for the moment it is shown: how long
    /// ago the entry was, seen from now, not from when the check-in was scheduled. The journal
    /// keeps the words as shown. Other prompts are returned as they are.
    public func withFreshWords(_ prompt: PromptRecord) -> PromptRecord {
        guard prompt.kind == .followUp, let entryID = prompt.entryID, let key = prompt.followUpKey,
              let setup = config.practice(prompt.practice), let entry = try? journal.entry(entryID) else { return prompt }
        let zone = timeZone()
        let occasion = Occasion(reason: .followUp(key: key, after: nil), slot: prompt.slot,
                                dayNumber: Occasion.dayNumber(of: prompt.slot, in: zone),
                                lookBack: Occasion.LookBack(from: entry.createdAt, to: now, in: zone))
        let fresh = setup.practice.prompt(for: occasion)
        // The same question with other words only: the answers it takes never change under the person.
        guard fresh.request == prompt.content.request, fresh != prompt.content else { return prompt }
        do {
            try journal.updateContent(of: prompt.id, to: fresh)
        } catch {
            logger.error("could not record a prompt's words", metadata: ["prompt.id": "\(prompt.id)", "error": "\(Localization.english(error))"])
        }
        var updated = prompt
        updated.content = fresh
        return updated
    }
}

extension CheckInService {
    /// The practice whose ratings can bring the kit's nudge: how settled the evening felt.
    static let eveningPractice: PracticeID = "evening-reflection"

    /// The person's soothing kit: the newest `soothing-kit` entry, if any.
    func soothingKit() -> SoothingKit? {
        guard let entry = (try? journal.entries(kind: SoothingKit.form.id, limit: 1))?.first else { return nil }
        let kit = SoothingKit(entry.response)
        return kit.isEmpty ? nil : kit
    }

    /// A line about the kit beside the safety response: what it holds in the terminal, only a
    /// pointer on a notification (what a person wrote is not put in a bubble). Nil without a kit.
    func kitLine(onNotification: Bool) -> String? {
        guard let kit = soothingKit() else { return nil }
        return onNotification ? SoothingKit.pointer : (kit.reminder ?? SoothingKit.pointer)
    }

    /// The kit, gently, once, when this answer makes a run of unsettled evenings long enough
    /// (`KitNudge`); nil otherwise.
    func kitNudge(after prompt: PromptRecord, value: AnswerValue, onNotification: Bool) -> String? {
        guard prompt.practice == Self.eveningPractice, prompt.kind == .scheduled, case .number(let rating) = value,
              KitNudge.lowRatings.contains(rating),
              let ratings = try? journal.recentScheduledNumbers(of: Self.eveningPractice, limit: KitNudge.evenings + 1),
              KitNudge.shouldShow(ratingsNewestFirst: ratings) else { return nil }
        logger.info("soothing kit offered after unsettled evenings", metadata: ["prompt.id": "\(prompt.id)"])
        return KitNudge.line(kit: soothingKit(), onNotification: onNotification)
    }
}
