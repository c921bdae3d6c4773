import GRDB

extension Journal {
    // MARK: - Reads for insights

    /// Runs `body` inside one read transaction: a consistent snapshot of the journal for
    /// queries that read a lot at once (statistics, the report, a streaming export).
    ///
    /// The daemon may keep writing meanwhile (WAL): `body` does not see those writes and does
    /// not block them. `body` must not keep the `Database` beyond its return.
    public func readSnapshot<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        try read(body)
    }
}
