import Foundation
import SteadyTestSupport
import Testing

/// The real `steady daemon` speaks sd_notify to a `NOTIFY_SOCKET` the test owns, as systemd
/// would see it: the exact datagrams at start, reload (good and bad config), stop, fatal
/// start-up errors and a slow journal; watchdog pings at half `WATCHDOG_USEC`, only for this
/// process, and none while the engine queue is stuck.
@Suite(.serialized) struct ServiceNotifyEndToEndTests {
    // MARK: - Start, reload, stop

    @Test func lifecycle_sendsExactlyTheProtocolSystemdExpects() throws {
        let home = try ServiceHome()
        try home.writeConfig("""
            quiet-hours = "off"
            [practices.wins]
            schedule = "*-*-* 23:59:58"
            """)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }

        // Start: the status line, then READY=1 with the same status. Nothing else.
        let ready = try #require(notify.wait(forLine: "READY=1", timeout: 20), "no READY=1; stderr: \(daemon.stderr)")
        let status = try #require(ready.notifyField("STATUS"))
        #expect(status.hasPrefix("next: wins at "), "\(status)")
        #expect(notify.received == ["STATUS=\(status)", "READY=1\nSTATUS=\(status)"])

        // Reload with a good config: RELOADING=1 with the monotonic time of the reload, the
        // new status, READY=1.
        try home.writeConfig("""
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "*-*-* 23:59:59"
            """)
        var mark = notify.received.count
        let before = ServiceHome.monotonicMicroseconds()
        daemon.signal(SIGHUP)
        let reloaded = try #require(notify.wait(forLine: "READY=1", timeout: 10), "stderr: \(daemon.stderr)")
        let after = ServiceHome.monotonicMicroseconds()
        let newStatus = try #require(reloaded.notifyField("STATUS"))
        #expect(newStatus.hasPrefix("next: evening-reflection at "), "\(newStatus)")
        let reload = Array(notify.received[mark...])
        #expect(reload.count == 3, "\(reload)")
        let stamp = reload.first?.notifyField("MONOTONIC_USEC").flatMap(UInt64.init) ?? 0
        #expect(reload.first == "RELOADING=1\nMONOTONIC_USEC=\(stamp)")
        #expect(stamp >= before && stamp <= after, "MONOTONIC_USEC=\(stamp) outside [\(before), \(after)]")
        #expect(Array(reload.dropFirst()) == ["STATUS=\(newStatus)", "READY=1\nSTATUS=\(newStatus)"])

        // Reload with a broken config: RELOADING=1, then READY=1 whose status keeps the running
        // settings and says why.
        try home.writeConfig("[practices.evening-reflection]\nschedul = \"21:00\"\n")
        mark = notify.received.count
        daemon.signal(SIGHUP)
        let kept = try #require(notify.wait(forLine: "READY=1", timeout: 10))
        let keptStatus = kept.notifyField("STATUS") ?? ""
        #expect(keptStatus.hasPrefix("next: evening-reflection at "), "\(keptStatus)")
        #expect(keptStatus.contains("config error, previous settings kept: \(home.configPath):2:1"), "\(keptStatus)")
        let failedReload = Array(notify.received[mark...])
        #expect(failedReload.count == 2, "\(failedReload)")
        #expect(failedReload.first?.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") == true)
        #expect(daemon.isRunning)

        // Stop: STOPPING=1, a clean exit within a second, and nothing after.
        mark = notify.received.count
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1.0) == 0, "stderr: \(daemon.stderr)")
        while notify.next(timeout: 0.2) != nil {}
        #expect(Array(notify.received[mark...]) == ["STOPPING=1\nSTATUS=stopping"])
    }

    // MARK: - Fatal start-up

    @Test func badConfig_sendsTheReasonAndEINVAL_andExits78() throws {
        let home = try ServiceHome()
        try home.writeConfig("[practices.morning-mindfulness]\ntecnique = \"box\"\n")
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        #expect(daemon.waitForExit(timeout: 20) == 78, "stderr: \(daemon.stderr)")
        while notify.next(timeout: 0.2) != nil {}
        #expect(notify.received.count == 1, "\(notify.received)")
        let message = notify.received.first ?? ""
        #expect(message.hasPrefix("STATUS=config error: \(home.configPath):2:1: unknown key 'tecnique'"), "\(message)")
        #expect(message.hasSuffix("\nERRNO=22"), "\(message)")
        #expect(daemon.stderr.contains("did you mean 'technique'?"), "the person at a terminal gets the hint")
    }

    @Test func journalThatCannotBeOpened_sendsTheReasonAndEIO_andExits74() throws {
        let home = try ServiceHome()
        // A directory where the journal file should be.
        try FileManager.default.createDirectory(atPath: home.journalPath, withIntermediateDirectories: true)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        #expect(daemon.waitForExit(timeout: 20) == 74, "stderr: \(daemon.stderr)")
        while notify.next(timeout: 0.2) != nil {}
        #expect(notify.received.count == 1, "\(notify.received)")
        let message = notify.received.first ?? ""
        #expect(message.hasPrefix("STATUS=cannot open the journal: Cannot open the journal at \(home.journalPath)"), "\(message)")
        #expect(message.hasSuffix("\nERRNO=5"), "\(message)")
    }

    @Test func secondDaemon_saysWhichOneRuns_andExits75_leavingTheFirstAlone() throws {
        let home = try ServiceHome()
        let firstNotify = try NotifySocket(directory: home.root.path)
        let first = try home.startDaemon(notify: firstNotify)
        defer { first.stopHard() }
        #expect(firstNotify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(first.stderr)")

        let secondDirectory = TemporaryDirectory(prefix: "steady-notify2")
        let secondNotify = try NotifySocket(directory: secondDirectory.path)
        let second = try home.startDaemon(notify: secondNotify)
        defer { second.stopHard() }
        #expect(second.waitForExit(timeout: 20) == 75, "stderr: \(second.stderr)")
        while secondNotify.next(timeout: 0.2) != nil {}
        #expect(secondNotify.received == ["STATUS=another steady daemon is already running (pid \(first.pid))\nERRNO=114"])

        #expect(first.isRunning)
        let status = try ChildProcess.run(SteadyBinary.path, ["status", "--json"], environment: home.environment(notify: nil))
        #expect(status.stdout.contains("\"pid\" : \(first.pid)"), "\(status.stdout)\(status.stderr)")
        first.signal(SIGTERM)
        #expect(first.waitForExit(timeout: 2) == 0)
    }

    // MARK: - A slow journal

    @Test func slowJournalOpen_asksForMoreTime_untilReady() throws {
        let home = try ServiceHome()
        let lock = try SQLiteWriteLock(path: home.journalPath)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }

        // While another process holds the journal's write lock, opening (migrating) it waits.
        let extend = try #require(notify.wait(timeout: 10) { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") }, "stderr: \(daemon.stderr)")
        #expect(extend == "EXTEND_TIMEOUT_USEC=20000000")
        #expect(notify.received.allSatisfy { $0 == extend }, "nothing but extensions before the journal is open")
        lock.release()

        let ready = try #require(notify.wait(forLine: "READY=1", timeout: 10), "stderr: \(daemon.stderr)")
        let status = ready.notifyField("STATUS") ?? ""
        let sequence = notify.received
        let extensions = sequence.prefix { $0 == extend }
        #expect(!extensions.isEmpty)
        #expect(Array(sequence.dropFirst(extensions.count)) == ["STATUS=\(status)", "READY=1\nSTATUS=\(status)"])
        #expect(daemon.stderr.contains("opening the journal is taking a while"))
    }

    // MARK: - Watchdog

    @Test func watchdog_pingsAtHalfWatchdogUsec() throws {
        let home = try ServiceHome()
        let notify = try NotifySocket(directory: home.root.path)
        // WATCHDOG_USEC = 400 ms: a ping every 200 ms.
        let daemon = try home.startDaemon(notify: notify, extra: ["WATCHDOG_USEC": "400000"])
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "WATCHDOG=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")

        let window = 3.0
        let start = Date()
        var pings = 0
        while Date().timeIntervalSince(start) < window, let message = notify.next(timeout: window - Date().timeIntervalSince(start)) {
            if message == "WATCHDOG=1" { pings += 1 }
        }
        print("watchdog: \(pings) pings in \(window) s with WATCHDOG_USEC=400000 (expected 15)")
        #expect((13...16).contains(pings), "\(pings) pings in \(window) s at a 200 ms interval")
    }

    @Test func watchdog_isForThisProcessOnly() throws {
        let home = try ServiceHome()
        let notify = try NotifySocket(directory: home.root.path)
        let other = try home.startDaemon(notify: notify, extra: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"])
        defer { other.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil)
        #expect(notify.wait(timeout: 1.0) { $0 == "WATCHDOG=1" } == nil, "pinged a watchdog meant for pid 1")
        other.signal(SIGTERM)
        #expect(other.waitForExit(timeout: 2) == 0)

        // WATCHDOG_PID naming steady itself: exec keeps the shell's pid.
        let ownDirectory = TemporaryDirectory(prefix: "steady-wd")
        let ownNotify = try NotifySocket(directory: ownDirectory.path)
        var environment = home.environment(notify: ownNotify.path)
        environment["WATCHDOG_USEC"] = "200000"
        let own = ChildProcess("/bin/sh", ["-c", "WATCHDOG_PID=$$ exec \"$0\" daemon", SteadyBinary.path], environment: environment)
        try own.start()
        defer { own.stopHard() }
        #expect(ownNotify.wait(forLine: "WATCHDOG=1", timeout: 20) != nil, "stderr: \(own.stderr)")
    }

    @Test func watchdog_stopsWhileTheEngineQueueIsStuck() throws {
        let home = try ServiceHome()
        let notify = try NotifySocket(directory: home.root.path)
        // A ping every 100 ms.
        let daemon = try home.startDaemon(notify: notify, extra: ["WATCHDOG_USEC": "200000"])
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        #expect(notify.wait(forLine: "WATCHDOG=1", timeout: 5) != nil)

        // Another process holds the journal's write lock; a reload writes to the journal on
        // the engine queue, which now waits for the lock (SQLite's busy timeout is 5 s).
        let lock = try SQLiteWriteLock(path: home.journalPath)
        daemon.signal(SIGHUP)
        let mark = notify.received.count
        #expect(notify.wait(forLine: "RELOADING=1", timeout: 5) != nil)
        // RELOADING=1 is sent on the engine queue just before it blocks: from then on, no
        // ping can be sent from that queue. Fifteen intervals of silence.
        #expect(notify.wait(timeout: 1.5) { $0 == "WATCHDOG=1" } == nil, "the watchdog was pinged while the engine queue was stuck")
        #expect(!notify.received[mark...].contains { $0.hasPrefix("READY=1") }, "the reload finished while the journal was locked")

        lock.release()
        #expect(notify.wait(forLine: "READY=1", timeout: 10) != nil, "stderr: \(daemon.stderr)")
        #expect(notify.wait(forLine: "WATCHDOG=1", timeout: 2) != nil, "pings did not resume")
    }
}

// MARK: - Helpers

/// A private home for one daemon: config, data and runtime directories under /tmp.
struct ServiceHome {
    let root = TemporaryDirectory(prefix: "steady-svc")
    var configPath: String { root.file("config/steady/config.toml") }
    var journalPath: String { root.file("data/steady/journal.sqlite") }

    init() throws {
        try FileManager.default.createDirectory(atPath: root.file("run"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func writeConfig(_ text: String) throws {
        try root.write("config/steady/config.toml", text + "\n")
    }

    /// The environment of a daemon (or command) for this home: no session bus, no journald stream.
    func environment(notify: String?) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = root.path
        environment["XDG_CONFIG_HOME"] = root.file("config")
        environment["XDG_DATA_HOME"] = root.file("data")
        environment["XDG_RUNTIME_DIR"] = root.file("run")
        environment["TZ"] = "UTC"
        environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=\(root.file("no-bus"))"
        environment["NOTIFY_SOCKET"] = notify
        for key in ["JOURNAL_STREAM", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID"] { environment[key] = nil }
        return environment
    }

    func startDaemon(notify: NotifySocket, extra: [String: String] = [:]) throws -> ChildProcess {
        let environment = environment(notify: notify.path).merging(extra) { $1 }
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: environment)
        try daemon.start()
        return daemon
    }

    /// One value from the journal file, as `sqlite3` prints it.
    static func sqlite(_ path: String, _ query: String) throws -> String {
        try ChildProcess.run("/usr/bin/sqlite3", [path, query], environment: ProcessInfo.processInfo.environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `*-*-* HH:MM:SS` (UTC) for a whole second at least `seconds` from now.
    static func slot(inSeconds seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + Double(seconds)).rounded(.up))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "*-*-* %02d:%02d:%02d", c.hour!, c.minute!, c.second!)
    }

    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }
}

extension ChildProcess {
    /// Kills it if it still runs (end of a test, also on failure).
    func stopHard() {
        if isRunning {
            signal(SIGKILL)
            _ = waitForExit(timeout: 5)
        }
    }
}

/// Another process (`sqlite3`) holding the journal's write lock until ``release()``: what a
/// long migration or a stuck writer looks like to steady. The database is created in WAL
/// mode, as steady's journal is.
final class SQLiteWriteLock {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("PRAGMA journal_mode=WAL;\nBEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        // Wait for sqlite3 to say it holds the lock.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked\n") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw TestSupportError("sqlite3 exited before taking the lock") }
            seen.append(chunk)
        }
    }

    /// Rolls back and lets sqlite3 exit.
    func release() {
        guard process.isRunning else { return }
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
