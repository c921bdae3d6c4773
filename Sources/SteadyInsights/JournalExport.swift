import Foundation
import GRDB
import SteadyJournal
import SteadyKit

/// The file formats of `steady export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV: a header line, CRLF line ends, fields quoted when they hold a comma,
    /// a quote or a line break (quotes doubled).
    case csv
    /// JSON Lines: one JSON object per line, the same keys as the CSV columns.
    case json
}

/// Streams every prompt (with its answer) and every entry in a window to CSV or JSON Lines,
/// in the order they were recorded, in constant memory.
///
/// Rows come from two SQLite statements (prompts and entries, each by id) merged by creation
/// time as they are read inside one snapshot; output goes out in 64 KiB chunks. The columns are stable and
/// documented in `docs/export.md`; new columns are only ever added at the end.
public struct JournalExport {
    /// The columns, in order. The JSON keys are the same names.
    public static let columns = [
        "record", "id", "time", "practice", "kind", "parent_id", "follow_up_key", "title", "body",
        "created_at", "due_at", "expires_at", "delivered_at", "snoozes", "outcome", "ended_at",
        "answer_kind", "answer_value", "answer_note", "answered_at", "answer_channel", "fields", "entry_id",
    ]

    /// `"name":` for each column, ready to copy into JSON Lines.
    static let jsonKeys: [[UInt8]] = columns.map { Array("\"\($0)\":".utf8) }

    public var format: ExportFormat
    public var window: DateWindow
    public var timeZone: TimeZone

    public init(format: ExportFormat, window: DateWindow = .all, timeZone: TimeZone = .current) {
        self.format = format
        self.window = window
        self.timeZone = timeZone
    }

    /// How much was written.
    public struct Summary: Sendable, Hashable {
        public var prompts = 0
        public var answers = 0
        public var entries = 0
        public var bytes = 0
        /// Lines of data written (prompts and entries; an answer shares its prompt's line).
        public var records: Int { prompts + entries }
    }

    /// Writes the export to `sink`. `progress` is called every 100 000 records (for benchmarks).
    public func write(from journal: Journal, to sink: any ByteSink, progress: ((Summary) -> Void)? = nil) throws -> Summary {
        var outcome: Result<Summary, any Error> = .success(Summary())
        try journal.readSnapshot { db in
            do {
                outcome = .success(try write(db, to: sink, progress: progress))
            } catch let error as InsightsError {
                outcome = .failure(error)  // an output error, not the journal's
            }
        }
        return try outcome.get()
    }

    private var lower: Double { window.lowerBound.isFinite ? window.lowerBound : -1e18 }
    private var upper: Double { window.upperBound.isFinite ? window.upperBound : 1e18 }

    func write(_ db: Database, to sink: any ByteSink, progress: ((Summary) -> Void)?) throws -> Summary {
        var out = RecordWriter(writer: ByteWriter(sink: sink), format: format, clock: LocalClock(timeZone: timeZone))
        defer { out.writer.release() }
        var summary = Summary()
        if format == .csv { out.header() }
        // Prompts in the order steady recorded them (by id, which follows their creation
        // time), entries likewise, merged by that time. Reading in id order is a straight
        // walk of each table; ordering by slot would cost a lookup per row.
        let promptWindow = window == .all ? "" : "WHERE p.slot >= ? AND p.slot < ?"
        let entryWindow = window == .all ? "" : "WHERE created_at >= ? AND created_at < ?"
        let bounds: StatementArguments = window == .all ? [] : [lower, upper]
        let prompts = try SQLiteRows(db, sql: """
            SELECT p.id, p.slot, p.practice, p.kind, p.parent_id, p.follow_up_key, p.title, p.body, p.created_at,
                   p.due_at, p.expires_at, p.delivered_at, p.snoozes, p.outcome, p.ended_at,
                   a.kind, a.text, a.number, a.note, a.answered_at, a.channel, p.entry_id
            FROM prompt p LEFT JOIN answer a ON a.prompt_id = p.id
            \(promptWindow) ORDER BY p.id
            """, arguments: bounds)
        let entries = try SQLiteRows(db, sql: """
            SELECT id, created_at, kind, parent_id, payload FROM entry \(entryWindow) ORDER BY id
            """, arguments: bounds)
        var hasPrompt = try prompts.step()
        var hasEntry = try entries.step()
        while hasPrompt || hasEntry {
            // By when each was recorded; at the same time, prompts first.
            if hasPrompt && (!hasEntry || prompts.double(8) <= entries.double(1)) {
                out.prompt(prompts)
                summary.prompts += 1
                if !prompts.isNull(15) { summary.answers += 1 }
                hasPrompt = try prompts.step()
            } else {
                out.entry(entries)
                summary.entries += 1
                hasEntry = try entries.step()
            }
            try out.writer.flushIfFull()
            if let progress, summary.records % 100_000 == 0 {
                summary.bytes = out.writer.flushed + out.writer.count
                progress(summary)
            }
        }
        try out.writer.flush()
        summary.bytes = out.writer.flushed
        return summary
    }
}

/// Internal access to the fields writer, for tests.
enum JournalExportTestHook {
    static func flatFields(_ payload: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        RecordWriter.flatFields(payload, into: &out)
    }
}

/// Writes one record's fields in the export's column order, as CSV or as a JSON object.
private struct RecordWriter {
    var writer: ByteWriter
    let format: ExportFormat
    var clock: LocalClock
    private var column = 0
    /// Reused for each entry's fields.
    private var scratch: [UInt8] = []

    init(writer: ByteWriter, format: ExportFormat, clock: LocalClock) {
        self.writer = writer
        self.format = format
        self.clock = clock
    }

    mutating func header() {
        writer.raw(Array((JournalExport.columns.joined(separator: ",") + "\r\n").utf8))
    }

    mutating func prompt(_ row: SQLiteRows) {
        begin()
        literal("prompt")
        int(row, 0)                      // id
        time(row, 1)                     // time (slot)
        text(row, 2)                     // practice
        text(row, 3)                     // kind
        int(row, 4)                      // parent_id
        text(row, 5)                     // follow_up_key
        text(row, 6)                     // title
        text(row, 7)                     // body
        time(row, 8); time(row, 9); time(row, 10); time(row, 11)
        int(row, 12)                     // snoozes
        text(row, 13)                    // outcome
        time(row, 14)                    // ended_at
        text(row, 15)                    // answer_kind
        switch row.bytes(15).first {     // answer_value
        case UInt8(ascii: "n"): int(row, 17)
        case UInt8(ascii: "d"): literal("done")
        case nil: null()
        default: text(row, 16)
        }
        text(row, 18)                    // answer_note
        time(row, 19)                    // answered_at
        text(row, 20)                    // answer_channel
        null()                           // fields
        int(row, 21)                     // entry_id
        end()
    }

    mutating func entry(_ row: SQLiteRows) {
        begin()
        literal("entry")
        int(row, 0)                      // id
        time(row, 1)                     // time
        null()                           // practice
        text(row, 2)                     // kind
        int(row, 3)                      // parent_id
        for _ in 0..<3 { null() }        // follow_up_key, title, body
        time(row, 1)                     // created_at
        for _ in 0..<3 { null() }        // due_at, expires_at, delivered_at
        null()                           // snoozes
        for _ in 0..<7 { null() }        // outcome … answer_channel
        fields(row, 4)                   // fields
        null()                           // entry_id
        end()
    }

    // MARK: - Fields

    private mutating func begin() {
        column = 0
        if format == .json { writer.byte(UInt8(ascii: "{")) }
    }

    private mutating func end() {
        if format == .json { writer.ascii("}\n") } else { writer.ascii("\r\n") }
    }

    private mutating func key() {
        if column > 0 { writer.byte(0x2C) }
        if format == .json { writer.raw(JournalExport.jsonKeys[column]) }
        column += 1
    }

    private mutating func null() {
        key()
        if format == .json { writer.ascii("null") }
    }

    private mutating func literal(_ value: StaticString) {
        key()
        if format == .json { writer.byte(0x22); writer.ascii(value); writer.byte(0x22) } else { writer.ascii(value) }
    }

    private mutating func int(_ row: SQLiteRows, _ column: Int32) {
        guard !row.isNull(column) else { return null() }
        key()
        writer.int(row.int(column))
    }

    private mutating func time(_ row: SQLiteRows, _ column: Int32) {
        guard !row.isNull(column) else { return null() }
        key()
        if format == .json { writer.byte(0x22) }
        writer.timestamp(row.double(column), clock: &clock)
        if format == .json { writer.byte(0x22) }
    }

    private mutating func text(_ row: SQLiteRows, _ column: Int32) {
        guard !row.isNull(column) else { return null() }
        key()
        if format == .json { writer.jsonString(row.bytes(column)) } else { writer.csvField(row.bytes(column)) }
    }

    /// An entry's fields as one flat JSON object, keys sorted: nested as it is in JSON Lines,
    /// as a quoted field in CSV.
    private mutating func fields(_ row: SQLiteRows, _ column: Int32) {
        guard !row.isNull(column) else { return null() }
        key()
        scratch.removeAll(keepingCapacity: true)
        Self.flatFields(row.bytes(column), into: &scratch)
        if format == .json { writer.raw(scratch) } else { scratch.withUnsafeBytes { writer.csvField($0) } }
    }

    /// `{"key":value,…}` from a stored `FormResponse`: numbers as numbers, choices and text as
    /// strings (copied as the JSON literals they already are), done as `true`.
    static func flatFields(_ payload: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let parsed = EntryPayload.parse(payload) {
            let sorted = parsed.fields.sorted { a, b in
                payload[a.key].lexicographicallyPrecedes(payload[b.key])
            }
            for (n, field) in sorted.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: payload[field.key])
                out.append(contentsOf: "\":".utf8)
                if field.kind == .done { out.append(contentsOf: "true".utf8) } else { out.append(contentsOf: payload[field.value]) }
            }
        } else if let response = EntryPayload.decode(payload) {
            for (n, key) in response.values.keys.sorted().enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: Self.jsonLiteral(key))
                out.append(UInt8(ascii: ":"))
                switch response.values[key]! {
                case .number(let number): out.append(contentsOf: String(number).utf8)
                case .choice(let text), .text(let text): out.append(contentsOf: Self.jsonLiteral(text))
                case .done: out.append(contentsOf: "true".utf8)
                }
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A string as a JSON literal (Foundation's encoding; the slow path only).
    private static func jsonLiteral(_ text: String) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return Array((try? encoder.encode(text)) ?? Data("\"\"".utf8))
    }
}
