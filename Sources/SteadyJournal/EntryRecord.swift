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

extension EntryRecord: FetchableRecord, TableRecord {
    public static let databaseTableName = "entry"

    /// The `entry` table's columns (docs/journal-format.md).
    public enum Columns {
        public static let id = Column("id")
        public static let kind = Column("kind")
        public static let createdAt = Column("created_at")
        public static let parentID = Column("parent_id")
        /// The values, a plain JSON object of field → value (`EntryValues`).
        public static let payload = Column("payload")
        /// The fields of `payload` that hold a choice's key, a JSON array, or NULL.
        public static let choices = Column("choices")
    }

    public init(row: Row) throws {
        id = row[Columns.id]
        kind = row[Columns.kind]
        createdAt = Date(timeIntervalSince1970: row[Columns.createdAt])
        parentID = row[Columns.parentID]
        response = FormResponse(formID: kind, values: try EntryValues.decode(payload: row[Columns.payload], choices: row[Columns.choices]))
    }

    /// Newest first, the order every list of entries uses.
    static func newestFirst(_ request: QueryInterfaceRequest<EntryRecord>) -> QueryInterfaceRequest<EntryRecord> {
        request.order(Columns.createdAt.desc, Columns.id.desc)
    }
}

extension Journal {
    // MARK: - Writes

    /// Stores an entry durably and returns it.
    @discardableResult
    public func recordEntry(_ response: FormResponse, at date: Date, parentID: Int64? = nil) throws(JournalError) -> EntryRecord {
        let (payload, choices) = EntryValues.encode(response.values)
        return try writeDurably { db in
            try Self.insertEntry(db, kind: response.formID, at: date, parentID: parentID, payload: payload, choices: choices)
            let id = db.lastInsertedRowID
            try Self.insertEvent(db, at: date, kind: "entry", promptID: nil, detail: response.formID)
            return EntryRecord(id: id, kind: response.formID, createdAt: date, parentID: parentID, response: response)
        }
    }

    /// Inserts one `entry` row.
    static func insertEntry(_ db: Database, kind: String, at date: Date, parentID: Int64?, payload: String, choices: String?) throws {
        try db.execute(sql: "INSERT INTO entry (kind, created_at, parent_id, payload, choices) VALUES (?, ?, ?, ?, ?)",
                       arguments: [kind, date.timeIntervalSince1970, parentID, payload, choices])
    }

    // MARK: - Reads

    /// Entries newest first, optionally of one kind and since a time.
    public func entries(kind: String? = nil, since: Date? = nil, limit: Int = 100) throws(JournalError) -> [EntryRecord] {
        try read { db in
            var request = EntryRecord.all()
            if let kind { request = request.filter(EntryRecord.Columns.kind == kind) }
            if let since { request = request.filter(EntryRecord.Columns.createdAt >= since.timeIntervalSince1970) }
            return try EntryRecord.newestFirst(request).limit(limit).fetchAll(db)
        }
    }

    /// The entry with id `id`.
    public func entry(_ id: Int64) throws(JournalError) -> EntryRecord? {
        try read { db in try EntryRecord.fetchOne(db, key: id) }
    }
}
