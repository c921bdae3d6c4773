import Foundation
import GRDB
import SteadyKit

/// A prompt as stored in the journal: what was asked, when, and how it ended.
public struct PromptRecord: Sendable, Hashable {
    /// Why the prompt exists.
    public enum Kind: String, Sendable, Hashable, Codable {
        case scheduled
        case followUp = "follow-up"
    }

    /// The journal id; what `steady answer ID` takes.
    public var id: Int64
    public var practice: PracticeID
    /// The schedule slot (or follow-up time) it belongs to; a scheduled prompt is unique by practice and slot.
    public var slot: Date
    public var kind: Kind
    public var followUpKey: String?
    public var parentID: Int64?
    /// The entry this prompt follows up (a trigger journal entry), if any.
    public var entryID: Int64?
    public var content: PromptContent
    public var createdAt: Date
    /// When it should be shown (moves forward on snooze and when deferred out of quiet hours).
    public var dueAt: Date
    public var expiresAt: Date
    /// When a channel last showed it, if ever.
    public var deliveredAt: Date?
    public var snoozes: Int
    public var outcome: Outcome
    public var endedAt: Date?
}

// MARK: - Database

extension PromptRecord: FetchableRecord, TableRecord {
    public static let databaseTableName = "prompt"

    /// The `prompt` table's columns (docs/journal-format.md).
    public enum Columns {
        public static let id = Column("id")
        public static let practice = Column("practice")
        public static let slot = Column("slot")
        public static let kind = Column("kind")
        public static let followUpKey = Column("follow_up_key")
        public static let parentID = Column("parent_id")
        public static let entryID = Column("entry_id")
        public static let title = Column("title")
        public static let body = Column("body")
        /// The `AnswerRequest`, JSON as Swift's `Codable` writes it (internal to steady).
        public static let request = Column("request")
        public static let createdAt = Column("created_at")
        public static let dueAt = Column("due_at")
        public static let expiresAt = Column("expires_at")
        public static let deliveredAt = Column("delivered_at")
        public static let snoozes = Column("snoozes")
        public static let outcome = Column("outcome")
        public static let endedAt = Column("ended_at")
    }

    public init(row: Row) throws {
        id = row[Columns.id]
        practice = PracticeID(row[Columns.practice] as String)
        slot = Date(timeIntervalSince1970: row[Columns.slot])
        kind = Kind(rawValue: row[Columns.kind]) ?? .scheduled
        followUpKey = row[Columns.followUpKey]
        parentID = row[Columns.parentID]
        entryID = row[Columns.entryID]
        let requestJSON: String = row[Columns.request]
        let request = (try? JSONDecoder().decode(AnswerRequest.self, from: Data(requestJSON.utf8))) ?? .done
        content = PromptContent(title: row[Columns.title], body: row[Columns.body], request: request)
        createdAt = Date(timeIntervalSince1970: row[Columns.createdAt])
        dueAt = Date(timeIntervalSince1970: row[Columns.dueAt])
        expiresAt = Date(timeIntervalSince1970: row[Columns.expiresAt])
        deliveredAt = (row[Columns.deliveredAt] as Double?).map(Date.init(timeIntervalSince1970:))
        snoozes = row[Columns.snoozes]
        outcome = Outcome(rawValue: row[Columns.outcome]) ?? .pending
        endedAt = (row[Columns.endedAt] as Double?).map(Date.init(timeIntervalSince1970:))
    }
}
