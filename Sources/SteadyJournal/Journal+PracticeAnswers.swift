import Foundation
import GRDB
import SteadyKit

extension Journal {
    // MARK: - Writes

    /// Replaces the words of a pending prompt with those built when it is shown (a follow-up
    /// says how long ago its entry was from the moment it appears), so the journal keeps what
    /// was really shown.
    public func updateContent(of id: Int64, to content: PromptContent) throws(JournalError) {
        try write { db in
            try db.execute(sql: "UPDATE prompt SET title = ?, body = ? WHERE id = ? AND outcome = 'pending'",
                           arguments: [content.title, content.body, id])
        }
    }

    // MARK: - Reads

    /// The answers given to the last scheduled prompt of `practice` before `slot` that was
    /// answered (within `lookback`), and to its follow-ups: the prompt's own under
    /// `Occasion.scheduledKey`, each follow-up's under its key (the latest of a key wins).
    /// Empty when there is none. The bound keeps the scan short on the way to a due prompt.
    public func previousOccasionAnswers(of practice: PracticeID, before slot: Date,
                                        lookback: TimeInterval = 56 * 86_400) throws(JournalError) -> [String: AnswerValue] {
        try read { db in
            guard let root = try Row.fetchOne(db, sql: """
                SELECT id, slot FROM prompt WHERE practice = ? AND slot < ? AND slot >= ? AND kind = 'scheduled' AND outcome = 'answered'
                ORDER BY slot DESC LIMIT 1
                """, arguments: [practice.rawValue, slot.timeIntervalSince1970, slot.timeIntervalSince1970 - lookback]) else { return [:] }
            let rootID: Int64 = root["id"], rootSlot: Double = root["slot"]
            // Its follow-ups come after it, within the span of the lookback; those whose chain of
            // parents leads back to it belong to it (found here rather than with a recursive
            // query, which would need an index on parent_id for the whole table).
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.parent_id, p.follow_up_key, a.kind, a.text, a.number FROM prompt p
                LEFT JOIN answer a ON a.prompt_id = p.id
                WHERE p.practice = ? AND p.slot >= ? AND p.slot < ? ORDER BY p.slot, p.id
                """, arguments: [practice.rawValue, rootSlot, rootSlot + lookback])
            var inChain: Set<Int64> = [rootID]
            var answers: [String: AnswerValue] = [:]
            for row in rows {
                let id: Int64 = row["id"]
                if id != rootID {
                    guard let parent = row["parent_id"] as Int64?, inChain.contains(parent) else { continue }
                    inChain.insert(id)
                }
                guard let kind = row["kind"] as String?,
                      let value = Answer.storedValue(kind: kind, text: row["text"], number: row["number"]) else { continue }
                answers[id == rootID ? Occasion.scheduledKey : (row["follow_up_key"] as String?) ?? Occasion.scheduledKey] = value
            }
            return answers
        }
    }

    /// The numbers given to `practice`'s scheduled prompts, newest first (at most `limit`):
    /// the evening ratings behind the kit's nudge.
    public func recentScheduledNumbers(of practice: PracticeID, limit: Int) throws(JournalError) -> [Int] {
        try read { db in
            try Int.fetchAll(db, sql: """
                SELECT a.number FROM prompt p JOIN answer a ON a.prompt_id = p.id
                WHERE p.practice = ? AND p.kind = 'scheduled' AND a.kind = 'number'
                ORDER BY p.slot DESC LIMIT ?
                """, arguments: [practice.rawValue, limit])
        }
    }
}
