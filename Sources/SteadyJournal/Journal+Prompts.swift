import Foundation
import GRDB
import SteadyKit
import SteadyLocalization

extension Journal {
    // MARK: - Writes

    /// Records a new prompt unless it exists already: a scheduled prompt is one per practice
    /// and slot; a follow-up is one per key for the prompt (`parentID`), else the entry
    /// (`entryID`), it follows.
    ///
    /// Returns the new record, or nil when it was recorded before — the guarantee that a slot
    /// is never delivered twice, also across a crash and restart.
    public func recordPrompt(
        practice: PracticeID, slot: Date, kind: PromptRecord.Kind = .scheduled, followUpKey: String? = nil,
        parentID: Int64? = nil, entryID: Int64? = nil, content: PromptContent, createdAt: Date, dueAt: Date, expiresAt: Date,
        outcome: Outcome = .pending, reason: String? = nil
    ) throws(JournalError) -> PromptRecord? {
        let draft = PromptDraft(practice: practice, slot: slot, kind: kind, followUpKey: followUpKey, parentID: parentID,
                                entryID: entryID, content: content, createdAt: createdAt, dueAt: dueAt, expiresAt: expiresAt,
                                outcome: outcome, reason: reason)
        return try write { db in try Self.insert(draft, db) }
    }

    /// Records the check-ins that follow an entry, all or none, durably: once this returns
    /// they survive a power cut. Returns the new ones (one asked before is not asked twice).
    public func recordFollowUps(_ drafts: [PromptDraft]) throws(JournalError) -> [PromptRecord] {
        try writeDurably { db in try drafts.compactMap { try Self.insert($0, db) } }
    }

    /// Records prompts steady decided on (missed slots), all or none, in one transaction.
    /// Returns the new ones.
    public func recordPrompts(_ drafts: [PromptDraft]) throws(JournalError) -> [PromptRecord] {
        try write { db in try drafts.compactMap { try Self.insert($0, db) } }
    }

    static func insert(_ draft: PromptDraft, _ db: Database) throws -> PromptRecord? {
        try draft.insert(db, onConflict: .ignore)
        guard db.changesCount == 1 else { return nil }
        let id = db.lastInsertedRowID
        try insertEvent(db, at: draft.createdAt, kind: draft.outcome == .pending ? "created" : draft.outcome.rawValue,
                        promptID: id, practice: draft.practice, detail: draft.reason)
        return try PromptRecord.fetchOne(db, key: id)
    }

    /// Notes that a channel showed the prompt, and in which bubble (`server`'s id for it) when
    /// it has bubbles: that bubble then belongs to this prompt alone.
    public func markDelivered(_ id: Int64, at date: Date, channel: String, bubble: (server: String, handle: UInt32)? = nil) throws(JournalError) {
        try write { db in
            try db.execute(sql: "UPDATE prompt SET delivered_at = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, id])
            try Self.insertEvent(db, at: date, kind: "delivered", promptID: id, detail: channel)
            if let bubble { try Self.storeBubble(db, promptID: id, server: bubble.server, handle: bubble.handle, notice: false) }
        }
    }

    /// Notes that the bubble `handle` on `server` now shows a notice about the prompt (a
    /// thank-you, "Later, then…"), no longer the prompt itself.
    public func recordNotice(aboutPrompt id: Int64, server: String, handle: UInt32) throws(JournalError) {
        try write { db in try Self.storeBubble(db, promptID: id, server: server, handle: handle, notice: true) }
    }

    private static func storeBubble(_ db: Database, promptID: Int64, server: String, handle: UInt32, notice: Bool) throws {
        try db.execute(sql: "DELETE FROM bubble WHERE server = ? AND handle = ? AND prompt_id != ?",
                       arguments: [server, Int64(handle), promptID])
        try db.execute(sql: "INSERT OR REPLACE INTO bubble (prompt_id, server, handle, notice) VALUES (?, ?, ?, ?)",
                       arguments: [promptID, server, Int64(handle), notice])
    }

    /// The bubbles recorded as showing prompts, with whether each prompt still waits.
    public func recordedBubbles() throws(JournalError) -> [RecordedBubble] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.prompt_id, b.server, b.handle, b.notice, p.outcome = 'pending' AS pending
                FROM bubble b JOIN prompt p ON p.id = b.prompt_id ORDER BY b.prompt_id
                """).map { row in
                RecordedBubble(promptID: row["prompt_id"], server: row["server"], handle: UInt32(truncatingIfNeeded: row["handle"] as Int64),
                               showsNotice: row["notice"], isPending: row["pending"])
            }
        }
    }

    /// Forgets the recorded bubbles of `promptIDs`, or every one when nil.
    public func forgetBubbles(of promptIDs: [Int64]? = nil) throws(JournalError) {
        try write { db in
            if let promptIDs {
                for id in promptIDs { try db.execute(sql: "DELETE FROM bubble WHERE prompt_id = ?", arguments: [id]) }
            } else {
                try db.execute(sql: "DELETE FROM bubble")
            }
        }
    }

    /// Stores the answer, ends the prompt as `answered` (or `skipped`) and records the
    /// follow-ups the answer brings, all in one durable transaction: when this returns, all of
    /// it survives a crash or a power cut; when it throws, none of it was stored.
    ///
    /// Throws `alreadyFinished` when the prompt ended before (answered elsewhere, expired),
    /// `unknownPrompt` when there is no such prompt. Returns the prompt as it was answered and
    /// the follow-ups recorded.
    @discardableResult
    public func recordAnswer(
        _ answer: Answer, outcome: Outcome = .answered, followUps: [PromptDraft] = []
    ) throws(JournalError) -> (prompt: PromptRecord, followUps: [PromptRecord]) {
        try writeDurably { db in
            // Checked again inside the transaction (another process may have answered first);
            // the check-in service turns these codes into the sentences a person reads (CheckInError).
            guard let prompt = try PromptRecord.fetchOne(db, key: answer.promptID) else {
                // English: a code the check-in service turns into a sentence (CheckInError)
                throw JournalError(.unknownPrompt, Phrase(verbatim: "no prompt \(answer.promptID) in the journal"))
            }
            guard prompt.outcome == .pending else {
                // English: a code the check-in service turns into a sentence (CheckInError)
                throw JournalError(.alreadyFinished, Phrase(verbatim: "prompt \(answer.promptID) already ended (\(prompt.outcome.rawValue))"))
            }
            let stored = answer.storedValue
            try db.execute(sql: """
                INSERT INTO answer (prompt_id, kind, text, number, note, answered_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [answer.promptID, stored.kind, stored.text, stored.number, answer.note,
                                 answer.answeredAt.timeIntervalSince1970, answer.channel.rawValue])
            try db.execute(sql: "UPDATE prompt SET outcome = ?, ended_at = ? WHERE id = ?",
                           arguments: [outcome.rawValue, answer.answeredAt.timeIntervalSince1970, answer.promptID])
            try Self.insertEvent(db, at: answer.answeredAt, kind: outcome.rawValue, promptID: answer.promptID,
                                 practice: prompt.practice, detail: answer.channel.rawValue)
            var ended = prompt
            ended.outcome = outcome
            ended.endedAt = answer.answeredAt
            return (ended, try followUps.compactMap { try Self.insert($0, db) })
        }
    }

    /// Ends a pending prompt without an answer (expired, missed, suppressed, undelivered, skipped).
    /// Returns false when it had already ended. What the person chose (skipped, or answered
    /// in another way) is durable when this returns; what steady decided (expired…) is bookkeeping.
    @discardableResult
    public func finish(_ id: Int64, as outcome: Outcome, at date: Date, detail: String? = nil) throws(JournalError) -> Bool {
        let body = { (db: Database) throws -> Bool in
            try db.execute(sql: "UPDATE prompt SET outcome = ?, ended_at = ? WHERE id = ? AND outcome = 'pending'",
                           arguments: [outcome.rawValue, date.timeIntervalSince1970, id])
            guard db.changesCount == 1 else { return false }
            try Self.insertEvent(db, at: date, kind: outcome.rawValue, promptID: id, detail: detail)
            return true
        }
        return outcome.isChosen ? try writeDurably(body) : try write(body)
    }

    /// Moves a pending prompt's due time (snooze, or deferral out of quiet hours). A snooze is
    /// the person's choice ("Later") and is durable when this returns.
    public func reschedule(_ id: Int64, dueAt: Date, expiresAt: Date, at date: Date, snoozed: Bool) throws(JournalError) {
        let body = { (db: Database) throws in
            try db.execute(sql: """
                UPDATE prompt SET due_at = ?, expires_at = ?, delivered_at = NULL, snoozes = snoozes + ?
                WHERE id = ? AND outcome = 'pending'
                """, arguments: [dueAt.timeIntervalSince1970, expiresAt.timeIntervalSince1970, snoozed ? 1 : 0, id])
            try Self.insertEvent(db, at: date, kind: snoozed ? "snoozed" : "deferred", promptID: id)
        }
        if snoozed { try writeDurably(body) } else { try write(body) }
    }

    /// Records an event that is not tied to a prompt's outcome (start, reload, errors).
    public func recordEvent(_ kind: String, at date: Date, promptID: Int64? = nil, detail: String? = nil) throws(JournalError) {
        try write { db in try Self.insertEvent(db, at: date, kind: kind, promptID: promptID, detail: detail) }
    }

    static func insertEvent(_ db: Database, at date: Date, kind: String, promptID: Int64?, practice: PracticeID? = nil, detail: String? = nil) throws {
        try db.execute(sql: "INSERT INTO event (at, kind, prompt_id, practice, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [date.timeIntervalSince1970, kind, promptID, practice?.rawValue, detail])
    }

    // MARK: - Reads

    /// When steady last recorded anything (an event), if ever.
    public func lastActivity() throws(JournalError) -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT max(at) FROM event").map(Date.init(timeIntervalSince1970:))
        }
    }

    /// The prompt with journal id `id`.
    public func prompt(_ id: Int64) throws(JournalError) -> PromptRecord? {
        try read { db in
            try PromptRecord.fetchOne(db, key: id)
        }
    }

    /// Prompts still waiting for an answer, oldest due first.
    public func pendingPrompts() throws(JournalError) -> [PromptRecord] {
        try read { db in
            try PromptRecord.filter(PromptRecord.Columns.outcome == Outcome.pending.rawValue)
                .order(PromptRecord.Columns.dueAt, PromptRecord.Columns.id).fetchAll(db)
        }
    }

    /// The latest scheduled slot recorded for a practice, if any.
    public func lastSlot(of practice: PracticeID) throws(JournalError) -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT max(slot) FROM prompt WHERE practice = ? AND kind = 'scheduled'", arguments: [practice.rawValue])
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// The outcomes of a practice's latest scheduled prompts, newest first, each with the
    /// reason recorded when it was created (e.g. "back-off", "quiet hours").
    public func recentOutcomes(of practice: PracticeID, limit: Int) throws(JournalError) -> [(outcome: Outcome, reason: String?)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.outcome, (SELECT e.detail FROM event e WHERE e.prompt_id = p.id ORDER BY e.id LIMIT 1) AS reason
                FROM prompt p WHERE p.practice = ? AND p.kind = 'scheduled'
                ORDER BY p.slot DESC LIMIT ?
                """, arguments: [practice.rawValue, limit]).map { row in
                (Outcome(rawValue: row["outcome"]) ?? .pending, row["reason"])
            }
        }
    }

    /// The random times drawn for a practice on a day (`yyyy-MM-dd`), if drawn before.
    public func randomDraw(of practice: PracticeID, day: String) throws(JournalError) -> [Int]? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT minutes FROM random_draw WHERE practice = ? AND day = ?", arguments: [practice.rawValue, day])
                .map { $0.split(separator: ",").compactMap { Int($0) } }
        }
    }

    /// Stores a day's random times unless some were stored already; returns the stored ones.
    public func storeRandomDraw(of practice: PracticeID, day: String, minutes: [Int]) throws(JournalError) -> [Int] {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO random_draw (practice, day, minutes) VALUES (?, ?, ?)",
                           arguments: [practice.rawValue, day, minutes.map(String.init).joined(separator: ",")])
            let stored = try String.fetchOne(db, sql: "SELECT minutes FROM random_draw WHERE practice = ? AND day = ?", arguments: [practice.rawValue, day]) ?? ""
            return stored.split(separator: ",").compactMap { Int($0) }
        }
    }

    /// How many scheduled prompts were offered (created to be shown, whether or not a
    /// channel showed them) since `start`: what the daily limit counts.
    public func offeredCount(since start: Date) throws(JournalError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM prompt WHERE created_at >= ? AND kind = 'scheduled' AND outcome NOT IN ('missed', 'suppressed')
                """, arguments: [start.timeIntervalSince1970]) ?? 0
        }
    }

    /// Prompts with their answers, newest slot first; `before` pages back from a slot.
    public func history(limit: Int, before: Date? = nil, practice: PracticeID? = nil) throws(JournalError) -> [HistoryItem] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let before {
                conditions.append("p.slot < ?")
                arguments.append(before.timeIntervalSince1970)
            }
            if let practice {
                conditions.append("p.practice = ?")
                arguments.append(practice.rawValue)
            }
            return try Self.historyItems(db, where: conditions, arguments: arguments, limit: limit)
        }
    }

    /// Prompts matching `conditions` (SQL on `p`, the prompt) with their answers, newest slot
    /// first: the one query behind `history` and the insights' history pages.
    static func historyItems(
        _ db: Database, where conditions: [String], arguments: [any DatabaseValueConvertible], limit: Int
    ) throws -> [HistoryItem] {
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, a.kind AS a_kind, a.text AS a_text, a.number AS a_number,
                   a.note AS a_note, a.answered_at AS a_at, a.channel AS a_channel
            FROM prompt p LEFT JOIN answer a ON a.prompt_id = p.id
            \(whereClause)
            ORDER BY p.slot DESC, p.id DESC LIMIT ?
            """, arguments: StatementArguments(arguments + [limit]))
        return try rows.map { row in
            let prompt = try PromptRecord(row: row)
            return HistoryItem(prompt: prompt, answer: Answer(historyRow: row, promptID: prompt.id))
        }
    }
}
