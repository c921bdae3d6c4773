import Foundation
import GRDB
import SteadyKit

/// Something the person logged on their own (`steady log trigger`, a thought record, a win,
/// a self-assessment): a filled-in `Form`, stored as its `FormResponse`.
public struct EntryRecord: Sendable, Hashable {
    public var id: Int64
    /// The form's id, e.g. `trigger`, `thought-record`, `assessment`.
    public var kind: String
    public var createdAt: Date
    /// The entry this one follows up (e.g. a trigger's "how long did it take to settle").
    public var parentID: Int64?
    /// What was written and rated. Private: never logged.
    public var response: FormResponse
}

extension EntryRecord: FetchableRecord {
    public init(row: Row) throws {
        id = row["id"]
        kind = row["kind"]
        createdAt = Date(timeIntervalSince1970: row["created_at"])
        parentID = row["parent_id"]
        let payload: String = row["payload"]
        response = try JSONDecoder().decode(FormResponse.self, from: Data(payload.utf8))
    }
}

extension Journal {
    // MARK: - Writes

    /// Stores an entry durably and returns it.
    @discardableResult
    public func recordEntry(_ response: FormResponse, at date: Date, parentID: Int64? = nil) throws(JournalError) -> EntryRecord {
        let payload = String(decoding: try! JSONEncoder().encode(response), as: UTF8.self)
        return try writeDurably { db in
            try db.execute(sql: "INSERT INTO entry (kind, created_at, parent_id, payload) VALUES (?, ?, ?, ?)",
                           arguments: [response.formID, date.timeIntervalSince1970, parentID, payload])
            let id = db.lastInsertedRowID
            try Self.insertEvent(db, at: date, kind: "entry", promptID: nil, detail: response.formID)
            return EntryRecord(id: id, kind: response.formID, createdAt: date, parentID: parentID, response: response)
        }
    }

    // MARK: - Reads

    /// Entries newest first, optionally of one kind and since a time.
    public func entries(kind: String? = nil, since: Date? = nil, limit: Int = 100) throws(JournalError) -> [EntryRecord] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let kind { conditions.append("kind = ?"); arguments.append(kind) }
            if let since { conditions.append("created_at >= ?"); arguments.append(since.timeIntervalSince1970) }
            arguments.append(limit)
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try EntryRecord.fetchAll(db, sql: "SELECT * FROM entry \(whereClause) ORDER BY created_at DESC, id DESC LIMIT ?",
                                            arguments: StatementArguments(arguments))
        }
    }

    /// The entry with id `id`.
    public func entry(_ id: Int64) throws(JournalError) -> EntryRecord? {
        try read { db in try EntryRecord.fetchOne(db, sql: "SELECT * FROM entry WHERE id = ?", arguments: [id]) }
    }
}
