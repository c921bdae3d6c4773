import Foundation
import GRDB
import SteadyKit

/// Fills a new journal with many rows at once: for `steady-bench generate`, which writes a
/// million made-up rows to time the views against.
///
/// Rows go in through prepared statements, in transactions the caller commits with
/// `commit()`, with `synchronous=OFF`: fast, and not crash-safe. Never use it on a journal a
/// person writes in. The shapes are those `Journal` writes (`EntryValues` for entries).
public final class JournalBulkWriter {
    private let db: Database
    private let prompt: Statement, answer: Statement, entry: Statement, event: Statement
    private var requests: [AnswerRequest: String] = [:]

    /// Creates the journal at `path` (it must not exist yet), hands `body` a writer inside an
    /// open transaction, commits what is left, and checkpoints the WAL into the file.
    public static func fill(newJournalAt path: String, _ body: (JournalBulkWriter) throws -> Void) throws {
        _ = try Journal(path: path)  // creates the file (0600) and its schema
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            let writer = try JournalBulkWriter(db)
            try db.execute(sql: "BEGIN")
            try body(writer)
            try db.execute(sql: "COMMIT")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try queue.close()
    }

    private init(_ db: Database) throws {
        self.db = db
        prompt = try db.makeStatement(sql: """
            INSERT INTO prompt (practice, slot, kind, follow_up_key, parent_id, title, body, request, created_at, due_at,
                                expires_at, delivered_at, snoozes, outcome, ended_at)
            VALUES (?, ?, 'scheduled', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        answer = try db.makeStatement(sql: "INSERT INTO answer (prompt_id, kind, text, number, note, answered_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?)")
        entry = try db.makeStatement(sql: "INSERT INTO entry (kind, created_at, parent_id, payload, choices) VALUES (?, ?, ?, ?, ?)")
        event = try db.makeStatement(sql: "INSERT INTO event (at, kind, prompt_id, practice, detail) VALUES (?, ?, ?, ?, ?)")
    }

    /// Commits the rows so far and starts a new transaction.
    public func commit() throws {
        try db.execute(sql: "COMMIT; BEGIN")
    }

    /// A scheduled prompt of `practice` at `slot`; returns its id.
    public func scheduledPrompt(practice: String, slot: Double, content: PromptContent, dueAt: Double, expiresAt: Double,
                                deliveredAt: Double?, snoozes: Int, outcome: Outcome, endedAt: Double?) throws -> Int64 {
        let request: String
        if let known = requests[content.request] {
            request = known
        } else {
            request = String(decoding: try JSONEncoder().encode(content.request), as: UTF8.self)
            requests[content.request] = request
        }
        try prompt.execute(arguments: [practice, slot, content.title, content.body, request, slot, dueAt, expiresAt,
                                       deliveredAt, snoozes, outcome.rawValue, endedAt])
        return db.lastInsertedRowID
    }

    /// The answer to prompt `promptID`.
    public func answer(promptID: Int64, value: AnswerValue, note: String?, at: Double, channel: AnswerChannel) throws {
        let stored = Answer(promptID: promptID, value: value, note: note, answeredAt: Date(timeIntervalSince1970: at), channel: channel).storedValue
        try answer.execute(arguments: [promptID, stored.kind, stored.text, stored.number, note, at, channel.rawValue])
    }

    /// An entry; returns its id.
    public func entry(_ values: [String: AnswerValue], kind: String, at: Double, parentID: Int64?) throws -> Int64 {
        let (payload, choices) = EntryValues.encode(values)
        try entry.execute(arguments: [kind, at, parentID, payload, choices])
        return db.lastInsertedRowID
    }

    /// An event (what the daemon logs as it goes: created, delivered, snoozed, …).
    public func event(at: Double, kind: String, promptID: Int64?, practice: String?, detail: String?) throws {
        try event.execute(arguments: [at, kind, promptID, practice, detail])
    }
}
