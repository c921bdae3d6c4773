import Foundation
import SteadyTestSupport
import Testing

/// The real `steady` in a language: the locale variables in gettext's order, and a German
/// prompt from the daemon on a real notification server (dbus-daemon, Xvfb, dunst).
@Suite(.serialized) struct LanguageEndToEndTests {
    /// A home of its own, and the environment `steady` runs in there, with the compiled catalogues.
    struct Home {
        let root = TemporaryDirectory(prefix: "steady-lang")

        func environment(_ variables: [String: String], desktop: DesktopSession? = nil) throws -> [String: String] {
            var env = desktop?.environment ?? ["PATH": "/usr/bin:/bin"]
            for name in ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC"] {
                env[name] = nil
            }
            env["HOME"] = root.path
            env["XDG_CONFIG_HOME"] = root.file("config")
            env["XDG_DATA_HOME"] = root.file("data")
            env["XDG_RUNTIME_DIR"] = root.file("run")
            env["TZ"] = "UTC"
            env["STEADY_LOCALEDIR"] = try Catalogues.bound()
            if desktop == nil { env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=\(root.file("no-bus"))" }
            return env.merging(variables) { $1 }
        }

        init() throws {
            try FileManager.default.createDirectory(atPath: root.file("run"), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    /// The first practice line of `steady practices`: its name, in whatever language steady chose.
    static func firstPracticeName(_ variables: [String: String]) throws -> String {
        let home = try Home()
        let result = try ChildProcess.run(SteadyBinary.path, ["practices"], environment: try home.environment(variables), timeout: 30)
        try #require(result.status == 0, "steady practices: \(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains(" asking — ") })
        return String(line.split(separator: "—").last ?? "").trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: [
        (["LANG": "de_DE.UTF-8"], "Um das bitten, was du brauchst"),
        (["LANG": "C.UTF-8", "LANGUAGE": "de"], "Um das bitten, was du brauchst"),
        (["LANG": "en_US.UTF-8", "LANGUAGE": "de"], "Um das bitten, was du brauchst"),
        (["LANG": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"], "Um das bitten, was du brauchst"),
        (["LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], "Asking for what you need"),
        (["LANG": "C", "LANGUAGE": "de"], "Asking for what you need"),
        ([:], "Asking for what you need"),
    ])
    func theCLI_takesItsLanguage_fromTheLocaleVariables_inGettextsOrder(variables: [String: String], name: String) throws {
        #expect(try Self.firstPracticeName(variables) == name, "\(variables)")
    }

    @Test func theDaemon_asksInGerman_onARealNotificationServer() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 4).rounded(.up))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: due)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "*-*-* \(String(format: "%02d:%02d:%02d", c.hour!, c.minute!, c.second!))"
            technique = "box"
            """)
        var env = try home.environment(["LANG": "de_DE.UTF-8"], desktop: desktop)
        env["NOTIFY_SOCKET"] = notify.path
        let monitor = try BusMonitor(session: desktop)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }

        try #require(notify.wait(forLine: "READY=1", timeout: 20) != nil, "no READY=1; stderr: \(daemon.stderr)")
        let prompt = try #require(try monitor.waitForNotifies(1, timeout: .seconds(20)).first)
        #expect(["Ein paar ruhige Atemzüge?", "Ein ruhiger Start, wenn du magst", "Morgendliches Atmen"].contains(prompt.summary),
                "\(prompt)")
        #expect(prompt.plainBody.hasPrefix("Box-Atmung: Zeichne mit deinem Atem ein Quadrat"), "\(prompt.plainBody)")
        #expect(prompt.actionLabels.contains("Lieber 5-4-3-2-1") && prompt.actionLabels.contains("Gerade nicht"), "\(prompt.actionLabels)")
        try desktop.waitForDisplayedCount(1)
        if let folder = ProcessInfo.processInfo.environment["STEADY_SCREENSHOTS"] {
            try desktop.screenshot(to: URL(fileURLWithPath: folder).appendingPathComponent("prompt-de.png"))
        }
    }

    /// With the daemon running (no notification server, so the prompt waits), `steady answer`
    /// takes "später" for Later and "auslassen" for Skip, and says the German words when the
    /// answer does not fit.
    @Test func steadyAnswer_understandsSpäterAndAuslassen() throws {
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3).rounded(.up))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: due)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "*-*-* \(String(format: "%02d:%02d:%02d", c.hour!, c.minute!, c.second!))"
            """)
        var env = try home.environment(["LANG": "de_DE.UTF-8"])
        env["NOTIFY_SOCKET"] = notify.path
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try #require(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil,
                     "no pending prompt; stderr: \(daemon.stderr)")
        let journal = home.root.file("data/steady/journal.sqlite")
        let sqlite = { (query: String) throws -> String in
            try ChildProcess.run("/usr/bin/sqlite3", [journal, query], environment: ["PATH": "/usr/bin:/bin"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let id = try sqlite("SELECT id FROM prompt WHERE outcome = 'pending'")

        let unclear = try ChildProcess.run(SteadyBinary.path, ["answer", id, "vielleicht"], environment: env, timeout: 30)
        #expect(unclear.status == 65)
        #expect(unclear.stderr.contains("'später', um später noch einmal gefragt zu werden, oder 'auslassen', um es auszulassen"),
                "\(unclear.stderr)")

        let later = try ChildProcess.run(SteadyBinary.path, ["answer", id, "Später"], environment: env, timeout: 30)
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try sqlite("SELECT snoozes, outcome FROM prompt WHERE id = \(id)") == "1|pending")

        let skip = try ChildProcess.run(SteadyBinary.path, ["answer", id, "auslassen"], environment: env, timeout: 30)
        #expect(skip.status == 0, "\(skip.stderr)")
        #expect(try sqlite("SELECT outcome FROM prompt WHERE id = \(id)") == "skipped")

        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
    }

    /// A damaged journal: the person reads why and what to do in German, on the terminal and
    /// from the daemon's stderr, while the daemon's `STATUS=` for systemd stays English.
    @Test func aDamagedJournal_isExplainedInGerman_whileStatusStaysEnglish() throws {
        let home = try Home()
        try home.root.write("data/steady/journal.sqlite", String(repeating: "not a database ", count: 400))
        let journal = home.root.file("data/steady/journal.sqlite")
        var env = try home.environment(["LANG": "de_DE.UTF-8"])

        let history = try ChildProcess.run(SteadyBinary.path, ["history"], environment: env, timeout: 30)
        #expect(history.status == 74, "\(history.stderr)")
        #expect(history.stderr.contains("Das Journal unter \(journal) ist beschädigt oder kein steady-Journal; nichts wurde verändert."),
                "\(history.stderr)")

        let notify = try NotifySocket(directory: home.root.path)
        env["NOTIFY_SOCKET"] = notify.path
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        let status = try #require(notify.wait(timeout: 20) { $0.notifyField("STATUS") != nil }?.notifyField("STATUS"),
                                  "no STATUS=; stderr: \(daemon.stderr)")
        #expect(status == "cannot open the journal: The journal at \(journal) is damaged or is not a steady journal; nothing was changed. Move it aside (it may still be readable with sqlite3) and steady starts a new one.",
                "\(status)")
        #expect(daemon.waitForExit(timeout: 10) == 74)
        #expect(daemon.stderr.contains("steady: Das Journal unter \(journal) ist beschädigt"), "\(daemon.stderr)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8).hasPrefix("not a database"), "the damaged file was changed")
    }

    /// A tool in German, piped (plain mode): the intro with its plural ("1 Runde", "2 Runden"),
    /// each phase's line, the questions around it and the closing line; no English left over.
    @Test(arguments: [(1, "1 Runde, etwa 0:19."), (2, "2 Runden, etwa 0:38.")])
    func breathe_piped_speaksGerman_stepByStep(rounds: Int, intro: String) throws {
        let home = try Home()
        let env = try home.environment(["LANG": "de_DE.UTF-8"])
        let result = try ChildProcess.run(SteadyBinary.path, ["breathe", "4-7-8", "--rounds", "\(rounds)", "--speed", "20", "--plain"],
                                          environment: env, input: "5\n2\n", timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains(intro + " Strg-C beendet es, wann immer du magst."), "\(out)")
        #expect(out.contains("Bevor du beginnst: Wie stark ist, was du gerade fühlst, von 1 bis 10?"), "\(out)")
        for round in 1...rounds {
            #expect(out.contains("Runde \(round) von \(rounds) · Durch die Nase einatmen · 4 s"), "\(out)")
        }
        #expect(out.contains("Und jetzt, von 1 bis 10?"), "\(out)")
        #expect(out.contains("In deinem Tagebuch gespeichert (Eintrag #1)."), "\(out)")
        for english in ["Round ", "Before you start", "And now", "Saved to your journal", "Ctrl-C ends"] {
            #expect(!out.contains(english), "'\(english)' left in English: \(out)")
        }
    }
}
