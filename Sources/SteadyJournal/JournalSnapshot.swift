import Foundation
import GRDB
import GRDBSQLite
import SteadyKit

/// One consistent view of the journal, for reads that go through a lot at once (statistics,
/// the report, a streaming export): see `Journal.readSnapshot(_:)`.
///
/// Its methods stream rows to a closure as views into SQLite's own buffers, so a million rows
/// are read without building a value per column. A row view (and any byte buffer it hands
/// out) is valid only inside the closure call that received it; a snapshot only inside the
/// `readSnapshot` body.
public struct JournalSnapshot {
    let db: Database

    // MARK: - Prompts and answers

    /// Prompts by id when `span` is nil (a straight walk of the table, in the order they were
    /// created), else those whose slot lies in `span`, by slot.
    public func forEachPrompt(slotIn span: Range<Double>?, _ body: (PromptScanRow) throws -> Void) throws {
        let rows = try SQLiteRows(db, sql: span == nil
            ? "SELECT id, slot, practice, outcome, snoozes FROM prompt ORDER BY id"
            : "SELECT id, slot, practice, outcome, snoozes FROM prompt WHERE slot >= ? AND slot < ? ORDER BY slot",
            arguments: span.map { [$0.lowerBound, $0.upperBound] } ?? [])
        let row = PromptScanRow(rows: rows)
        while try rows.step() { try body(row) }
    }

    /// What the latest prompt of `practice` asked for, if the journal has one.
    public func latestRequest(of practice: String) throws -> AnswerRequest? {
        let request = try String.fetchOne(db, sql: "SELECT request FROM prompt WHERE practice = ? ORDER BY slot DESC LIMIT 1",
                                          arguments: [practice])
        return request.flatMap { try? JSONDecoder().decode(AnswerRequest.self, from: Data($0.utf8)) }
    }

    /// The answers to the prompts whose ids lie in `ids`, in no particular order.
    public func forEachAnswer(promptIDs ids: ClosedRange<Int64>, _ body: (AnswerScanRow) throws -> Void) throws {
        let rows = try SQLiteRows(db, sql: "SELECT prompt_id, kind, text, number FROM answer WHERE prompt_id BETWEEN ? AND ?",
                                  arguments: [ids.lowerBound, ids.upperBound])
        let row = AnswerScanRow(rows: rows)
        while try rows.step() { try body(row) }
    }

    /// The answered follow-ups of `practices` whose slot lies in `span`.
    public func forEachFollowUpAnswer(of practices: [String], slotIn span: Range<Double>,
                                      _ body: (FollowUpAnswerRow) throws -> Void) throws {
        guard !practices.isEmpty else { return }
        let marks = Array(repeating: "?", count: practices.count).joined(separator: ", ")
        let rows = try SQLiteRows(db, sql: """
            SELECT p.practice, p.follow_up_key, p.parent_id, a.kind, a.text, a.number, p.slot FROM prompt p
            JOIN answer a ON a.prompt_id = p.id
            WHERE p.practice IN (\(marks)) AND p.slot >= ? AND p.slot < ? AND p.kind = 'follow-up'
            """, arguments: StatementArguments(practices + [span.lowerBound, span.upperBound] as [any DatabaseValueConvertible]))
        let row = FollowUpAnswerRow(rows: rows)
        while try rows.step() { try body(row) }
    }

    // MARK: - Entries

    /// Entries by id when `span` is nil, else those created in `span`, by time.
    public func forEachEntry(createdIn span: Range<Double>?, _ body: (EntryScanRow) throws -> Void) throws {
        let rows = try SQLiteRows(db, sql: span == nil
            ? "SELECT id, kind, created_at, parent_id, payload, choices FROM entry ORDER BY id"
            : "SELECT id, kind, created_at, parent_id, payload, choices FROM entry WHERE created_at >= ? AND created_at < ? ORDER BY created_at",
            arguments: span.map { [$0.lowerBound, $0.upperBound] } ?? [])
        let row = EntryScanRow(rows: rows)
        while try rows.step() { try body(row) }
    }

    /// The entries of `kind` created in `span`, oldest first; one whose values cannot be read
    /// (written by hand in another shape) is left out rather than failing the whole read.
    public func entries(kind: String, createdIn span: Range<Double>) throws -> [EntryRecord] {
        let request = EntryRecord.all()
            .filter(EntryRecord.Columns.kind == kind && EntryRecord.Columns.createdAt >= span.lowerBound
                    && EntryRecord.Columns.createdAt < span.upperBound)
            .order(EntryRecord.Columns.createdAt)
        return try Row.fetchAll(db, request).compactMap { try? EntryRecord(row: $0) }
    }

    /// When each entry of `kind` in `span` was created, oldest first, with the text of its
    /// field `field` when one is named (read inside SQLite; nil where it holds no text).
    /// Person-written: name a field only where the output may contain it.
    public func entryTimes(kind: String, createdIn span: Range<Double>, text field: String?) throws -> [(time: Double, text: String?)] {
        var text = "NULL"
        if let field {
            precondition(!field.contains("\"") && !field.contains("'"), "field keys are code constants without quotes")
            text = "CASE WHEN json_type(payload, '$.\"\(field)\"') = 'text' THEN json_extract(payload, '$.\"\(field)\"') END"
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT created_at, \(text) FROM entry WHERE kind = ? AND created_at >= ? AND created_at < ? ORDER BY created_at
            """, arguments: [kind, span.lowerBound, span.upperBound])
        return rows.map { (time: $0[0], text: $0[1]) }
    }

    // MARK: - Export

    /// Every prompt (with its answer) and every entry — those in `span` by the prompt's slot
    /// and the entry's time, or all when nil — in the order they were recorded: prompts by id
    /// and entries by id (each a straight walk of its table), merged by creation time,
    /// prompts first at equal times.
    public func forEachRecord(in span: Range<Double>?, _ body: (JournalRecordRow) throws -> Void) throws {
        let bounds: StatementArguments = span.map { [$0.lowerBound, $0.upperBound] } ?? []
        let prompts = try SQLiteRows(db, sql: Self.recordPromptsSQL(span), arguments: bounds)
        let entries = try SQLiteRows(db, sql: Self.recordEntriesSQL(span), arguments: bounds)
        let prompt = JournalRecordRow.prompt(PromptRecordRow(rows: prompts))
        let entry = JournalRecordRow.entry(EntryRecordRow(rows: entries))
        var hasPrompt = try prompts.step()
        var hasEntry = try entries.step()
        while hasPrompt || hasEntry {
            if hasPrompt && (!hasEntry || prompts.double(8) <= entries.double(1)) {
                try body(prompt)
                hasPrompt = try prompts.step()
            } else {
                try body(entry)
                hasEntry = try entries.step()
            }
        }
    }
}

extension JournalSnapshot {
    static func recordPromptsSQL(_ span: Range<Double>?) -> String {
        """
        SELECT p.id, p.slot, p.practice, p.kind, p.parent_id, p.follow_up_key, p.title, p.body, p.created_at,
               p.due_at, p.expires_at, p.delivered_at, p.snoozes, p.outcome, p.ended_at,
               a.kind, a.text, a.number, a.note, a.answered_at, a.channel, p.entry_id
        FROM prompt p LEFT JOIN answer a ON a.prompt_id = p.id
        \(span == nil ? "" : "WHERE p.slot >= ? AND p.slot < ?") ORDER BY p.id
        """
    }

    static func recordEntriesSQL(_ span: Range<Double>?) -> String {
        """
        SELECT id, created_at, kind, parent_id, payload FROM entry
        \(span == nil ? "" : "WHERE created_at >= ? AND created_at < ?") ORDER BY id
        """
    }

    /// For `steady-bench` only: reads every column of every record `forEachRecord` reads,
    /// either straight from SQLite's buffers (as `forEachRecord` does) or through GRDB's `Row`
    /// cursor (a `DatabaseValue` per column), and returns the number of rows read. Measures
    /// what the hand-read rows save.
    public func readAllRecordColumns(throughGRDBCursor: Bool) throws -> Int {
        var count = 0
        var bytes = 0
        for sql in [Self.recordPromptsSQL(nil), Self.recordEntriesSQL(nil)] {
            if throughGRDBCursor {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    for index in 0..<row.count {
                        switch (row[index] as DatabaseValue).storage {
                        case .string(let text): bytes &+= text.utf8.count
                        case .int64(let n): bytes &+= Int(truncatingIfNeeded: n) & 1
                        case .double(let x): bytes &+= x > 0 ? 1 : 0
                        default: break
                        }
                    }
                    count += 1
                }
            } else {
                let rows = try SQLiteRows(db, sql: sql)
                while try rows.step() {
                    for index in 0..<rows.columnCount {
                        switch rows.type(index) {
                        case SQLITE_TEXT: bytes &+= rows.bytes(index).count
                        case SQLITE_INTEGER: bytes &+= rows.int(index) & 1
                        case SQLITE_FLOAT: bytes &+= rows.double(index) > 0 ? 1 : 0
                        default: break
                        }
                    }
                    count += 1
                }
            }
        }
        return bytes == -1 ? 0 : count
    }
}

extension Journal {
    // MARK: - Reads for insights

    /// Runs `body` inside one read transaction: a consistent snapshot of the journal for
    /// reads that go through a lot at once (statistics, the report, a streaming export).
    ///
    /// The daemon may keep writing meanwhile (WAL): `body` does not see those writes and does
    /// not block them. `body` must not keep the snapshot beyond its return. An error `body`
    /// throws that is not the journal's own comes out as a `JournalError` (`.storage`); catch
    /// yours inside `body` to tell them apart.
    public func readSnapshot<T>(_ body: (JournalSnapshot) throws -> T) throws(JournalError) -> T {
        try read { db in try body(JournalSnapshot(db: db)) }
    }
}

// MARK: - Row views

/// A prompt as `forEachPrompt` reads it.
public struct PromptScanRow {
    let rows: SQLiteRows
    public var id: Int64 { Int64(rows.int(0)) }
    public var slot: Double { rows.double(1) }
    /// The practice id's bytes.
    public var practice: UnsafeRawBufferPointer { rows.bytes(2) }
    /// The outcome's bytes (`answered`, …).
    public var outcome: UnsafeRawBufferPointer { rows.bytes(3) }
    public var snoozes: Int { rows.int(4) }
}

/// An answer as `forEachAnswer` reads it: the `answer` table's columns (docs/journal-format.md).
public struct AnswerScanRow {
    let rows: SQLiteRows
    public var promptID: Int64 { Int64(rows.int(0)) }
    /// The kind's bytes: `choice`, `number`, `text` or `done`.
    public var kind: UnsafeRawBufferPointer { rows.bytes(1) }
    /// A choice's key or written text. Person-written for `text`.
    public var text: String? { rows.string(2) }
    public var number: Double { rows.double(3) }
}

/// An answered follow-up as `forEachFollowUpAnswer` reads it.
public struct FollowUpAnswerRow {
    let rows: SQLiteRows
    public var practice: String { rows.string(0) ?? "" }
    public var followUpKey: String { rows.string(1) ?? "" }
    public var parentID: Int64? { rows.optionalInt(2).map(Int64.init) }
    public var kind: String { rows.string(3) ?? "" }
    /// A choice's key or written text. Person-written for `text`.
    public var text: String? { rows.string(4) }
    public var number: Int { rows.int(5) }
    public var slot: Double { rows.double(6) }
}

/// An entry as `forEachEntry` reads it: its values still as stored (`EntryValues`).
public struct EntryScanRow {
    let rows: SQLiteRows
    public var id: Int64 { Int64(rows.int(0)) }
    /// The kind's bytes (the form id).
    public var kind: UnsafeRawBufferPointer { rows.bytes(1) }
    public var createdAt: Double { rows.double(2) }
    public var parentID: Int64? { rows.optionalInt(3).map(Int64.init) }
    /// The `payload` column's bytes: a plain JSON object. Person-written.
    public var payload: UnsafeRawBufferPointer { rows.bytes(4) }
    /// The `choices` column's bytes (empty for NULL).
    public var choices: UnsafeRawBufferPointer { rows.bytes(5) }
}

/// One record of `forEachRecord`.
public enum JournalRecordRow {
    case prompt(PromptRecordRow)
    case entry(EntryRecordRow)
}

/// A prompt with its answer, every column, as `forEachRecord` reads it. Byte buffers are nil
/// for NULL.
public struct PromptRecordRow {
    let rows: SQLiteRows
    public var id: Int64 { Int64(rows.int(0)) }
    public var slot: Double { rows.double(1) }
    public var practice: UnsafeRawBufferPointer { rows.bytes(2) }
    public var kind: UnsafeRawBufferPointer { rows.bytes(3) }
    public var parentID: Int? { rows.optionalInt(4) }
    public var followUpKey: UnsafeRawBufferPointer? { rows.optionalBytes(5) }
    public var title: UnsafeRawBufferPointer { rows.bytes(6) }
    public var body: UnsafeRawBufferPointer { rows.bytes(7) }
    public var createdAt: Double { rows.double(8) }
    public var dueAt: Double { rows.double(9) }
    public var expiresAt: Double { rows.double(10) }
    public var deliveredAt: Double? { rows.optionalDouble(11) }
    public var snoozes: Int { rows.int(12) }
    public var outcome: UnsafeRawBufferPointer { rows.bytes(13) }
    public var endedAt: Double? { rows.optionalDouble(14) }
    /// The answer's kind (`choice`, `number`, `text`, `done`); nil when there is no answer.
    public var answerKind: UnsafeRawBufferPointer? { rows.optionalBytes(15) }
    public var answerText: UnsafeRawBufferPointer? { rows.optionalBytes(16) }
    public var answerNumber: Int? { rows.optionalInt(17) }
    public var answerNote: UnsafeRawBufferPointer? { rows.optionalBytes(18) }
    public var answeredAt: Double? { rows.optionalDouble(19) }
    public var answerChannel: UnsafeRawBufferPointer? { rows.optionalBytes(20) }
    public var entryID: Int? { rows.optionalInt(21) }
}

/// An entry, every column, as `forEachRecord` reads it.
public struct EntryRecordRow {
    let rows: SQLiteRows
    public var id: Int64 { Int64(rows.int(0)) }
    public var createdAt: Double { rows.double(1) }
    public var kind: UnsafeRawBufferPointer { rows.bytes(2) }
    public var parentID: Int? { rows.optionalInt(3) }
    /// The values as stored: a plain JSON object of field → value (docs/journal-format.md).
    public var payload: UnsafeRawBufferPointer? { rows.optionalBytes(4) }
}
