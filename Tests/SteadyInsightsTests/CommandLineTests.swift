import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

/// What a command printed and how it ended.
struct Ran {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The real `steady` binary on the fixture's journal: what a person types.
@Suite struct CommandLineTests {
    let fixture: JournalFixture
    var environment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": fixture.directory.path,
         "XDG_DATA_HOME": fixture.directory.path + "/data", "XDG_CONFIG_HOME": fixture.directory.path + "/config",
         "XDG_RUNTIME_DIR": fixture.directory.path, "TZ": "Europe/Berlin", "LANG": "C.UTF-8"]
    }

    init() throws { fixture = try JournalFixture() }

    func steady(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Ran {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SteadyBinary.path)
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ran(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func history_filtersAndPrintsNewestFirst() throws {
        let result = try steady(["history", "--practice", "evening-reflection", "--outcome", "answered"])
        #expect(result.status == 0)
        #expect(result.stdout == "2025-01-06 21:00  #3  Evening reflection    answered: 4 of 5 — PRIVATE-NOTE, felt \"okay\" ⏎ then better\n")
        let limited = try steady(["history", "--limit", "2", "--until", "2025-01-06"])
        #expect(limited.stdout.split(separator: "\n").map { $0.prefix(16) } == ["2025-01-06 22:00", "2025-01-06 21:45"])
    }

    @Test func history_json_isAnArrayOfRecords() throws {
        let result = try steady(["history", "--json", "--limit", "3"])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 3)
        #expect(array[0]["type"] as? String == "entry")
        #expect((array[0]["fields"] as? [String: Any])?["intensity"] as? Int == 7)
    }

    @Test func history_badFilters_sayWhatToDo() throws {
        let outcome = try steady(["history", "--outcome", "answerd"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("'answerd' is not an outcome. Did you mean 'answered'?"))
        let practice = try steady(["history", "--practice", "evening-reflektion"])
        #expect(practice.status == 64)
        #expect(practice.stderr.contains("Did you mean 'evening-reflection'?"))
        let since = try steady(["history", "--since", "last tuesday"])
        #expect(since.status == 64)
        #expect(since.stderr.contains("--since 'last tuesday' is not a date or a span"))
    }

    @Test func history_inATerminal_goesThroughThePager_whichMayStopEarly() throws {
        // Enough history for many pages; the pager reads five lines and quits.
        for n in 0..<3000 {
            try fixture.journal.recordEntry(FormResponse(formID: "win", values: ["win": .text("win \(n)")]),
                                            at: JournalFixture.at(2, 0).addingTimeInterval(Double(n)))
        }
        let seen = fixture.directory.file("paged.txt")
        let command = "\(SteadyBinary.path) history"
        let result = try run("/usr/bin/script", ["-qec", command, "/dev/null"],
                             environment: environment.merging(["PAGER": "head -n 5 > \(seen)"]) { $1 })
        #expect(result.status == 0)
        let paged = try String(contentsOfFile: seen, encoding: .utf8).split(separator: "\n")
        #expect(paged.count == 5)
        #expect(paged.first?.hasPrefix("2025-01-08 00:49  e") == true)
        #expect(paged.allSatisfy { $0.contains("  A win worth keeping  ") })

        // An export read only in part (`| head`) ends quietly and successfully.
        let partial = try run("/bin/bash", ["-c", "set -o pipefail; \(SteadyBinary.path) export json | head -n 2 | wc -l"],
                              environment: environment)
        #expect(partial.status == 0)
        #expect(partial.stdout == "2\n")
    }

    func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Ran {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ran(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test func stats_report_export_writeWhatTheySay() throws {
        let stats = try steady(["stats", "--since", "all"])
        #expect(stats.status == 0)
        #expect(stats.stdout.hasPrefix("What has helped you, from 6 Jan 2025 to 7 Jan 2025 (everything so far)\n"))
        #expect(stats.stdout.contains("Morning mindfulness"))
        let json = try steady(["stats", "--since", "2025-01-01", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["total"] as? [String: Any])?["offered"] as? Int == 10)

        let report = fixture.directory.file("out/report.html")
        try FileManager.default.createDirectory(atPath: fixture.directory.file("out"), withIntermediateDirectories: true)
        let written = try steady(["report", "--since", "all", "-o", report])
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("Wrote \(report) ("))
        let attributes = try FileManager.default.attributesOfItem(atPath: report)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("data-plot=\"before-after\""))
        #expect(!html.contains("PRIVATE-"))

        let csv = fixture.directory.file("out/journal.csv")
        let exported = try steady(["export", "csv", "-o", csv])
        #expect(exported.stdout == "Wrote 26 records to \(csv): 10 prompts (5 answered) and 16 entries.\n")
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("record,id,time,practice,kind,"))
        let toStdout = try steady(["export", "json", "--since", "2025-01-07"])
        #expect(toStdout.stdout.split(separator: "\n").count == 17)
        let bad = try steady(["export", "xml"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'xml' is not an export format; use csv or json."))
    }

    @Test func withoutAJournal_everythingSaysSoGently() throws {
        let empty = TemporaryDirectory(prefix: "steady-nojournal")
        let extra = ["XDG_DATA_HOME": empty.path + "/data"]
        let history = try steady(["history"], environment: extra)
        #expect(history.stdout == "Nothing yet: the journal starts with steady's first prompt or your first entry.\n")
        let stats = try steady(["stats"], environment: extra)
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("Nothing is recorded in this stretch yet."))
        let export = try steady(["export", "csv"], environment: extra)
        #expect(export.stdout == "record,id,time,practice,kind,parent_id,follow_up_key,title,body,created_at,due_at,expires_at,delivered_at,snoozes,outcome,ended_at,answer_kind,answer_value,answer_note,answered_at,answer_channel,fields,entry_id\r\n")
        #expect(!FileManager.default.fileExists(atPath: empty.path + "/data/steady/journal.sqlite"))
    }
}
