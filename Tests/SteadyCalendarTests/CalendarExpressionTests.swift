import Foundation
import Testing
@testable import SteadyCalendar

@Suite("Calendar expressions: parsing and normalization")
struct CalendarExpressionTests {
    @Test("normalized forms match systemd-analyze", arguments: [
        ("Mon..Fri 7:30", "Mon..Fri *-*-* 07:30:00"),
        ("Sat,Sun", "Sat,Sun *-*-* 00:00:00"),
        ("mon..wednesday 1:2:3", "Mon..Wed *-*-* 01:02:03"),
        ("Mon-Wed", "Mon..Wed *-*-* 00:00:00"),
        ("Mon,", "Mon *-*-* 00:00:00"),
        ("Mon..Sun", "*-*-* 00:00:00"),
        ("Sun,Mon..Sat 1:1", "*-*-* 01:01:00"),
        ("Mon,Tue,Thu", "Mon,Tue,Thu *-*-* 00:00:00"),
        ("Mon,Wed,Thu,Fri", "Mon,Wed..Fri *-*-* 00:00:00"),
        ("*:0/15", "*-*-* *:00/15:00"),
        ("08..20:00", "*-*-* 08..20:00:00"),
        ("00..23/2:00", "*-*-* 00..22/2:00:00"),
        ("*:*:0..30", "*-*-* *:*:00..30"),
        ("*:*:00/1", "*-*-* *:*:*"),
        ("*:0/15:0.5", "*-*-* *:00/15:00.500000"),
        ("*:*:0/0.5", "*-*-* *:*:00/0.500000"),
        ("*-*-* *:*:1.2345678", "*-*-* *:*:01.234568"),
        ("*:*:5..5.5/0.5", "*-*-* *:*:05..05.500000/0.500000"),
        ("2000..2010/3-1-1", "2000..2009/3-01-01 00:00:00"),
        ("70-1-1", "1970-01-01 00:00:00"),
        ("1..6/2-*", "*-01..05/2-* 00:00:00"),
        ("*-1,2,3-1 0..23/1:1", "*-01,02,03-01 00..23:01:00"),
        ("*-*~*", "*-*-* 00:00:00"),
        ("*-02~03", "*-02~03 00:00:00"),
        ("*-*~1..7/2", "*-*~01..07/2 00:00:00"),
        ("Sat,Sun *-*~1 12:00 America/New_York", "Sat,Sun *-*~01 12:00:00 America/New_York"),
        ("12:00 utc", "*-*-* 12:00:00 UTC"),
        ("12:00 Etc/UTC", "*-*-* 12:00:00 Etc/UTC"),
        ("daily Asia/Kathmandu", "*-*-* 00:00:00 Asia/Kathmandu"),
        ("@1700000000", "2023-11-14 22:13:20 UTC"),
        ("minutely", "*-*-* *:*:00"),
        ("hourly", "*-*-* *:00:00"),
        ("daily", "*-*-* 00:00:00"),
        ("weekly", "Mon *-*-* 00:00:00"),
        ("monthly", "*-*-01 00:00:00"),
        ("quarterly", "*-01,04,07,10-01 00:00:00"),
        ("semiannually", "*-01,07-01 00:00:00"),
        ("yearly", "*-01-01 00:00:00"),
        ("annually", "*-01-01 00:00:00"),
        ("2024-01-01", "2024-01-01 00:00:00"),
    ])
    func normalized(text: String, expected: String) throws {
        #expect(try CalendarExpression(text).description == expected)
    }

    @Test("text systemd rejects is rejected", arguments: [
        "*:*/2", "*:*:0..0", "*:*:5.5..5", "2200-1-1", "*-*~29", "*-*~1/5", "*-*~7..1", "*:*:59.9999999",
        "Mon,,Tue", "Mon.. 12:00", "2024~1", "*:59/1", "12:00 Europe/Berlinn", "", "Fri..Mon", "12", "Mond 12:00",
        "25:00", "*:60", "*-13-01", "*-*-32", "0/0:00", "UTC", "12:00:00:00", "1.5:00",
    ])
    func rejected(text: String) {
        #expect(throws: CalendarExpressionError.self) { try CalendarExpression(text) }
    }

    @Test func errorPointsAtMisspelledWeekday() {
        do {
            _ = try CalendarExpression("Mon..Fry 07:30")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 5)
            #expect(error.length == 3)
            #expect(error.message == "unknown weekday 'Fry' — did you mean 'Fri'?")
            #expect(error.hint?.contains("Mon..Sun") == true)
            #expect(error.description == "invalid calendar expression 'Mon..Fry 07:30': unknown weekday 'Fry' — did you mean 'Fri'?")
            #expect(error.pointer == "Mon..Fry 07:30\n     ^^^")
        }
    }

    @Test func nextElapseSimple() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let e = try CalendarExpression("Mon..Fri 7:30")
        let base = Date(timeIntervalSince1970: 1_711_846_800) // Sun 2024-03-31 03:00 CEST
        #expect(e.nextElapse(after: base, in: berlin) == Date(timeIntervalSince1970: 1_711_949_400))
    }
}
