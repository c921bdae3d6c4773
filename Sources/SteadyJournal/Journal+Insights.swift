import GRDB

/// How many rows each table of the journal holds.
public struct JournalRowCounts: Sendable, Hashable {
    public var prompts: Int
    public var answers: Int
    public var entries: Int
    public var events: Int

    public init(prompts: Int, answers: Int, entries: Int, events: Int) {
        self.prompts = prompts
        self.answers = answers
        self.entries = entries
        self.events = events
    }
}

extension Journal {
    /// How many prompts, answers, entries and events the journal holds (a full count: for
    /// benchmarks and diagnostics, not for views a person waits on).
    public func rowCounts() throws(JournalError) -> JournalRowCounts {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM prompt), (SELECT count(*) FROM answer), (SELECT count(*) FROM entry),
                       (SELECT count(*) FROM event)
                """)!
            return JournalRowCounts(prompts: row[0], answers: row[1], entries: row[2], events: row[3])
        }
    }
}
