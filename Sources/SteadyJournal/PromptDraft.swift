import Foundation
import GRDB
import SteadyKit

/// A prompt about to be recorded: everything but its id and what happens to it later.
public struct PromptDraft: Sendable, Hashable {
    public var practice: PracticeID
    /// The schedule slot, or for a follow-up the time it is asked for.
    public var slot: Date
    public var kind: PromptRecord.Kind
    public var followUpKey: String?
    /// The prompt it follows, for a follow-up of an answer.
    public var parentID: Int64?
    /// The entry it follows, for a check-in about an entry.
    public var entryID: Int64?
    public var content: PromptContent
    public var createdAt: Date
    public var dueAt: Date
    public var expiresAt: Date
    public var outcome: Outcome
    /// Why it was created as it was ("quiet hours", "deferred past quiet hours"…), for the event log.
    public var reason: String?

    public init(practice: PracticeID, slot: Date, kind: PromptRecord.Kind = .scheduled, followUpKey: String? = nil,
                parentID: Int64? = nil, entryID: Int64? = nil, content: PromptContent, createdAt: Date, dueAt: Date,
                expiresAt: Date, outcome: Outcome = .pending, reason: String? = nil)
    {
        self.practice = practice
        self.slot = slot
        self.kind = kind
        self.followUpKey = followUpKey
        self.parentID = parentID
        self.entryID = entryID
        self.content = content
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.expiresAt = expiresAt
        self.outcome = outcome
        self.reason = reason
    }
}

extension PromptDraft: PersistableRecord {
    public static let databaseTableName = "prompt"

    /// The new row: `PromptRecord.Columns` but the id (SQLite picks it), delivery and snoozes
    /// (none yet); a prompt created already final (missed, suppressed) ends when it is created.
    public func encode(to container: inout PersistenceContainer) throws {
        typealias Columns = PromptRecord.Columns
        container[Columns.practice] = practice.rawValue
        container[Columns.slot] = slot.timeIntervalSince1970
        container[Columns.kind] = kind.rawValue
        container[Columns.followUpKey] = followUpKey
        container[Columns.parentID] = parentID
        container[Columns.entryID] = entryID
        container[Columns.title] = content.title
        container[Columns.body] = content.body
        container[Columns.request] = String(decoding: try JSONEncoder().encode(content.request), as: UTF8.self)
        container[Columns.createdAt] = createdAt.timeIntervalSince1970
        container[Columns.dueAt] = dueAt.timeIntervalSince1970
        container[Columns.expiresAt] = expiresAt.timeIntervalSince1970
        container[Columns.outcome] = outcome.rawValue
        container[Columns.endedAt] = outcome.isFinal ? createdAt.timeIntervalSince1970 : nil
    }
}
