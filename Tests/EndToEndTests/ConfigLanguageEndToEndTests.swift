import Foundation
import SteadyTestSupport
import Testing

/// A broken config in German for the person, in English for systemd: `steady config check`
/// and the daemon's stderr speak the person's language, while the daemon's `STATUS=` line
/// (and so its log and `systemctl status`) stays English.
@Suite(.serialized) struct ConfigLanguageEndToEndTests {
    static let broken = """
        daily-limit = 0
        [practices.wins]
        schedule = "09:00"
        """

    /// A config problem as `steady config check` says it: its place, message and hint.
    struct Problem: Sendable, CustomStringConvertible {
        var config: String
        var place: String
        var german: (message: String, hint: String)
        var english: (message: String, hint: String)
        var description: String { english.message }
    }

    static let problems = [
        Problem(config: broken, place: "1:1",
                german: ("daily-limit braucht eine ganze Zahl ab 1", "z. B. daily-limit = 8"),
                english: ("daily-limit must be a whole number of at least 1", "e.g. daily-limit = 8")),
        Problem(config: "[practices.sleep-wind-down]\nbedtime = \"late\"\n", place: "2:1",
                german: ("'late' ist keine Uhrzeit", "schreib sie als HH:MM im 24-Stunden-Format, z. B. \"22:30\""),
                english: ("'late' is not a time of day", "write it as HH:MM on a 24-hour clock, e.g. \"22:30\"")),
        Problem(config: CalendarLanguageEndToEndTests.brokenSchedule, place: "2:19",
                german: ("die Stunde '25' liegt außerhalb des Bereichs", "Stunden gehen von 0..23"),
                english: ("hour '25' is out of range", "hours are 0..23")),
        Problem(config: "[practices.time-alone]\nstep = 0\n", place: "2:1",
                german: ("0 liegt außerhalb von 1–60 Minuten", "wähl einen Schritt von 1 bis 60 Minuten; kleine Schritte sind genau richtig"),
                english: ("0 is outside 1–60 minutes", "pick a step from 1 to 60 minutes; small steps are the idea")),
    ]

    /// A broken config, bad practice settings and a bad schedule: each with its place, in
    /// German with `LANG=de_DE.UTF-8` and in English in the C locale.
    @Test(arguments: problems)
    func configCheck_saysWhatIsWrong_inGerman_andInEnglish(problem: Problem) throws {
        let home = try LanguageEndToEndTests.Home()
        try home.root.write("config/steady/config.toml", problem.config)
        let path = home.root.file("config/steady/config.toml")
        let check = try ChildProcess.run(SteadyBinary.path, ["config", "check"],
                                         environment: try home.environment(["LANG": "de_DE.UTF-8"]), timeout: 30)
        #expect(check.status == 78, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("\(path):\(problem.place): \(problem.german.message)\n"), "\(check.stderr)")
        #expect(check.stderr.contains("\n  Tipp: \(problem.german.hint)"), "\(check.stderr)")

        let english = try ChildProcess.run(SteadyBinary.path, ["config", "check"],
                                           environment: try home.environment(["LANG": "C.UTF-8"]), timeout: 30)
        #expect(english.status == 78, "\(english.stdout)\(english.stderr)")
        #expect(english.stderr.contains("\(path):\(problem.place): \(problem.english.message)\n"), "\(english.stderr)")
        #expect(english.stderr.contains("\n  hint: \(problem.english.hint)"), "\(english.stderr)")
    }

    @Test func configCheck_suggestsTheNearestPractice_inGerman() throws {
        let home = try LanguageEndToEndTests.Home()
        try home.root.write("config/steady/config.toml", "[practices.winz]\nenabled = true\n")
        let check = try ChildProcess.run(SteadyBinary.path, ["config", "check"],
                                         environment: try home.environment(["LANG": "de_DE.UTF-8"]), timeout: 30)
        #expect(check.status == 78, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains(": unbekannte Übung 'winz'\n"), "\(check.stderr)")
        #expect(check.stderr.contains("\n  Tipp: meintest du 'wins'?"), "\(check.stderr)")
    }

    @Test func configCheck_runPrograms_onAProgramThatPrintsGarbage_saysWhatIsWrong_inGerman() throws {
        let home = try LanguageEndToEndTests.Home()
        let program = try home.root.write("garbage.sh", "#!/bin/sh\necho 'not json'\n")
        chmod(program, 0o755)
        try home.root.write("config/steady/config.toml", "[practices.mine]\nexec = \"\(program)\"\n")
        let path = home.root.file("config/steady/config.toml")
        let check = try ChildProcess.run(SteadyBinary.path, ["config", "check", "--run-programs"],
                                         environment: try home.environment(["LANG": "de_DE.UTF-8"]), timeout: 30)
        #expect(check.status == 78, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("\(path):2:9: hat 9 Bytes ausgegeben, die kein einzelnes JSON-Objekt sind.\n"), "\(check.stderr)")
        #expect(check.stderr.contains("\n  Tipp: mehr dazu in docs/external-practices.md"), "\(check.stderr)")

        let english = try ChildProcess.run(SteadyBinary.path, ["config", "check", "--run-programs"],
                                           environment: try home.environment(["LANG": "C.UTF-8"]), timeout: 30)
        #expect(english.stderr.contains("\(path):2:9: printed 9 bytes that are not one JSON object.\n"), "\(english.stderr)")
    }

    @Test func aProgramThatBreaksAtPromptTime_isLoggedInEnglish_evenInGerman() throws {
        let home = try LanguageEndToEndTests.Home()
        let program = try home.root.write("breaks.sh", """
            #!/bin/sh
            read -r request
            case "$request" in
            *'"request":"describe"'*) echo '{"protocol":1,"name":"Breaks","summary":"Breaks when asked for a prompt."}' ;;
            *) exit 3 ;;
            esac

            """)
        chmod(program, 0o755)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        try home.root.write("config/steady/config.toml", "quiet-hours = \"off\"\n[practices.breaks]\nexec = \"\(program)\"\nschedule = \"\(slot)\"\n")
        let notify = try NotifySocket(directory: home.root.path)
        var environment = try home.environment(["LANG": "de_DE.UTF-8"])
        environment["NOTIFY_SOCKET"] = notify.path
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: environment)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }

        // The prompt falls back to steady's own words; the program's failure goes to the log.
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil, "\(daemon.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        daemon.waitForOutput()
        #expect(daemon.stderr.contains("exited with status 3."), "\(daemon.stderr)")
        #expect(!daemon.stderr.contains("endete mit Status"), "\(daemon.stderr)")
    }

    /// The daemon on each of those problems: the person reads it in German on stderr, while
    /// systemd's `STATUS=` (and so the log and `systemctl status`) says it in English, with an
    /// `ERRNO=`, and the daemon exits 78.
    @Test(arguments: problems)
    func theDaemon_tellsThePersonInGerman_butSystemdInEnglish(problem: Problem) throws {
        let home = try LanguageEndToEndTests.Home()
        try home.root.write("config/steady/config.toml", problem.config)
        let path = home.root.file("config/steady/config.toml")
        let notify = try NotifySocket(directory: home.root.path)
        var environment = try home.environment(["LANG": "de_DE.UTF-8"])
        environment["NOTIFY_SOCKET"] = notify.path
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: environment)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }

        let failed = try #require(notify.wait(timeout: 20) { $0.notifyField("STATUS") != nil }, "no STATUS=; stderr: \(daemon.stderr)")
        #expect(failed.notifyField("STATUS") == "config error: \(path):\(problem.place): \(problem.english.message) (\(problem.english.hint))")
        #expect(failed.notifyField("ERRNO") != nil, "\(failed)")
        #expect(daemon.waitForExit(timeout: 20) == 78)
        daemon.waitForOutput()
        #expect(daemon.stderr.contains("\(path):\(problem.place): \(problem.german.message)\n"), "\(daemon.stderr)")
        #expect(daemon.stderr.contains("\n  Tipp: \(problem.german.hint)"), "\(daemon.stderr)")
    }
}
