import Foundation
import SteadyTestSupport
import Testing

/// The release build of `steady`, the binary people install: `$STEADY_RELEASE_BIN`, else
/// `.build/release/steady` of this checkout (`make test` builds it first with `make release`).
enum ReleaseBinary {
    static var path: String {
        get throws {
            if let explicit = ProcessInfo.processInfo.environment["STEADY_RELEASE_BIN"] { return explicit }
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let candidate = root.appendingPathComponent(".build/release/steady").path
            guard FileManager.default.isExecutableFile(atPath: candidate) else {
                throw TestSupportError("The server matrix drives the release binary, and \(candidate) is missing: run `make release` (make test does).")
            }
            return candidate
        }
    }
}

/// One `steady daemon` (release build) for one check: a fresh home and journal, a practice
/// due a few seconds after start, on the server's desktop, with a bus monitor watching every
/// Notify call and signal.
final class MatrixDaemon: @unchecked Sendable {
    let desktop: ServerDesktop
    let home = TemporaryDirectory(prefix: "steady-matrix")
    let notify: NotifySocket
    let monitor: BusMonitor
    private(set) var process: ChildProcess
    let binary: String
    let config: String
    /// When the practice's slot is.
    let due: Date

    var journal: String { home.file("data/steady/journal.sqlite") }

    /// Starts steady with `practice` (a `[practices.…]` table body added to the config) due in
    /// `seconds`, and waits for READY=1.
    init(on desktop: ServerDesktop, practice: String, settings: String = "", dueIn seconds: Int = 2,
         extraEnvironment: [String: String] = [:]) throws {
        self.desktop = desktop
        binary = try ReleaseBinary.path
        try FileManager.default.createDirectory(atPath: home.file("run"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        notify = try NotifySocket(directory: home.path)
        monitor = try BusMonitor(busAddress: desktop.busAddress, directory: URL(fileURLWithPath: home.path), environment: desktop.environment)
        let date = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + Double(seconds)).rounded(.up))
        due = date
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        // A stand-in for the answer dialog (zenity): it "types" what the test put in dialog-answer.
        let dialog = try home.write("dialog.sh", "#!/bin/sh\n[ -n \"$STEADY_PROMPT_ID\" ] || exit 1\ncat '\(home.file("dialog-answer"))'\n")
        chmod(dialog, 0o755)
        config = """
            quiet-hours = "off"
            answer-command = "\(dialog)"
            \(settings)
            [practices.\(practice)]
            schedule = "\(String(format: "*-*-* %02d:%02d:%02d", c.hour!, c.minute!, c.second!))"
            \(practice == MatrixChecks.practice ? MatrixChecks.practiceSettings : "")

            """
        try home.write("config/steady/config.toml", config)
        process = ChildProcess(binary, ["daemon"], environment: Self.environment(desktop, home, notify.path).merging(extraEnvironment) { $1 })
        try start()
    }

    deinit {
        if process.isRunning { process.signal(SIGKILL) }
        if ProcessInfo.processInfo.environment["STEADY_KEEP_DESKTOP"] != nil {  // for a look after a failure
            try? FileManager.default.copyItem(atPath: home.path, toPath: desktop.directory.appendingPathComponent("run-\(UUID().uuidString.prefix(6))").path)
        }
    }

    static func environment(_ desktop: ServerDesktop, _ home: TemporaryDirectory, _ notifySocket: String?) -> [String: String] {
        var env = desktop.environment
        env["HOME"] = home.path
        env["XDG_CONFIG_HOME"] = home.file("config")
        env["XDG_DATA_HOME"] = home.file("data")
        env["XDG_RUNTIME_DIR"] = home.file("run")
        env["TZ"] = "UTC"
        env["NOTIFY_SOCKET"] = notifySocket
        env["JOURNAL_STREAM"] = nil
        env["WATCHDOG_USEC"] = nil
        env["TERMINAL"] = nil
        return env
    }

    private func start() throws {
        try process.start()
        guard notify.wait(forLine: "READY=1", timeout: 30) != nil else { throw TestSupportError("steady sent no READY=1: \(process.stderr)") }
    }

    /// Stops the daemon (SIGTERM) and starts it again on the same journal.
    func restart() throws {
        process.signal(SIGTERM)
        guard process.waitForExit(timeout: 5) == 0 else { throw TestSupportError("steady did not stop cleanly: \(process.stderr)") }
        process = ChildProcess(binary, ["daemon"], environment: process.process.environment ?? [:])
        try start()
    }

    func stop() {
        process.signal(SIGTERM)
        _ = process.waitForExit(timeout: 5)
    }

    /// The first Notify that showed the prompt (waits for it).
    func waitForPrompt(timeout: Duration = .seconds(20)) throws -> BusMonitor.Notify {
        try monitor.waitForNotifies(1, timeout: timeout)[0]
    }

    /// The `n`-th Notify (1-based), waited for.
    func notifyCall(_ n: Int, timeout: Duration = .seconds(20)) throws -> BusMonitor.Notify {
        try monitor.waitForNotifies(n, timeout: timeout)[n - 1]
    }

    /// The `occurrence`-th answered Notify titled `summary` (the prompt shown again, not a blank or
    /// a notice); the monitor writes a file and signals nothing, so this looks every 50 ms.
    func notifyCall(titled summary: String, occurrence: Int, timeout: Double = 20) throws -> BusMonitor.Notify {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let matching = monitor.notifies.filter { $0.summary == summary && $0.returnedID != nil }
            if matching.count >= occurrence { return matching[occurrence - 1] }
            guard Date() < deadline else {
                throw TestSupportError("\(summary) was shown \(matching.count) time(s), expected \(occurrence): \(monitor.notifies)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func sqlite(_ query: String) throws -> String {
        try Command.run(["/usr/bin/sqlite3", journal, query], environment: ProcessInfo.processInfo.environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `steady ARGS` (release build) as the person would in a terminal.
    func steady(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        try Command.run([binary] + arguments, environment: Self.environment(desktop, home, nil), input: input, timeout: 30)
    }

    /// Waits until the prompt's row reads `expected` (`SELECT …`): the journal is written by
    /// another process and signals nothing, so this reads it every 50 ms, at most `timeout`.
    func waitForJournal(_ query: String, toRead expected: String, timeout: Double = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try sqlite(query)
            if last == expected { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestSupportError("\(query) read \(last.debugDescription), expected \(expected.debugDescription), after \(timeout) s. On the bus: \(monitor.notifies), \(monitor.signalCount("ActionInvoked")) ActionInvoked. On screen: \(desktop.screenTexts(monitor: monitor)). steady: \(process.stderr.suffix(1500))")
    }

    var description: String { "steady on \(desktop.serverDescription)" }
}
