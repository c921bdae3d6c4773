import Foundation
import SteadyInsights
import Testing

@Suite struct DateWindowTests {
    let zone = TimeZone(identifier: "Europe/Berlin")!
    /// Wednesday 2025-03-12 15:20:00 in Berlin (UTC+1).
    let now = Date(timeIntervalSince1970: 1_741_789_200)

    func since(_ text: String) throws -> Date? { try DateWindow.parse(since: text, until: nil, now: now, timeZone: zone).since }
    func until(_ text: String) throws -> Date? { try DateWindow.parse(since: nil, until: text, now: now, timeZone: zone).until }

    /// Local midnight of 2025-03-`day` in Berlin.
    func midnight(_ day: Int) -> Date { Date(timeIntervalSince1970: 1_741_734_000 + Double(day - 12) * 86_400) }

    @Test func spans_countBackFromNow() throws {
        #expect(try since("7d") == now.addingTimeInterval(-7 * 86_400))
        #expect(try since("2w") == now.addingTimeInterval(-14 * 86_400))
        #expect(try since("12h") == now.addingTimeInterval(-12 * 3600))
        #expect(try since("1d 12h") == now.addingTimeInterval(-36 * 3600))
        #expect(try since("-3d") == now.addingTimeInterval(-3 * 86_400))
    }

    @Test func monthsAndYears_areCalendarMonthsAndYears() throws {
        #expect(try since("1mo") == Date(timeIntervalSince1970: 1_739_370_000))  // 2025-02-12 15:20 +01:00
        #expect(try since("3 months") == Date(timeIntervalSince1970: 1_734_013_200))  // 2024-12-12 15:20 +01:00
        #expect(try since("1y") == Date(timeIntervalSince1970: 1_710_253_200))  // 2024-03-12 15:20 +01:00
    }

    @Test func words_andDates_areLocalMidnights() throws {
        #expect(try since("today") == midnight(12))
        #expect(try since("yesterday") == midnight(11))
        #expect(try until("yesterday") == midnight(12))
        #expect(try until("today") == midnight(13))
        #expect(try since("2025-03-01") == midnight(1))
        #expect(try since("now") == now)
        #expect(try since("all") == nil)
    }

    @Test func until_aDate_includesThatWholeDay() throws {
        #expect(try until("2025-03-10") == midnight(11))
        #expect(try until("2025-03-10 08:30") == midnight(10).addingTimeInterval(8.5 * 3600))
        #expect(try since("2025-03-10T08:30:15") == midnight(10).addingTimeInterval(8.5 * 3600 + 15))
    }

    @Test func badInput_isRejectedWithAnExample() {
        for text in ["soon", "2025-02-30", "2025-13-01", "7x", "25:00"] {
            #expect(throws: InsightsError.self, "\(text)") { try DateWindow.parse(since: text, until: nil, now: now, timeZone: zone) }
        }
        do {
            _ = try DateWindow.parse(since: "soon", until: nil, now: now, timeZone: zone)
        } catch {
            #expect(error.description == "--since 'soon' is not a date or a span; write e.g. 7d, 2w, 3mo, yesterday, 2025-03-01 or all.")
        }
    }

    @Test func sinceAfterUntil_isRejected() {
        #expect(throws: InsightsError.self) { try DateWindow.parse(since: "2025-03-10", until: "2025-03-01", now: now, timeZone: zone) }
    }

    @Test func contains_isHalfOpen() {
        let window = DateWindow(since: midnight(1), until: midnight(2))
        #expect(window.contains(midnight(1).timeIntervalSince1970))
        #expect(!window.contains(midnight(2).timeIntervalSince1970))
        #expect(!window.contains(midnight(1).timeIntervalSince1970 - 1))
        #expect(DateWindow.all.contains(0))
    }
}

@Suite struct LocalClockTests {
    @Test func civilDay_roundTripsAndKnowsLeapYears() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDay(dayNumber: day).dayNumber == day)
        }
        #expect(CivilDay(dayNumber: 0) == CivilDay(year: 1970, month: 1, day: 1))
        #expect(CivilDay(year: 2024, month: 3, day: 1).dayNumber - CivilDay(year: 2024, month: 2, day: 28).dayNumber == 2)
        #expect(CivilDay(year: 2100, month: 3, day: 1).dayNumber - CivilDay(year: 2100, month: 2, day: 28).dayNumber == 1)
        #expect(LocalClock.weekday(ofDay: CivilDay(year: 2025, month: 1, day: 6).dayNumber) == 0)  // a Monday
        #expect(CivilDay(year: 2025, month: 3, day: 1).iso == "2025-03-01")
    }

    @Test func hours_followDaylightSavingBothWays() {
        var clock = LocalClock(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        // 2025-03-30 00:30Z is 01:30 CET; 01:30Z is 03:30 CEST (the clocks went forward at 01:00Z).
        #expect(clock.hour(1_743_294_600) == 1)
        #expect(clock.hour(1_743_298_200) == 3)
        // 2025-10-26 00:30Z is 02:30 CEST; 01:30Z is 02:30 CET again.
        #expect(clock.hour(1_761_438_600) == 2)
        #expect(clock.hour(1_761_442_200) == 2)
        #expect(clock.offset(at: 1_761_442_200) == 3600)
        // Going back in time asks again rather than reusing a later offset.
        #expect(clock.offset(at: 1_743_294_600) == 3600)
        #expect(clock.offset(at: 1_750_000_000) == 7200)
    }

    @Test func startOfDay_isLocalMidnight() {
        let clock = LocalClock(timeZone: TimeZone(identifier: "America/New_York")!)
        let day = CivilDay(year: 2025, month: 3, day: 9).dayNumber  // the spring-forward day
        #expect(clock.startOfDay(day).timeIntervalSince1970 == 1_741_496_400)  // 05:00Z
    }
}

@Suite struct TextChartTests {
    @Test func bar_usesEighths_andKeepsItsWidth() {
        #expect(TextChart.bar(0, width: 4) == "    ")
        #expect(TextChart.bar(1, width: 4) == "████")
        #expect(TextChart.bar(0.5, width: 4) == "██  ")
        #expect(TextChart.bar(0.5 + 1.0 / 32, width: 4) == "██▏ ")
        #expect(TextChart.bar(0.001, width: 4) == "▏   ")
        #expect(TextChart.bar(.nan, width: 2) == "  ")
    }

    @Test func sparkline_spansItsRange() {
        #expect(TextChart.sparkline([1, 3, 5], range: 1...5) == "▁▅█")
        #expect(TextChart.sparkline([0, 9], range: 1...5) == "▁█")
    }
}
