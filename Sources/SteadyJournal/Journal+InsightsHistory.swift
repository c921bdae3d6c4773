import Foundation
import GRDB
import SteadyKit

/// Which prompts and entries `Journal.historyPage(_:after:limit:)` returns.
public struct HistoryFilter: Sendable, Hashable {
    /// From this time on (inclusive), when set.
    public var since: Date?
    /// Before this time (exclusive), when set.
    public var until: Date?
    /// Practice ids (for prompts) and entry kinds (form ids, for entries) to keep; empty keeps all.
    public var practices: [String]
    /// Outcomes to keep; empty keeps all. Entries have no outcome, so any outcome filter leaves them out.
    public var outcomes: [Outcome]

    public init(since: Date? = nil, until: Date? = nil, practices: [String] = [], outcomes: [Outcome] = []) {
        self.since = since
        self.until = until
        self.practices = practices
        self.outcomes = outcomes
    }
}

/// One line of the history: a prompt (with its answer, if any) or an entry the person logged.
public enum HistoryRecord: Sendable, Hashable {
    case prompt(HistoryItem)
    case entry(EntryRecord)

    /// When it happened: the prompt's slot, or the entry's creation time.
    public var time: Date {
        switch self {
        case .prompt(let item): item.prompt.slot
        case .entry(let entry): entry.createdAt
        }
    }

    /// Where the next page starts after this record.
    public var cursor: HistoryCursor {
        switch self {
        case .prompt(let item): HistoryCursor(time: item.prompt.slot.timeIntervalSince1970, isPrompt: true, id: item.prompt.id)
        case .entry(let entry): HistoryCursor(time: entry.createdAt.timeIntervalSince1970, isPrompt: false, id: entry.id)
        }
    }
}

/// A position in the history, which runs newest first: by time, then prompts before entries
/// at the same time, then by id, descending.
public struct HistoryCursor: Sendable, Hashable {
    public var time: Double
    public var isPrompt: Bool
    public var id: Int64

    public init(time: Double, isPrompt: Bool, id: Int64) {
        self.time = time
        self.isPrompt = isPrompt
        self.id = id
    }

    /// Whether `self` comes before `other` in history order (newest first).
    func precedes(_ other: HistoryCursor) -> Bool {
        if time != other.time { return time > other.time }
        if isPrompt != other.isPrompt { return isPrompt }
        return id > other.id
    }
}

extension Journal {
    // MARK: - Reads for `steady history`

    /// Up to `limit` prompts and entries matching `filter`, newest first, starting after `cursor`.
    ///
    /// Keyset paging: each page costs an index range scan of about `limit` rows, however deep
    /// into a large journal it starts.
    public func historyPage(_ filter: HistoryFilter, after cursor: HistoryCursor? = nil, limit: Int) throws(JournalError) -> [HistoryRecord] {
        guard limit > 0 else { return [] }
        return try read { db in
            let prompts = try Self.promptPage(db, filter, after: cursor, limit: limit)
            let entries = filter.outcomes.isEmpty ? try Self.entryPage(db, filter, after: cursor, limit: limit) : []
            // Merge two newest-first lists and keep the first `limit`.
            var merged: [HistoryRecord] = []
            merged.reserveCapacity(limit)
            var p = prompts.makeIterator(), e = entries.makeIterator()
            var nextPrompt = p.next(), nextEntry = e.next()
            while merged.count < limit {
                switch (nextPrompt, nextEntry) {
                case (let prompt?, let entry?):
                    if prompt.cursor.precedes(entry.cursor) { merged.append(prompt); nextPrompt = p.next() }
                    else { merged.append(entry); nextEntry = e.next() }
                case (let prompt?, nil): merged.append(prompt); nextPrompt = p.next()
                case (nil, let entry?): merged.append(entry); nextEntry = e.next()
                case (nil, nil): return merged
                }
            }
            return merged
        }
    }

    private static func promptPage(_ db: Database, _ filter: HistoryFilter, after cursor: HistoryCursor?, limit: Int) throws -> [HistoryRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = filter.since { conditions.append("p.slot >= ?"); arguments.append(since.timeIntervalSince1970) }
        if let until = filter.until { conditions.append("p.slot < ?"); arguments.append(until.timeIntervalSince1970) }
        if let cursor {
            if cursor.isPrompt {
                // `slot <= t` bounds the index range; the rest only sorts out ties.
                conditions.append("p.slot <= ? AND (p.slot < ? OR p.id < ?)")
                arguments += [cursor.time, cursor.time, cursor.id]
            } else {
                conditions.append("p.slot < ?")
                arguments.append(cursor.time)
            }
        }
        if !filter.practices.isEmpty {
            conditions.append("p.practice IN (\(Array(repeating: "?", count: filter.practices.count).joined(separator: ", ")))")
            arguments += filter.practices
        }
        if !filter.outcomes.isEmpty {
            conditions.append("p.outcome IN (\(Array(repeating: "?", count: filter.outcomes.count).joined(separator: ", ")))")
            arguments += filter.outcomes.map(\.rawValue)
        }
        return try historyItems(db, where: conditions, arguments: arguments, limit: limit).map { .prompt($0) }
    }

    private static func entryPage(_ db: Database, _ filter: HistoryFilter, after cursor: HistoryCursor?, limit: Int) throws -> [HistoryRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = filter.since { conditions.append("created_at >= ?"); arguments.append(since.timeIntervalSince1970) }
        if let until = filter.until { conditions.append("created_at < ?"); arguments.append(until.timeIntervalSince1970) }
        if let cursor {
            if cursor.isPrompt {
                conditions.append("created_at <= ?")
                arguments.append(cursor.time)
            } else {
                conditions.append("created_at <= ? AND (created_at < ? OR id < ?)")
                arguments += [cursor.time, cursor.time, cursor.id]
            }
        }
        if !filter.practices.isEmpty {
            conditions.append("kind IN (\(Array(repeating: "?", count: filter.practices.count).joined(separator: ", ")))")
            arguments += filter.practices
        }
        arguments.append(limit)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try EntryRecord.fetchAll(db, sql: "SELECT * FROM entry \(whereClause) ORDER BY created_at DESC, id DESC LIMIT ?",
                                        arguments: StatementArguments(arguments)).map { .entry($0) }
    }

    /// The distinct practice ids and entry kinds the journal holds, sorted: what `--practice` may name.
    public func recordedKinds() throws(JournalError) -> [String] {
        try read { db in
            // Skip-scan over the practice and kind indexes: one probe per distinct value.
            var kinds = Set<String>()
            var last: String? = nil
            while let next = try String.fetchOne(db, sql: "SELECT practice FROM prompt WHERE practice > ? ORDER BY practice LIMIT 1", arguments: [last ?? ""]) {
                kinds.insert(next); last = next
            }
            last = nil
            while let next = try String.fetchOne(db, sql: "SELECT kind FROM entry WHERE kind > ? ORDER BY kind LIMIT 1", arguments: [last ?? ""]) {
                kinds.insert(next); last = next
            }
            return kinds.sorted()
        }
    }
}
