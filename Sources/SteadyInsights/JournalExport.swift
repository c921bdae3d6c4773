import Foundation
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
/// Rows come from the journal (`JournalSnapshot.forEachRecord`: prompts and entries, each by
/// id, merged by creation time) inside one snapshot; output goes out in 64 KiB chunks. The columns are stable and
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
        try journal.readSnapshot { snapshot in
            do {
                outcome = .success(try write(snapshot, to: sink, progress: progress))
            } catch let error as InsightsError {
                outcome = .failure(error)  // an output error, not the journal's
            }
        }
        return try outcome.get()
    }

    private var lower: Double { window.lowerBound.isFinite ? window.lowerBound : -1e18 }
    private var upper: Double { window.upperBound.isFinite ? window.upperBound : 1e18 }

    func write(_ snapshot: JournalSnapshot, to sink: any ByteSink, progress: ((Summary) -> Void)?) throws -> Summary {
        var out = RecordWriter(writer: ByteWriter(sink: sink), format: format, clock: LocalClock(timeZone: timeZone))
        defer { out.writer.release() }
        var summary = Summary()
        if format == .csv { out.header() }
        // Prompts in the order steady recorded them (by id, which follows their creation
        // time), entries likewise, merged by that time: the journal walks each table
        // straight; ordering by slot would cost a lookup per row.
        try snapshot.forEachRecord(in: window == .all ? nil : lower..<upper) { record in
            switch record {
            case .prompt(let prompt):
                out.prompt(prompt)
                summary.prompts += 1
                if prompt.answerKind != nil { summary.answers += 1 }
            case .entry(let entry):
                out.entry(entry)
                summary.entries += 1
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

    mutating func prompt(_ row: PromptRecordRow) {
        begin()
        literal("prompt")
        int(Int(row.id))                 // id
        time(row.slot)                   // time (slot)
        text(row.practice)               // practice
        text(row.kind)                   // kind
        int(row.parentID)                // parent_id
        text(row.followUpKey)            // follow_up_key
        text(row.title)                  // title
        text(row.body)                   // body
        time(row.createdAt); time(row.dueAt); time(row.expiresAt); time(row.deliveredAt)
        int(row.snoozes)                 // snoozes
        text(row.outcome)                // outcome
        time(row.endedAt)                // ended_at
        let answerKind = row.answerKind
        text(answerKind)                 // answer_kind
        switch answerKind?.first {       // answer_value
        case UInt8(ascii: "n"): int(row.answerNumber)
        case UInt8(ascii: "d"): literal("done")
        case nil: null()
        default: text(row.answerText)
        }
        text(row.answerNote)             // answer_note
        time(row.answeredAt)             // answered_at
        text(row.answerChannel)          // answer_channel
        null()                           // fields
        int(row.entryID)                 // entry_id
        end()
    }

    mutating func entry(_ row: EntryRecordRow) {
        begin()
        literal("entry")
        int(Int(row.id))                 // id
        let created = row.createdAt
        time(created)                    // time
        null()                           // practice
        text(row.kind)                   // kind
        int(row.parentID)                // parent_id
        for _ in 0..<3 { null() }        // follow_up_key, title, body
        time(created)                    // created_at
        for _ in 0..<3 { null() }        // due_at, expires_at, delivered_at
        null()                           // snoozes
        for _ in 0..<7 { null() }        // outcome … answer_channel
        fields(row.payload)              // fields
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

    private mutating func text(_ bytes: UnsafeRawBufferPointer?) {
        guard let bytes else { return null() }
        key()
        if format == .json { writer.jsonString(bytes) } else { writer.csvField(bytes) }
    }

    /// An entry's fields as one flat JSON object, keys sorted: nested as it is in JSON Lines,
    /// as a quoted field in CSV.
    private mutating func fields(_ payload: UnsafeRawBufferPointer?) {
        guard let payload else { return null() }
        key()
        scratch.removeAll(keepingCapacity: true)
        Self.flatFields(payload, into: &scratch)
        if format == .json { writer.raw(scratch) } else { scratch.withUnsafeBytes { writer.csvField($0) } }
    }

    /// `{"key":value,…}` from an entry's stored values: numbers as numbers, choices and text as
    /// strings, done as `true`, keys sorted. The journal stores exactly that
    /// (docs/journal-format.md), so a compact payload with sorted keys is copied as it is;
    /// anything else is rewritten from what `EntryPayload` (or Foundation) reads.
    static func flatFields(_ payload: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        if let parsed = EntryPayload.parse(payload), Self.isCompactAndSorted(parsed, payload) {
            out.append(contentsOf: payload)
            return
        }
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
        } else if let response = EntryPayload.decode(payload, choices: UnsafeRawBufferPointer(start: nil, count: 0)) {
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

    /// Whether `payload` is one object with no white space between tokens and its keys in
    /// byte order: what the journal writes, ready to copy.
    private static func isCompactAndSorted(_ parsed: EntryPayload, _ payload: UnsafeRawBufferPointer) -> Bool {
        var expected = 1  // after "{"
        for (n, field) in parsed.fields.enumerated() {
            if n > 0 {
                let previous = parsed.fields[n - 1]
                guard !payload[field.key].lexicographicallyPrecedes(payload[previous.key]) else { return false }
                expected += 1  // ","
            }
            guard field.key.lowerBound == expected + 1, field.value.lowerBound == field.key.upperBound + 2 else { return false }
            expected = field.value.upperBound
        }
        return expected + 1 == payload.count
    }

    /// A string as a JSON literal (Foundation's encoding; the slow path only).
    private static func jsonLiteral(_ text: String) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return Array((try? encoder.encode(text)) ?? Data("\"\"".utf8))
    }
}
