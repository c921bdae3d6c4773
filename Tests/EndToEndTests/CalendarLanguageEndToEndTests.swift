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

    // `steady config check` and the daemon on a bad schedule: ConfigLanguageEndToEndTests.problems.
}
