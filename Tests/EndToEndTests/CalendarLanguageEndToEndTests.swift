import Foundation
import SteadyTestSupport
import Testing

/// A schedule steady cannot read, in German for the person and in English for systemd:
/// `steady calendar`, `steady config check` and the daemon's stderr speak the person's
/// language; the daemon's `STATUS=` line stays English.
@Suite(.serialized) struct CalendarLanguageEndToEndTests {
    static let brokenSchedule = """
        [practices.wins]
        schedule = "*-*-* 25:00"
        """

    @Test func steadyCalendar_onABadExpression_saysWhatIsWrong_inGerman() throws {
        let home = try LanguageEndToEndTests.Home()
        let german = try ChildProcess.run(SteadyBinary.path, ["calendar", "Mon..Fry 07:30"],
                                          environment: try home.environment(["LANG": "de_DE.UTF-8"]), timeout: 30)
        #expect(german.status == 1, "\(german.stdout)\(german.stderr)")
        #expect(german.stderr == """
            steady: ungültiger Kalenderausdruck 'Mon..Fry 07:30': unbekannter Wochentag 'Fry' — meintest du 'Fri'?
            Mon..Fry 07:30
                 ^^^

            """)

        let english = try ChildProcess.run(SteadyBinary.path, ["calendar", "Mon..Fry 07:30"],
                                           environment: try home.environment(["LANG": "C.UTF-8"]), timeout: 30)
        #expect(english.status == 1, "\(english.stdout)\(english.stderr)")
        #expect(english.stderr == """
            steady: invalid calendar expression 'Mon..Fry 07:30': unknown weekday 'Fry' — did you mean 'Fri'?
            Mon..Fry 07:30
                 ^^^

            """)
    }

    // `steady config check` on a bad schedule: ConfigLanguageEndToEndTests.problems.

    @Test func theDaemon_onABadSchedule_tellsThePersonInGerman_butSystemdInEnglish() throws {
        let home = try LanguageEndToEndTests.Home()
        try home.root.write("config/steady/config.toml", Self.brokenSchedule)
        let path = home.root.file("config/steady/config.toml")
        let notify = try NotifySocket(directory: home.root.path)
        var environment = try home.environment(["LANG": "de_DE.UTF-8"])
        environment["NOTIFY_SOCKET"] = notify.path
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: environment)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }

        let failed = try #require(notify.wait(timeout: 20) { $0.notifyField("STATUS") != nil }, "no STATUS=; stderr: \(daemon.stderr)")
        #expect(failed.notifyField("STATUS") == "config error: \(path):2:19: hour '25' is out of range (hours are 0..23)")
        #expect(daemon.waitForExit(timeout: 20) == 78)
        daemon.waitForOutput()
        #expect(daemon.stderr.contains("\(path):2:19: die Stunde '25' liegt außerhalb des Bereichs\n"), "\(daemon.stderr)")
        #expect(daemon.stderr.contains("\n  Tipp: Stunden gehen von 0..23"), "\(daemon.stderr)")
    }
}
