import Foundation
import SteadyTestSupport
import Testing

/// "Acknowledged" means "on disk": a kill -9 cannot prove it (the page cache survives a killed
/// process), so these tests read the real system calls. `strace -f -y` records the daemon or
/// the command; every acknowledgement — the command's line on stdout, the daemon's reply on
/// the control socket, the bubble's thank-you (a `Notify` sent on the bus) — must come after
/// the journal's WAL was synced (`fsync`/`fdatasync` on `journal.sqlite-wal`) past the WAL
/// writes that hold what is acknowledged: the first writes to the WAL after the request
/// arrived (the answer's or entry's transaction), then its sync, then the acknowledgement.
///
/// Needs `strace` (installed by `make test`).
@Suite(.serialized) struct AcknowledgedOnDiskTests {
    typealias Home = DaemonEndToEndTests.Home

    static let calls = "trace=pwrite64,write,writev,sendmsg,sendto,fsync,fdatasync,read,recvmsg,recvfrom"

    /// Runs `arguments` under strace; returns its result and the trace.
    static func traced(_ arguments: [String], environment: [String: String], input: String? = nil, trace: String) throws -> CommandResult {
        try ChildProcess.run("/usr/bin/strace", ["-f", "-y", "-qq", "-s", "512", "-e", calls, "-o", trace, SteadyBinary.path] + arguments,
                             environment: environment, input: input)
    }

    static func requireStrace() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            throw TestSupportError("strace is missing: run scripts/install-deps test (it installs strace) — this test cannot prove the order without it")
        }
    }

    /// Records a pending sleep-wind-down prompt (daemon run, then stopped) and returns its id.
    static func pendingPrompt(_ home: Home, desktop: DesktopSession?) throws -> String {
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "\(DaemonEndToEndTests.slot(inSeconds: 2).expression)"
            """)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: home.environment(desktop: desktop, notifySocket: notify.path))
        try daemon.start()
        defer { daemon.stopHard() }
        guard notify.wait(timeout: 20, for: { $0.notifyField("STATUS")?.contains("1 pending") == true }) != nil else {
            throw TestSupportError("no pending prompt: \(daemon.stderr)")
        }
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit(timeout: 5)
        return try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt WHERE outcome = 'pending'")
    }

    @Test func answerFromTerminal_printsSavedOnlyAfterTheWALIsSynced() throws {
        try Self.requireStrace()
        let home = try Home()
        let id = try Self.pendingPrompt(home, desktop: nil)
        let trace = home.root.file("answer.trace")
        let result = try Self.traced(["answer", id, "heading-to-bed"], environment: home.environment(desktop: nil, notifySocket: nil), trace: trace)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let calls = try SyscallTrace(path: trace)
        let ack = try #require(calls.calls.first { $0.name == "write" && $0.fd == "1" }, "no write to stdout: \(calls.summary)")
        try calls.expectSynced(before: ack, after: nil)
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT outcome FROM prompt WHERE id = \(id)") != "pending")
    }

    @Test func entryWithoutDaemon_printsAddedOnlyAfterTheWALIsSynced() throws {
        try Self.requireStrace()
        let home = try Home()
        _ = try Self.pendingPrompt(home, desktop: nil)  // the journal exists, as on any day after the first
        let trace = home.root.file("wins.trace")
        let result = try Self.traced(["wins", "add", "asked for help and got it"], environment: home.environment(desktop: nil, notifySocket: nil), trace: trace)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let calls = try SyscallTrace(path: trace)
        let ack = try #require(calls.calls.first { $0.name == "write" && $0.fd == "1" && $0.text.contains("Added") }, "\(calls.summary)")
        try calls.expectSynced(before: ack, after: nil)

        // A trigger entry from `steady log trigger` (its check-in is scheduled in the same way).
        let logTrace = home.root.file("log.trace")
        let logged = try Self.traced(["log", "trigger"], environment: home.environment(desktop: nil, notifySocket: nil),
                                     input: "a slow reply\n\n\n\n\n7\n\n", trace: logTrace)
        #expect(logged.status == 0, "\(logged.stdout)\(logged.stderr)")
        let logCalls = try SyscallTrace(path: logTrace)
        let saved = try #require(logCalls.calls.first { $0.name == "write" && $0.fd == "1" && $0.text.contains("journal") }, "\(logged.stdout) \(logCalls.summary)")
        try logCalls.expectSynced(before: saved, after: nil)
    }

    @Test func answersThroughTheDaemon_areRepliedToOnlyAfterTheWALIsSynced() throws {
        try Self.requireStrace()
        let desktop = try DesktopSession()
        let home = try Home()
        let monitor = try BusMonitor(session: desktop)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            snooze = "2s"
            [practices.sleep-wind-down]
            schedule = "\(DaemonEndToEndTests.slot(inSeconds: 3).expression)"
            [practices.morning-mindfulness]
            schedule = "\(DaemonEndToEndTests.slot(inSeconds: 4).expression)"
            [practices.wins]
            schedule = "\(DaemonEndToEndTests.slot(inSeconds: 5).expression)"
            """)
        let notify = try NotifySocket(directory: home.root.path)
        let trace = home.root.file("daemon.trace")
        let daemon = ChildProcess("/usr/bin/strace", ["-f", "-y", "-qq", "-s", "512", "-e", Self.calls, "-o", trace, SteadyBinary.path, "daemon"],
                                  environment: home.environment(desktop: desktop, notifySocket: notify.path))
        try daemon.start()
        // Signals go to steady, strace's child: strace itself, stopped, would leave it running untraced.
        var steadyPID: Int32 = 0
        defer {
            if steadyPID > 0 { kill(steadyPID, SIGKILL) }
            daemon.stopHard()
        }
        #expect(notify.wait(timeout: 30) { $0.notifyField("STATUS")?.contains("3 pending") == true } != nil, "\(daemon.stderr)")
        steadyPID = try #require(Int32((try String(contentsOfFile: "/proc/\(daemon.pid)/task/\(daemon.pid)/children", encoding: .utf8))
            .split(separator: " ").first ?? ""), "strace's child")
        try desktop.waitForDisplayedCount(3)
        let env = home.environment(desktop: desktop, notifySocket: nil)
        let ids = try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt ORDER BY id").split(separator: "\n").map(String.init)
        let prompts = monitor.notifies
        func bubble(_ practiceTitleIndex: Int) -> UInt32 { prompts[practiceTitleIndex].returnedID ?? 0 }

        // On the bubble: an answer (its thank-you), Later ("Later, then…") and Skip (the bubble
        // is taken down: a blank in its place, then CloseNotification).
        try desktop.invokeAction(matching: "[\(bubble(0)),heading-to-bed]")
        _ = try monitor.waitForNotifies(4)
        try desktop.invokeAction(matching: "[\(bubble(1)),steady:later]")
        _ = try monitor.waitForNotifies(5)
        try desktop.invokeAction(matching: "[\(bubble(2)),steady:skip]")
        _ = try monitor.waitForNotifies(6)
        // In the terminal, through the daemon: the put-off prompt, once it is back.
        _ = try monitor.waitForNotifies(7, timeout: .seconds(15))
        let answered = try DaemonEndToEndTests.steady(["answer", ids[1], "box"], env)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT group_concat(outcome) FROM (SELECT outcome FROM prompt ORDER BY id)")
                == "answered,answered,skipped")
        kill(steadyPID, SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0, "steady under strace stops cleanly")
        steadyPID = 0

        let calls = try SyscallTrace(path: trace)
        // Each click arrives as an ActionInvoked read from the bus; what the daemon sends back
        // on the bus next (Notify) is the acknowledgement.
        let clicks = calls.indices.filter { calls.calls[$0].name.hasPrefix("recv") && calls.calls[$0].text.contains("ActionInvoked") }
        #expect(clicks.count == 3, "\(calls.summary)")
        for click in clicks {
            let ack = try #require(calls.calls[(click + 1)...].first { ["sendmsg", "writev"].contains($0.name) && $0.text.contains("Notify") },
                                   "no Notify after the click at \(click)")
            try calls.expectSynced(before: ack, after: click)
        }
        // The terminal's request: read on the control connection, answered there.
        let request = try #require(calls.indices.first { calls.calls[$0].name == "read" && calls.calls[$0].text.contains("promptID") },
                                   "\(calls.summary)")
        let reply = try #require(calls.calls[(request + 1)...].first { $0.name == "sendto" && $0.text.contains("answered") })
        try calls.expectSynced(before: reply, after: request)
    }
}

/// A trace written by `strace -f -y -o`: one system call a line (`PID name(args) = result`),
/// with `<unfinished …>` / `<… resumed>` pairs where threads interleave.
struct SyscallTrace {
    struct Call {
        var index: Int
        var pid: String
        var name: String
        /// The first argument, the descriptor, with its path as `-y` prints it (`5</…/journal.sqlite-wal>`).
        var fd: String
        var path: String
        var text: String
        /// The line where the call began.
        var start: Int
        /// The line where it finished (its result was printed).
        var finished: Int
    }

    var calls: [Call] = []
    var indices: Range<Int> { calls.indices }

    init(path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var open: [String: Int] = [:]  // pid → index of its unfinished call
        for (number, line) in lines.enumerated() {
            let pid = String(line.prefix { $0 != " " })
            let rest = line.dropFirst(pid.count).drop { $0 == " " }
            if rest.hasPrefix("<... ") {
                if let index = open.removeValue(forKey: pid) {
                    calls[index].finished = number
                    calls[index].text += String(rest)
                }
                continue
            }
            guard let paren = rest.firstIndex(of: "(") else { continue }
            let name = String(rest[rest.startIndex..<paren])
            let argument = rest[rest.index(after: paren)...].prefix { $0 != "," && $0 != ")" }
            let fd = String(argument.prefix { $0 != "<" })
            let path = argument.contains("<") ? String(argument.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" }) : ""
            let call = Call(index: calls.count, pid: pid, name: name, fd: fd, path: path, text: String(rest), start: number, finished: number)
            if rest.hasSuffix("<unfinished ...>") { open[pid] = calls.count }
            calls.append(call)
        }
    }

    var summary: String {
        "\(calls.count) calls: " + calls.suffix(40).map { "\($0.name)(\($0.fd)<\($0.path.split(separator: "/").last ?? "")>)" }.joined(separator: " ")
    }

    func isWAL(_ call: Call) -> Bool { call.path.hasSuffix("journal.sqlite-wal") }

    /// After `after` (the request's arrival; the start when nil): the first write to the WAL,
    /// then a sync of the WAL that finished before `ack` began.
    func expectSynced(before ack: Call, after: Int?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let start = (after ?? -1) + 1
        let window = calls[start..<ack.index]
        let firstWrite = try #require(window.first { $0.name == "pwrite64" && isWAL($0) },
                                      "nothing was written to the journal's WAL before the acknowledgement \(ack.name)(\(ack.fd)) at \(ack.index): \(summary)",
                                      sourceLocation: sourceLocation)
        let sync = window.first { $0.index > firstWrite.index && ["fsync", "fdatasync"].contains($0.name) && isWAL($0) }
        #expect(sync != nil, "no fsync/fdatasync of the WAL between its write at \(firstWrite.index) and the acknowledgement at \(ack.index)",
                sourceLocation: sourceLocation)
        if let sync {
            #expect(sync.finished < ack.start, "the sync at \(sync.index) finished only after the acknowledgement began", sourceLocation: sourceLocation)
            #expect(sync.text.contains("= 0"), "the sync failed: \(sync.text)", sourceLocation: sourceLocation)
        }
    }

}
