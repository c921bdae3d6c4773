import Foundation
import Logging
import SteadyTestSupport
import Testing

@testable import SteadyService

/// How a log event becomes a journald entry or a stderr line, and when each is chosen.
@Suite struct SteadyLogHandlerTests {
    static func event(_ level: Logger.Level = .info, _ message: Logger.Message, _ metadata: Logger.Metadata? = nil,
                      error: (any Error)? = nil) -> LogEvent {
        LogEvent(level: level, message: message, error: error, metadata: metadata, source: "SteadyDaemon",
                 file: "SteadyDaemon/Engine+Scheduling.swift", function: "createPrompt(_:slot:)", line: 88)
    }

    @Test func journalEntry_hasTheStandardFields_andSteadysOwn() {
        var handler = SteadyLogHandler(label: "steady", destination: .journald)
        handler[metadataKey: "component"] = "engine"
        let fields = handler.journalFields(for: Self.event(.info, "prompt created", [
            "practice.id": "evening-reflection", "prompt.id": "12", "outcome": "pending", "reason": "due",
        ]))
        #expect(fields == [
            "MESSAGE=prompt created",
            "PRIORITY=6",
            "SYSLOG_IDENTIFIER=steady",
            "CODE_FILE=SteadyDaemon/Engine+Scheduling.swift",
            "CODE_LINE=88",
            "CODE_FUNC=createPrompt(_:slot:)",
            "COMPONENT=engine",
            "OUTCOME=pending",
            "PRACTICE=evening-reflection",
            "PROMPT_ID=12",
            "REASON=due",
        ])
    }

    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func priority_followsSyslog(level: Logger.Level, priority: Int) {
        let fields = SteadyLogHandler(label: "steady", destination: .journald).journalFields(for: Self.event(level, "x"))
        #expect(fields.contains("PRIORITY=\(priority)"))
    }

    @Test(arguments: [
        ("practice.id", "PRACTICE"), ("prompt.id", "PROMPT_ID"), ("outcome", "OUTCOME"),
        ("event.kind", "EVENT_KIND"), ("exit.status", "EXIT_STATUS"), ("2fa", "F_2FA"), ("café", "CAF_"),
        (String(repeating: "k", count: 80), String(repeating: "K", count: 64)),
    ])
    func metadataKeys_becomeValidJournalFieldNames(key: String, field: String) {
        #expect(SteadyLogHandler.journalField(key) == field)
    }

    @Test func anError_isLoggedAsTheErrorField() {
        struct Failure: Error, CustomStringConvertible { var description: String { "disk full" } }
        let fields = SteadyLogHandler(label: "steady", destination: .journald)
            .journalFields(for: Self.event(.error, "could not record an event", error: Failure()))
        #expect(fields.contains("ERROR=disk full"))
    }

    @Test func stderrLine_isOneReadableLine() {
        let handler = SteadyLogHandler(label: "steady", destination: .stderr)
        let line = handler.stderrLine(
            for: Self.event(.warning, "prompt could not be shown;\nit stays pending", ["prompt.id": "3", "error": "no server"]),
            pid: 4242)
        #expect(line == "steady[4242]: warning: prompt could not be shown; it stays pending error=no server prompt.id=3\n")
    }

    @Test func destination_isJournald_onlyWhenJournalStreamNamesStderr() throws {
        let directory = TemporaryDirectory(prefix: "steady-log")
        let path = try directory.write("stream", "")
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        defer { close(fd) }
        var info = stat()
        #expect(fstat(fd, &info) == 0)
        let matching = "\(info.st_dev):\(info.st_ino)"
        #expect(SteadyLogHandler.detectDestination(environment: ["JOURNAL_STREAM": matching], descriptor: fd) == .journald)
        #expect(SteadyLogHandler.detectDestination(environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino + 1)"],
                                                   descriptor: fd) == .stderr)
        #expect(SteadyLogHandler.detectDestination(environment: [:], descriptor: fd) == .stderr)
        #expect(SteadyLogHandler.detectDestination(environment: ["JOURNAL_STREAM": "journal"], descriptor: fd) == .stderr)
        #expect(SteadyLogHandler.detectDestination(environment: ["JOURNAL_STREAM": matching], descriptor: -1) == .stderr)
    }
}
