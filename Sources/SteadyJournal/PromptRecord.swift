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

extension PromptRecord: FetchableRecord {
    enum Columns {
        static let all = "id, practice, slot, kind, follow_up_key, parent_id, entry_id, title, body, request, created_at, due_at, expires_at, delivered_at, snoozes, outcome, ended_at"
        /// `all`, each column as `p.name`, for queries that join other tables.
        static let qualified = all.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
    }

    public init(row: Row) throws {
        id = row["id"]
        practice = PracticeID(row["practice"] as String)
        slot = Date(timeIntervalSince1970: row["slot"])
        kind = Kind(rawValue: row["kind"]) ?? .scheduled
        followUpKey = row["follow_up_key"]
        parentID = row["parent_id"]
        entryID = row["entry_id"]
        let requestJSON: String = row["request"]
        let request = (try? JSONDecoder().decode(AnswerRequest.self, from: Data(requestJSON.utf8))) ?? .done
        content = PromptContent(title: row["title"], body: row["body"], request: request)
        createdAt = Date(timeIntervalSince1970: row["created_at"])
        dueAt = Date(timeIntervalSince1970: row["due_at"])
        expiresAt = Date(timeIntervalSince1970: row["expires_at"])
        deliveredAt = (row["delivered_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        snoozes = row["snoozes"]
        outcome = Outcome(rawValue: row["outcome"]) ?? .pending
        endedAt = (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:))
    }
}
