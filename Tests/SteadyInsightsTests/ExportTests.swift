import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

@Suite struct ExportTests {
    /// Text that breaks naive CSV and JSON writers.
    static let hostile = [
        "comma, inside", "a \"quoted\" word", "\"starts with a quote", "line one\nline two", "windows\r\nline end",
        "lone\rcarriage return", "emoji 🌱💛👩🏽‍🦱", "=SUM(A1:A2)", "  spaces around  ", "back\\slash and /", "tab\there",
        "control \u{01}\u{1F} characters", "ends with a comma,", "ü é 東京 ✓", ",", "\"",
    ]

    let fixture: JournalFixture
    init() throws { fixture = try JournalFixture() }

    /// Adds one wins prompt per hostile text (answered with it, noted with it) and one entry each.
    func addHostileText() throws {
        for (index, text) in Self.hostile.enumerated() {
            let slot = JournalFixture.at(2, 8, index)
            let prompt = try #require(try fixture.journal.recordPrompt(
                practice: "wins", slot: slot, content: JournalFixture.text, createdAt: slot, dueAt: slot, expiresAt: slot + 3600))
            try fixture.journal.recordAnswer(Answer(promptID: prompt.id, value: .text(text), note: text,
                                                    answeredAt: slot + 30, channel: .terminal))
            try fixture.journal.recordEntry(FormResponse(formID: "win", values: ["win": .text(text)]), at: slot + 40)
        }
    }

    func export(_ format: ExportFormat, window: DateWindow = .all) throws -> (String, JournalExport.Summary) {
        let collected = Collected()
        let summary = try JournalExport(format: format, window: window, timeZone: JournalFixture.timeZone)
            .write(from: fixture.journal, to: CaptureSink { collected.bytes.append(contentsOf: $0) })
        return (String(decoding: collected.bytes, as: UTF8.self), summary)
    }

    /// Runs Python's csv module over `csv` and returns the rows as it read them.
    func readWithPython(_ csv: String) throws -> [[String: Any]] {
        let file = fixture.directory.file("export.csv")
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                reader = csv.reader(f, strict=True)
                header = next(reader)
                rows = [dict(zip(header, row)) | ({'__extra__': row[len(header):]} if len(row) != len(header) else {}) for row in reader]
            json.dump({'header': header, 'rows': rows}, sys.stdout)
            """
        let output = try run(["python3", "-c", script, file])
        let object = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(object["header"] as? [String] == JournalExport.columns)
        return try #require(object["rows"] as? [[String: Any]])
    }

    func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments[0]) failed")
        return data
    }

    @Test func csv_roundTripsHostileText_throughPythonsCSVModule() throws {
        try addHostileText()
        let (csv, summary) = try export(.csv)
        #expect(csv.hasPrefix(JournalExport.columns.joined(separator: ",") + "\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        let rows = try readWithPython(csv)
        #expect(rows.count == summary.records)
        #expect(rows.allSatisfy { $0["__extra__"] == nil })
        func value(_ row: [String: Any], _ key: String) -> String? { row[key] as? String }
        let wins = rows.filter { value($0, "practice") == "wins" && value($0, "answer_kind") == "text" && value($0, "time")!.hasPrefix("2025-01-08") }
        #expect(wins.map { value($0, "answer_value") } == Self.hostile)
        #expect(wins.map { value($0, "answer_note") } == Self.hostile)
        let entries = rows.filter { value($0, "record") == "entry" && value($0, "kind") == "win" && value($0, "time")!.hasPrefix("2025-01-08") }
        let fields = try entries.map { row in
            try #require(try JSONSerialization.jsonObject(with: Data(value(row, "fields")!.utf8)) as? [String: String])
        }
        #expect(fields.map { $0["win"]! } == Self.hostile)
    }

    @Test func jsonLines_roundTripHostileText_oneObjectPerLine() throws {
        try addHostileText()
        let (text, summary) = try export(.json)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count - 1 == summary.records)
        let objects = try lines.dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.allSatisfy { Set($0.keys) == Set(JournalExport.columns) })
        let wins = objects.filter { $0["practice"] as? String == "wins" && ($0["time"] as? String)?.hasPrefix("2025-01-08") == true }
        #expect(wins.map { $0["answer_value"] as? String } == Self.hostile)
        // Python's json reads the same.
        let file = fixture.directory.file("export.jsonl")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let python = try run(["python3", "-c", "import json,sys; print(sum(1 for l in open(sys.argv[1], encoding='utf-8') if json.loads(l)))", file])
        #expect(String(decoding: python, as: UTF8.self) == "\(summary.records)\n")
    }

    @Test func columns_holdPromptsAnswersAndEntries_inTheOrderTheyWereRecorded() throws {
        let (text, summary) = try export(.json)
        #expect(summary.prompts == 10)
        #expect(summary.answers == 5)
        #expect(summary.entries == 16)
        let objects = try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        // Each kind of record in the order it was written; the fixture wrote all prompts first.
        let promptIDs = objects.filter { $0["record"] as? String == "prompt" }.map { $0["id"] as! Int }
        let entryIDs = objects.filter { $0["record"] as? String == "entry" }.map { $0["id"] as! Int }
        #expect(promptIDs == Array(1...10))
        #expect(entryIDs == Array(1...16))
        let first = objects[0]
        #expect(first["record"] as? String == "prompt")
        #expect(first["id"] as? Int == 1)
        #expect(first["time"] as? String == "2025-01-06T07:30:00+01:00")
        #expect(first["practice"] as? String == "morning-mindfulness")
        #expect(first["kind"] as? String == "scheduled")
        #expect(first["due_at"] as? String == "2025-01-06T07:45:00+01:00")
        #expect(first["snoozes"] as? Int == 1)
        #expect(first["outcome"] as? String == "answered")
        #expect(first["answer_kind"] as? String == "choice")
        #expect(first["answer_value"] as? String == "box")
        #expect(first["answer_channel"] as? String == "notification")
        #expect(first["answered_at"] as? String == "2025-01-06T07:50:00+01:00")
        #expect(first["fields"] is NSNull)
        let evening = try #require(objects.first { $0["practice"] as? String == "evening-reflection" && $0["outcome"] as? String == "answered" })
        #expect(evening["answer_value"] as? Int == 4)
        let trigger = try #require(objects.first { $0["kind"] as? String == "trigger-journal" })
        #expect(trigger["record"] as? String == "entry")
        #expect(trigger["practice"] is NSNull)
        let fields = try #require(trigger["fields"] as? [String: Any])
        #expect(fields["intensity"] as? Int == 8)
        #expect(fields["kind"] as? String == "distance")
        #expect(fields["what-happened"] as? String == JournalFixture.Private.triggerText)
        let followUp = try #require(objects.first { $0["kind"] as? String == "trigger-journal-follow-up" })
        #expect(followUp["parent_id"] as? Int == trigger["id"] as? Int)
    }

    @Test func window_limitsTheExport() throws {
        let (csv, summary) = try export(.csv, window: DateWindow(since: JournalFixture.tuesday))
        #expect(summary.prompts == 6)
        #expect(summary.entries == 11)
        #expect(!csv.contains("2025-01-06T"))
    }

    @Test func emptyJournal_exportsOnlyTheHeader() throws {
        let empty = try JournalFixture(empty: ())
        let collected = Collected()
        let summary = try JournalExport(format: .csv).write(from: empty.journal, to: CaptureSink { collected.bytes.append(contentsOf: $0) })
        #expect(summary.records == 0)
        #expect(String(decoding: collected.bytes, as: UTF8.self) == JournalExport.columns.joined(separator: ",") + "\r\n")
    }

    @Test func entryFields_matchWhatWasRecorded() throws {
        // Every kind of value, through Journal.recordEntry and back out of SQLite's JSON.
        try fixture.journal.recordEntry(FormResponse(formID: "sample", values: [
            "a-number": .number(-3), "b-choice": .choice("x"), "c-text": .text("y\n\"z\""), "d-done": .done,
        ]), at: JournalFixture.at(3, 9))
        let (text, _) = try export(.json, window: DateWindow(since: JournalFixture.at(3, 0)))
        #expect(text == """
            {"record":"entry","id":17,"time":"2025-01-09T09:00:00+01:00","practice":null,"kind":"sample","parent_id":null,\
            "follow_up_key":null,"title":null,"body":null,"created_at":"2025-01-09T09:00:00+01:00","due_at":null,\
            "expires_at":null,"delivered_at":null,"snoozes":null,"outcome":null,"ended_at":null,"answer_kind":null,\
            "answer_value":null,"answer_note":null,"answered_at":null,"answer_channel":null,\
            "fields":{"a-number":-3,"b-choice":"x","c-text":"y\\n\\"z\\"","d-done":true},"entry_id":null}

            """)
    }

    @Test func triggerCheckIn_carriesTheEntryItFollowsUp() throws {
        let entry = try fixture.journal.recordEntry(
            FormResponse(formID: "trigger-journal", values: ["intensity": .number(6)]), at: JournalFixture.at(3, 9))
        let slot = JournalFixture.at(3, 10)
        _ = try #require(try fixture.journal.recordPrompt(
            practice: "trigger-journal", slot: slot, kind: .followUp, followUpKey: "settle", entryID: entry.id,
            content: JournalFixture.text, createdAt: JournalFixture.at(3, 9), dueAt: slot, expiresAt: slot + 3600))
        let (text, _) = try export(.json, window: DateWindow(since: JournalFixture.at(3, 0)))
        let objects = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let checkIn = try #require(objects.first { $0["record"] as? String == "prompt" })
        #expect(checkIn["entry_id"] as? Int == Int(entry.id))
        #expect(checkIn["follow_up_key"] as? String == "settle")
        #expect(objects.first { $0["record"] as? String == "entry" }?["entry_id"] is NSNull)
    }

    @Test func output_failing_isAnInsightsError() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(throws: InsightsError.self) {
            try JournalExport(format: .csv).write(from: fixture.journal, to: FileDescriptorSink(fd: fd))
        }
    }
}

/// Bytes collected by a `CaptureSink`.
final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// A sink that hands each chunk to a closure.
struct CaptureSink: ByteSink {
    let target: (UnsafeRawBufferPointer) -> Void
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws { target(bytes) }
}
