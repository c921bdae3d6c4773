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
    /// answered, and to its follow-ups: the prompt's own under `Occasion.scheduledKey`, each
    /// follow-up's under its key (the latest of a key wins). Empty when there is none.
    public func previousOccasionAnswers(of practice: PracticeID, before slot: Date) throws(JournalError) -> [String: AnswerValue] {
        try read { db in
            guard let root = try Int64.fetchOne(db, sql: """
                SELECT id FROM prompt WHERE practice = ? AND kind = 'scheduled' AND outcome = 'answered' AND slot < ?
                ORDER BY slot DESC LIMIT 1
                """, arguments: [practice.rawValue, slot.timeIntervalSince1970]) else { return [:] }
            let rows = try Row.fetchAll(db, sql: """
                WITH RECURSIVE chain(id) AS (
                    SELECT ? UNION SELECT p.id FROM prompt p JOIN chain c ON p.parent_id = c.id
                )
                SELECT p.follow_up_key, a.kind, a.text, a.number FROM chain
                JOIN prompt p ON p.id = chain.id JOIN answer a ON a.prompt_id = p.id
                ORDER BY a.answered_at
                """, arguments: [root])
            var answers: [String: AnswerValue] = [:]
            for row in rows {
                guard let value = Answer.storedValue(kind: row["kind"], text: row["text"], number: row["number"]) else { continue }
                answers[(row["follow_up_key"] as String?) ?? Occasion.scheduledKey] = value
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
