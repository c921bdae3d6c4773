import Foundation
import Testing
@testable import SteadyCalendar

/// The report's layout, checked against text captured from `systemd-analyze calendar` (with "now"
/// pinned so the "From now" lines are fixed; the differential test compares live output).
@Suite("Calendar expressions: systemd-analyze style report")
struct CalendarReportTests {
    @Test func layoutWithLocalZoneAndErrors() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let base = Date(timeIntervalSince1970: 1_711_846_800)  // Sun 2024-03-31 03:00 CEST
        let report = CalendarReport.render(["Mon..Fri 7:30", "bogus", "daily UTC"], iterations: 2, base: base, now: base,
                                           timeZone: berlin)
        #expect(report.output == """
              Original form: Mon..Fri 7:30
            Normalized form: Mon..Fri *-*-* 07:30:00
                Next elapse: Mon 2024-04-01 07:30:00 CEST
                   (in UTC): Mon 2024-04-01 05:30:00 UTC
                   From now: 1 day 4h left
                   Iter. #2: Tue 2024-04-02 07:30:00 CEST
                   (in UTC): Tue 2024-04-02 05:30:00 UTC
                   From now: 2 days left


              Original form: daily UTC
            Normalized form: *-*-* 00:00:00 UTC
                Next elapse: Mon 2024-04-01 02:00:00 CEST
                   (in UTC): Mon 2024-04-01 00:00:00 UTC
                   From now: 23h left
                   Iter. #2: Tue 2024-04-02 02:00:00 CEST
                   (in UTC): Tue 2024-04-02 00:00:00 UTC
                   From now: 1 day 23h left

            """)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.expression == "bogus")
        #expect(report.errors.first?.offset == 0)
    }

    @Test func utcProcessZoneHasNoUTCLinesAndNeverStops() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let base = Date(timeIntervalSince1970: 1_711_846_800)
        let report = CalendarReport.render(["2020-01-01", "*-*-* *:00/30:00"], iterations: 2, base: base,
                                           now: base.addingTimeInterval(-90), timeZone: utc)
        #expect(report.output == """
              Original form: 2020-01-01
            Normalized form: 2020-01-01 00:00:00
                Next elapse: never

            Normalized form: *-*-* *:00/30:00
                Next elapse: Sun 2024-03-31 01:30:00 UTC
                   From now: 31min left
                   Iter. #2: Sun 2024-03-31 02:00:00 UTC
                   From now: 1h 1min left

            """)
        #expect(report.errors.isEmpty)
    }

    @Test func trailingBlanksAreNotPrinted() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let base = Date(timeIntervalSince1970: 1_711_846_800)
        let report = CalendarReport.render(["Mon "], iterations: 1, base: base, now: base, timeZone: utc)
        #expect(report.output.hasPrefix("  Original form: Mon\nNormalized form: Mon *-*-* 00:00:00\n"))
    }

    @Test(arguments: [
        (0, "now"), (999, "999us left"), (1_500, "1ms left"), (5_000_000, "5s left"), (70_000_000, "1min 10s left"),
        (400_000_000, "6min left"), (3_960_000_000, "1h 6min left"), (30_000_000_000, "8h left"),
        (95_000_000_000, "1 day 2h left"), (200_000_000_000, "2 days left"), (900_000_000_000, "1 week 3 days left"),
        (5_000_000_000_000, "1 month 27 days left"), (-40_000_000_000_000, "1 year 3 months ago"),
    ])
    func relativeTimes(delta: Int, text: String) {
        #expect(CalendarTimestampFormat.relative(microseconds: 1_000_000_000_000_000 + delta, now: 1_000_000_000_000_000) == text)
    }

    @Test func abbreviationsFollowTzdata() throws {
        func stamp(_ t: Int, _ zone: String) throws -> String {
            let tz: TimeZone = try #require(TimeZone(identifier: zone))
            return CalendarTimestampFormat.timestamp(microseconds: t * 1_000_000, zone: tz)
        }
        #expect(try stamp(1_700_000_000, "Asia/Kathmandu") == "Wed 2023-11-15 03:58:20 +0545")
        #expect(try stamp(1_700_000_000, "America/Santiago") == "Tue 2023-11-14 19:13:20 -03")
        #expect(try stamp(1_700_000_000, "America/New_York") == "Tue 2023-11-14 17:13:20 EST")
        #expect(try stamp(1_690_000_000, "Europe/London") == "Sat 2023-07-22 05:26:40 BST")
        #expect(try stamp(1_700_000_000, "Australia/Lord_Howe") == "Wed 2023-11-15 09:13:20 +11")
        #expect(try stamp(1_700_000_000, "UTC") == "Tue 2023-11-14 22:13:20 UTC")
    }
}
