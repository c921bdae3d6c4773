import Foundation
import SteadyTestSupport
import Testing

/// An idle daemon does not wake up: nothing is due, no watchdog, and still no periodic timer
/// of its own or of libdispatch's — also on the first start after its journal was upgraded.
/// (A migration once released SQLite's memory through GRDB's concurrent reader queue, which
/// started a libdispatch worker and with it libdispatch's once-a-second thread monitor, for
/// the life of the process.)
@Suite(.serialized) struct IdleDaemonTests {
    /// Context switches of every thread of `pid` (voluntary and not), by thread id.
    static func contextSwitches(_ pid: pid_t) -> [String: Int] {
        var counts: [String: Int] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for tid in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/status", encoding: .utf8) else { continue }
            counts[tid] = status.split(separator: "\n")
                .filter { $0.hasPrefix("voluntary_ctxt_switches") || $0.hasPrefix("nonvoluntary_ctxt_switches") }
                .compactMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
                .reduce(0, +)
        }
        return counts
    }

    /// Wakeups between two samples (a thread that appeared counts from zero).
    static func wakeups(from before: [String: Int], to after: [String: Int]) -> Int {
        after.reduce(0) { $0 + $1.value - (before[$1.key] ?? 0) }
    }

    @Test func anIdleDaemon_onAJournalItJustUpgraded_doesNotWakeUp() throws {
        let desktop = try DesktopSession()
        let home = try DaemonEndToEndTests.Home()
        let notify = try NotifySocket(directory: home.root.path)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "yearly"
            """)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SteadyJournalTests/Fixtures/journal-v0.1.0.sqlite").standardized.path
        try FileManager.default.createDirectory(atPath: home.root.file("data/steady"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: home.journal)

        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: home.environment(desktop: desktop, notifySocket: notify.path))
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        let migrated = try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM grdb_migrations")
        #expect((Int(migrated) ?? 0) > 1, "the fixture journal was migrated on this start")

        // Measuring idleness, not waiting for an event: let start-up (the server handshake on
        // the bus) finish, then count the daemon's context switches over three seconds. A
        // once-a-second timer would show at least two.
        Thread.sleep(forTimeInterval: 1.5)
        let before = Self.contextSwitches(daemon.pid)
        Thread.sleep(forTimeInterval: 3)
        let after = Self.contextSwitches(daemon.pid)
        #expect(Self.wakeups(from: before, to: after) == 0,
                "an idle daemon woke up \(Self.wakeups(from: before, to: after)) time(s) in 3 s (threads: \(after))")

        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0, "stderr: \(daemon.stderr)")
    }
}
