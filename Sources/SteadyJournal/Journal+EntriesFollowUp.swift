import Foundation
import GRDB
import SteadyKit

extension Journal {
    // MARK: - Reads

    /// Entries of `kind` not followed up yet, newest first: the trigger journal entries still
    /// waiting for "how long did it take to settle" — neither an entry of `followUpKind` nor
    /// an answered check-in about them (a follow-up answered on a notification).
    public func entriesAwaitingFollowUp(kind: String, followUpKind: String, limit: Int = 20) throws(JournalError) -> [EntryRecord] {
        try read { db in
            try EntryRecord.fetchAll(db, sql: """
                SELECT * FROM entry e WHERE e.kind = ?
                AND NOT EXISTS (SELECT 1 FROM entry f WHERE f.parent_id = e.id AND f.kind = ?)
                AND NOT EXISTS (SELECT 1 FROM prompt p WHERE p.entry_id = e.id AND p.outcome = 'answered')
                ORDER BY e.created_at DESC, e.id DESC LIMIT ?
                """, arguments: [kind, followUpKind, limit])
        }
    }

    /// Check-ins about entry `id` still waiting for an answer.
    public func pendingPrompts(followingUpEntry id: Int64) throws(JournalError) -> [PromptRecord] {
        try read { db in
            try PromptRecord.filter(PromptRecord.Columns.entryID == id && PromptRecord.Columns.outcome == Outcome.pending.rawValue)
                .order(PromptRecord.Columns.id).fetchAll(db)
        }
    }

    /// The entries that follow up entry `id`, oldest first.
    public func followUps(of id: Int64) throws(JournalError) -> [EntryRecord] {
        try read { db in
            try EntryRecord.fetchAll(db, sql: "SELECT * FROM entry WHERE parent_id = ? ORDER BY created_at, id", arguments: [id])
        }
    }
}
