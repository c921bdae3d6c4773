import SteadyKit
import Testing

@Suite struct TimeSpanTests {
    @Test(arguments: [("90m", 5400), ("2h", 7200), ("1h 30min", 5400), ("45s", 45), ("1d", 86_400), ("10", 10), ("1h30m", 5400)])
    func parses(text: String, seconds: Int) throws {
        #expect(try TimeSpan(parsing: text).seconds == seconds)
    }

    @Test(arguments: ["", "h", "2 fortnights", "-5m"])
    func rejects(text: String) {
        #expect(throws: TimeSpanError.self) { try TimeSpan(parsing: text) }
    }

    @Test func describesShortest() {
        #expect(TimeSpan(seconds: 5400).description == "1h 30min")
        #expect(TimeSpan(seconds: 45).description == "45s")
    }

    @Test func quietHours_wrapPastMidnight() throws {
        let range = try #require(TimeOfDayRange("22:00..07:00"))
        #expect(range.contains(TimeOfDay(hour: 23, minute: 0)))
        #expect(range.contains(TimeOfDay(hour: 6, minute: 59)))
        #expect(!range.contains(TimeOfDay(hour: 7, minute: 0)))
        #expect(!range.contains(TimeOfDay(hour: 21, minute: 59)))
        #expect(range.contains(TimeOfDay(hour: 22, minute: 0)))
    }

    @Test func dayRange_doesNotWrap() throws {
        let range = try #require(TimeOfDayRange("10:00..20:00"))
        #expect(range.contains(TimeOfDay(hour: 10, minute: 0)))
        #expect(!range.contains(TimeOfDay(hour: 20, minute: 0)))
        #expect(TimeOfDayRange("25:00..07:00") == nil)
    }
}
