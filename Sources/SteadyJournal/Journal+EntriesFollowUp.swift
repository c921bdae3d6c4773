import Foundation
import GRDB

extension Journal {
    // MARK: - Reads

    /// Entries of `kind` that no entry of `followUpKind` follows up yet, newest first: the
    /// trigger journal entries still waiting for "how long did it take to settle".
    public func entriesAwaitingFollowUp(kind: String, followUpKind: String, limit: Int = 20) throws(JournalError) -> [EntryRecord] {
        try read { db in
            try EntryRecord.fetchAll(db, sql: """
                SELECT * FROM entry e WHERE e.kind = ?
                AND NOT EXISTS (SELECT 1 FROM entry f WHERE f.parent_id = e.id AND f.kind = ?)
                ORDER BY e.created_at DESC, e.id DESC LIMIT ?
                """, arguments: [kind, followUpKind, limit])
        }
    }

    /// The entries that follow up entry `id`, oldest first.
    public func followUps(of id: Int64) throws(JournalError) -> [EntryRecord] {
        try read { db in
            try EntryRecord.fetchAll(db, sql: "SELECT * FROM entry WHERE parent_id = ? ORDER BY created_at, id", arguments: [id])
        }
    }
}
