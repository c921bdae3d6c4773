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
/// in time order, in constant memory.
///
/// Rows come from two GRDB cursors (prompts by slot, entries by creation time) merged as they
/// are read inside one snapshot; output goes out in 64 KiB chunks. The columns are stable and
/// documented in `docs/export.md`; new columns are only ever added at the end.
public struct JournalExport {
    /// The columns, in order. The JSON keys are the same names.
    public static let columns = [
        "record", "id", "time", "practice", "kind", "parent_id", "follow_up_key", "title", "body",
        "created_at", "due_at", "expires_at", "delivered_at", "snoozes", "outcome", "ended_at",
        "answer_kind", "answer_value", "answer_note", "answered_at", "answer_channel", "fields",
    ]

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
    public func write<Sink: ByteSink>(from journal: Journal, to sink: Sink, progress: ((Summary) -> Void)? = nil) throws -> Summary {
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

    func write<Sink: ByteSink>(_ db: Database, to sink: Sink, progress: ((Summary) -> Void)?) throws -> Summary {
        var out = RecordWriter(writer: ByteWriter(sink: sink), format: format, clock: LocalClock(timeZone: timeZone))
        var summary = Summary()
        if format == .csv { out.header() }
        let prompts = try Row.fetchCursor(db, sql: """
            SELECT p.id, p.slot, p.practice, p.kind, p.parent_id, p.follow_up_key, p.title, p.body, p.created_at,
                   p.due_at, p.expires_at, p.delivered_at, p.snoozes, p.outcome, p.ended_at,
                   a.kind, a.text, a.number, a.note, a.answered_at, a.channel
            FROM prompt p LEFT JOIN answer a ON a.prompt_id = p.id
            WHERE p.slot >= ? AND p.slot < ? ORDER BY p.slot, p.id
            """, arguments: [lower, upper])
        let entries = try Row.fetchCursor(db, sql: """
            SELECT id, created_at, kind, parent_id, payload FROM entry
            WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id
            """, arguments: [lower, upper])
        var prompt = try prompts.next()
        var entry = try entries.next()
        while prompt != nil || entry != nil {
            // Time order; at the same time, prompts first.
            if let p = prompt, entry == nil || (p[1] as Double) <= (entry![1] as Double) {
                try out.prompt(p)
                summary.prompts += 1
                if !p.hasNull(atIndex: 15) { summary.answers += 1 }
                prompt = try prompts.next()
            } else if let e = entry {
                try out.entry(e)
                summary.entries += 1
                entry = try entries.next()
            }
            try out.writer.flushIfFull()
            if let progress, summary.records % 100_000 == 0 {
                summary.bytes = out.writer.flushed + out.writer.buffer.count
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
        RecordWriter<MemorySink>.flatFields(payload, into: &out)
    }
}

/// Writes one record's fields in the export's column order, as CSV or as a JSON object.
private struct RecordWriter<Sink: ByteSink> {
    var writer: ByteWriter<Sink>
    let format: ExportFormat
    var clock: LocalClock
    private var column = 0
    /// Reused for each entry's fields.
    private var scratch: [UInt8] = []

    init(writer: ByteWriter<Sink>, format: ExportFormat, clock: LocalClock) {
        self.writer = writer
        self.format = format
        self.clock = clock
    }

    mutating func header() {
        for (index, name) in JournalExport.columns.enumerated() {
            if index > 0 { writer.byte(0x2C) }
            writer.string(name)
        }
        writer.ascii("\r\n")
    }

    mutating func prompt(_ row: Row) throws {
        begin()
        literal("prompt")
        int(row[0])
        time(row[1])
        try text(row, 2)                 // practice
        try text(row, 3)                 // kind
        int(row[4])                      // parent_id
        try text(row, 5)                 // follow_up_key
        try text(row, 6)                 // title
        try text(row, 7)                 // body
        time(row[8]); time(row[9]); time(row[10]); time(row[11])
        int(row[12])                     // snoozes
        try text(row, 13)                // outcome
        time(row[14])                    // ended_at
        let answerKind: String? = row[15]
        try text(row, 15)                // answer_kind
        switch answerKind {              // answer_value
        case "number"?: int(row[17])
        case "done"?: literal("done")
        case nil: null()
        default: try text(row, 16)
        }
        try text(row, 18)                // answer_note
        time(row[19])                    // answered_at
        try text(row, 20)                // answer_channel
        null()                           // fields
        end()
    }

    mutating func entry(_ row: Row) throws {
        begin()
        literal("entry")
        int(row[0])
        time(row[1])                     // time
        null()                           // practice
        try text(row, 2)                 // kind
        int(row[3])                      // parent_id
        for _ in 0..<3 { null() }        // follow_up_key, title, body
        time(row[1])                     // created_at
        for _ in 0..<3 { null() }        // due_at, expires_at, delivered_at
        null()                           // snoozes
        for _ in 0..<7 { null() }        // outcome … answer_channel
        try json(row, 4)                 // fields
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
        let name = JournalExport.columns[column]
        switch format {
        case .csv:
            if column > 0 { writer.byte(0x2C) }
        case .json:
            if column > 0 { writer.byte(0x2C) }
            writer.byte(0x22); writer.string(name); writer.ascii("\":")
        }
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

    private mutating func int(_ value: Int?) {
        guard let value else { return null() }
        key()
        writer.int(value)
    }

    private mutating func time(_ value: Double?) {
        guard let value else { return null() }
        key()
        if format == .json { writer.byte(0x22) }
        writer.timestamp(value, clock: &clock)
        if format == .json { writer.byte(0x22) }
    }

    private mutating func text(_ row: Row, _ index: Int) throws {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data else { return null() }
            key()
            data.withUnsafeBytes { bytes in
                if format == .json { writer.jsonString(bytes) } else { writer.csvField(bytes) }
            }
        }
    }

    /// An entry's fields as one flat JSON object, keys sorted: nested as it is in JSON Lines,
    /// as a quoted field in CSV.
    private mutating func json(_ row: Row, _ index: Int) throws {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data else { return null() }
            key()
            data.withUnsafeBytes { bytes in
                scratch.removeAll(keepingCapacity: true)
                Self.flatFields(bytes, into: &scratch)
                if format == .json { writer.buffer.append(contentsOf: scratch) }
                else { scratch.withUnsafeBytes { writer.csvField($0) } }
            }
        }
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
