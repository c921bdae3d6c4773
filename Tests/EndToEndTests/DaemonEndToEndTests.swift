import Foundation
import SteadyTestSupport
import Testing

/// One check-in travels the whole real path: TOML config → the real `steady daemon` binary →
/// Dispatch timer → practice → notification on a real dunst over a private D-Bus session bus →
/// an action chosen through dunst → the answer in the SQLite file → sd_notify on a socket the
/// test owns → `steady status` / `steady history` → SIGHUP with a broken config → SIGTERM.
@Suite(.serialized) struct DaemonEndToEndTests {
    /// A private home for steady: config, data and runtime directories.
    struct Home {
        let root = TemporaryDirectory(prefix: "steady-e2e")
        var config: String { root.file("config/steady/config.toml") }
        var journal: String { root.file("data/steady/journal.sqlite") }

        func environment(desktop: DesktopSession?, notifySocket: String?) -> [String: String] {
            var env = desktop?.environment ?? ProcessInfo.processInfo.environment
            env["HOME"] = root.path
            env["XDG_CONFIG_HOME"] = root.file("config")
            env["XDG_DATA_HOME"] = root.file("data")
            env["XDG_RUNTIME_DIR"] = root.file("run")
            env["TZ"] = "UTC"
            env["NOTIFY_SOCKET"] = notifySocket
            env["JOURNAL_STREAM"] = nil
            env["WATCHDOG_USEC"] = nil
            if desktop == nil { env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=\(root.file("no-bus"))" }
            return env
        }

        init() throws {
            try FileManager.default.createDirectory(atPath: root.file("run"), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    /// `*-*-* HH:MM:SS` for a moment `seconds` from now (UTC), and that moment.
    static func slot(inSeconds seconds: Int) -> (expression: String, date: Date) {
        let date = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + Double(seconds)).rounded(.up))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return (String(format: "*-*-* %02d:%02d:%02d", c.hour!, c.minute!, c.second!), date)
    }

    static func steady(_ arguments: [String], _ env: [String: String], input: String? = nil) throws -> CommandResult {
        try ChildProcess.run(SteadyBinary.path, arguments, environment: env, input: input, timeout: 30)
    }

    static func sqlite(_ path: String, _ query: String) throws -> String {
        try ChildProcess.run("/usr/bin/sqlite3", [path, query], environment: ProcessInfo.processInfo.environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func checkIn_travelsTheWholeRealPath() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let (expression, _) = Self.slot(inSeconds: 4)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "\(expression)"
            technique = "box"
            """)
        let env = home.environment(desktop: desktop, notifySocket: notify.path)
        let monitor = try BusMonitor(session: desktop)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }

        // READY=1 arrives with a STATUS naming the next prompt.
        let ready = try #require(notify.wait(forLine: "READY=1", timeout: 20), "no READY=1; stderr: \(daemon.stderr)")
        #expect(ready.notifyField("STATUS")?.hasPrefix("next: morning-mindfulness at ") == true, "\(ready)")

        // At the due time the prompt is created and shown on dunst with its actions.
        let shown = notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true }
        #expect(shown != nil, "no pending status; stderr: \(daemon.stderr)")
        try desktop.waitForDisplayedCount(1)
        let delivered = try Self.sqlite(home.journal, "SELECT practice, outcome, delivered_at IS NOT NULL FROM prompt")
        #expect(delivered == "morning-mindfulness|pending|1")

        // The person picks "box" the way a click would: through dunst's own context menu.
        try desktop.invokeAction(matching: ",box]")
        let answered = notify.wait(timeout: 15) { message in
            guard let status = message.notifyField("STATUS") else { return false }
            return !status.contains("pending")
        }
        #expect(answered != nil, "no status update after the answer; stderr: \(daemon.stderr)")
        // What dunst offered (its dmenu input: one line per action of the bubble).
        let offered = try String(contentsOf: desktop.dmenuInputLog, encoding: .utf8)
        for key in ["4-7-8", "box", "coherent", "not-now", "steady:later"] {
            #expect(offered.contains(",\(key)]"), "dunst did not offer the action '\(key)': \(offered)")
        }

        // The answer is in the SQLite file, through the notification channel.
        let row = try Self.sqlite(home.journal, """
            SELECT p.practice, p.outcome, a.kind, a.text, a.channel FROM answer a JOIN prompt p ON p.id = a.prompt_id
            """)
        #expect(row == "morning-mindfulness|answered|choice|box|notification")
        // The bubble turns into the practice's acknowledgement, in place (replaces_id), and
        // closes by itself a few seconds later.
        let calls = try monitor.waitForNotifies(2)
        let (prompt, thanks) = (calls[0], calls[1])
        #expect(prompt.replacesID == 0 && prompt.actions.contains("box"), "\(calls)")
        #expect(thanks.replacesID == prompt.returnedID, "\(calls)")
        #expect(thanks.returnedID == prompt.returnedID, "\(calls)")
        #expect(thanks.summary == prompt.summary && thanks.actions.isEmpty && thanks.expireTimeout == 6_000, "\(calls)")
        #expect(thanks.plainBody == "Noted. Thank you for giving yourself that moment.", "\(calls)")
        #expect(try desktop.displayedCount() <= 1, "the acknowledgement must not stack up next to the prompt")
        try desktop.waitForDisplayedCount(0, timeout: .seconds(12))

        // The CLI sees it too.
        let status = try Self.steady(["status"], env)
        #expect(status.status == 0)
        #expect(status.stdout.contains("steady is running"))
        #expect(status.stdout.contains("No prompts are waiting for an answer."))
        let history = try Self.steady(["history"], env)
        #expect(history.status == 0)
        #expect(history.stdout.contains("Morning mindfulness"))
        #expect(history.stdout.contains("#1  Morning mindfulness   answered: "), "\(history.stdout)")
        #expect(history.stdout.lowercased().contains("box"), "\(history.stdout)")

        // SIGHUP with a broken config: the daemon keeps running and says why.
        try home.root.write("config/steady/config.toml", "[practices.mornig-mindfulness]\nschedule = \"07:30\"\n")
        daemon.signal(SIGHUP)
        let reloading = try #require(notify.wait(forLine: "RELOADING=1", timeout: 10))
        #expect(reloading.notifyField("MONOTONIC_USEC").flatMap(UInt64.init) != nil)
        let afterReload = try #require(notify.wait(forLine: "READY=1", timeout: 10))
        let reloadStatus = afterReload.notifyField("STATUS") ?? ""
        #expect(reloadStatus.contains("config error, previous settings kept"), "\(reloadStatus)")
        #expect(reloadStatus.contains("config.toml:1:"), "\(reloadStatus)")
        #expect(reloadStatus.contains("mornig-mindfulness"))
        #expect(daemon.isRunning)
        let statusAfter = try Self.steady(["status"], env)
        #expect(statusAfter.stdout.contains("previous settings are still in use"))

        // SIGTERM: STOPPING=1 and a clean exit within a second.
        daemon.signal(SIGTERM)
        #expect(notify.wait(forLine: "STOPPING=1", timeout: 5) != nil)
        let exit = daemon.waitForExit(timeout: 1.0)
        #expect(exit == 0, "exit status \(String(describing: exit)); stderr: \(daemon.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.root.file("run/steady/control.sock")))
    }

    @Test func withoutNotificationServer_promptWaits_andIsAnsweredFromTheCLI() throws {
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let (expression, _) = Self.slot(inSeconds: 3)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "\(expression)"
            """)
        let env = home.environment(desktop: nil, notifySocket: notify.path)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil)

        let status = try Self.steady(["status"], env)
        #expect(status.stdout.contains("No notification server"))
        let id = try Self.sqlite(home.journal, "SELECT id FROM prompt WHERE outcome = 'pending'")
        #expect(status.stdout.contains("#\(id)"))

        let bad = try Self.steady(["answer", id, "9"], env)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("from 1"))

        let good = try Self.steady(["answer", id, "4", "--note", "tea & a walk"], env)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try Self.sqlite(home.journal, "SELECT a.number, a.note, a.channel, p.outcome FROM answer a JOIN prompt p ON p.id = a.prompt_id")
                == "4|tea & a walk|terminal|answered")
        let again = try Self.steady(["answer", id, "3"], env)
        #expect(again.status == 66)

        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
    }

    @Test func answer_withoutDaemon_isRecordedInTheJournal() throws {
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let (expression, _) = Self.slot(inSeconds: 2)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "\(expression)"
            """)
        let env = home.environment(desktop: nil, notifySocket: notify.path)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)

        let id = try Self.sqlite(home.journal, "SELECT id FROM prompt WHERE outcome = 'pending'")
        let result = try Self.steady(["answer", id, "heading-to-bed"], env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.sqlite(home.journal, "SELECT a.text, a.channel FROM answer a") == "heading-to-bed|terminal")
        let history = try Self.steady(["history", "--json"], env)
        let rows = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.first?["outcome"] as? String == "answered", "\(history.stdout)")
        #expect(rows?.first?["practice"] as? String == "sleep-wind-down")
    }

    @Test func badConfig_failsStartWithLocationAndStatus() throws {
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        try home.root.write("config/steady/config.toml", "daily-limit = 4\n[practices.morning-mindfulness]\ntecnique = \"box\"\n")
        let env = home.environment(desktop: nil, notifySocket: notify.path)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        let message = try #require(notify.wait(timeout: 20) { $0.notifyField("ERRNO") != nil })
        #expect(message.notifyField("STATUS")?.contains("config.toml:3:1: unknown key 'tecnique'") == true, "\(message)")
        #expect(daemon.waitForExit(timeout: 10) == 78)
        #expect(daemon.stderr.contains("hint: did you mean 'technique'?"))
        #expect(!FileManager.default.fileExists(atPath: home.journal), "a config error must not create the journal")
    }
}
