import Foundation
import Testing
@testable import SteadyCalendar

/// Hand-picked next-elapse cases. Every expected value was read off
/// `TZ=<zone> systemd-analyze calendar --iterations=4 --base-time=@<base> '<expression>'` (systemd 252.39).
@Suite("Calendar expressions: next elapse")
struct CalendarNextElapseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var zone: String
        var base: TimeInterval
        var expression: String
        /// Unix times of the next elapses, each searched from the previous one.
        var elapses: [TimeInterval?]
        var note: String

        var testDescription: String { "\(expression) in \(zone): \(note)" }
    }

    static let cases: [Case] = [
        Case(zone: "UTC", base: 1_700_000_000, expression: "Mon..Fri 7:30",
             elapses: [1_700_033_400, 1_700_119_800, 1_700_206_200], note: "weekdays skip the weekend"),
        Case(zone: "UTC", base: 1_700_000_000, expression: "Sat,Sun *-*-1..7 18:00",
             elapses: [1_701_540_000, 1_701_626_400, 1_704_564_000], note: "first weekend days of a month"),
        Case(zone: "Europe/Berlin", base: 1_711_800_000, expression: "*-*-* 02:30",
             elapses: [1_711_931_400, 1_712_017_800], note: "02:30 does not exist on 2024-03-31: that day is skipped"),
        Case(zone: "Europe/Berlin", base: 1_729_936_800, expression: "*-*-* 02:30",
             elapses: [1_729_989_000, 1_730_079_000, 1_730_165_400], note: "02:30 happens twice on 2024-10-27: only the first (CEST) counts"),
        Case(zone: "Europe/Berlin", base: 1_729_987_200, expression: "*:30",
             elapses: [1_729_989_000, 1_729_996_200, 1_729_999_800], note: "the repeated hour's :30 (CET) is skipped"),
        Case(zone: "Australia/Lord_Howe", base: 1_728_140_000, expression: "*:15",
             elapses: [1_728_144_900, 1_728_148_500], note: "half-hour spring forward: 02:15 does not exist"),
        Case(zone: "Australia/Lord_Howe", base: 1_743_866_000, expression: "*:15",
             elapses: [1_743_867_900, 1_743_871_500], note: "half-hour fall back, base in the second 01:30-02:00"),
        Case(zone: "America/Santiago", base: 1_662_800_000, expression: "daily",
             elapses: [1_662_951_600, 1_663_038_000], note: "midnight does not exist on 2022-09-11"),
        Case(zone: "America/Santiago", base: 1_680_400_000, expression: "*-*-* 23:30",
             elapses: [1_680_402_600, 1_680_492_600], note: "DST ends at midnight"),
        Case(zone: "Asia/Kathmandu", base: 1_700_000_000, expression: "12:00",
             elapses: [1_700_028_900, 1_700_115_300], note: "+05:45"),
        Case(zone: "Europe/Berlin", base: 1_700_000_000, expression: "12:00 UTC",
             elapses: [1_700_049_600, 1_700_136_000], note: "an expression in UTC ignores the given zone"),
        Case(zone: "Europe/Berlin", base: 1_700_000_000, expression: "09:00 America/New_York",
             elapses: [1_700_056_800, 1_700_143_200], note: "an expression's own zone wins"),
        Case(zone: "Europe/Berlin", base: 1_740_000_000, expression: "*-02-29",
             elapses: [1_835_391_600, 1_961_622_000], note: "leap days only"),
        Case(zone: "Europe/Berlin", base: 1_706_000_000, expression: "*-*~1",
             elapses: [1_706_655_600, 1_709_161_200, 1_711_839_600, 1_714_428_000], note: "last day of each month"),
        Case(zone: "Europe/Berlin", base: 1_706_000_000, expression: "2020-01-01",
             elapses: [nil], note: "in the past: never"),
        Case(zone: "America/New_York", base: 1_730_611_800, expression: "*:*:*",
             elapses: [1_730_611_801, 1_730_611_802], note: "every second through the first 01:30 EDT"),
        Case(zone: "America/New_York", base: 1_730_615_400, expression: "*:*:*",
             elapses: [1_730_615_401, 1_730_615_402], note: "every second through the second 01:30 EST"),
        Case(zone: "UTC", base: 1_700_000_000.1, expression: "*:*:0/0.25",
             elapses: [1_700_000_000.25, 1_700_000_000.5, 1_700_000_000.75, 1_700_000_001], note: "quarter seconds"),
    ]

    @Test(arguments: cases)
    func nextElapse(_ c: Case) throws {
        let zone = try #require(TimeZone(identifier: c.zone))
        let expression = try CalendarExpression(c.expression)
        var base = Date(timeIntervalSince1970: c.base)
        for (i, expected) in c.elapses.enumerated() {
            let next = expression.nextElapse(after: base, in: zone)
            #expect(next?.timeIntervalSince1970 == expected, "iteration \(i + 1) after \(base.timeIntervalSince1970)")
            guard let next else { break }
            #expect(next > base)
            base = next
        }
    }

    @Test func nextElapseIsStrictlyAfterTheBase() throws {
        let e = try CalendarExpression("*-*-* 12:00:00")
        let zone = try #require(TimeZone(identifier: "UTC"))
        let noon = Date(timeIntervalSince1970: 1_700_049_600)
        #expect(e.nextElapse(after: noon, in: zone) == noon.addingTimeInterval(86_400))
        #expect(e.nextElapse(after: noon.addingTimeInterval(-0.000_001), in: zone) == noon)
    }

    @Test func yearsEndAt2199() throws {
        let e = try CalendarExpression("2199-12-31 23:59:59")
        let zone = try #require(TimeZone(identifier: "UTC"))
        let last = try #require(e.nextElapse(after: Date(timeIntervalSince1970: 0), in: zone))
        #expect(last.timeIntervalSince1970 == 7_258_118_399)
        #expect(e.nextElapse(after: last, in: zone) == nil)
    }

    @Test func equalExpressionsHashAlike() throws {
        let a = try CalendarExpression("mon..fri 7:30")
        let b = try CalendarExpression("Monday-Friday *-*-* 07:30:00")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(try CalendarExpression("Mon 7:30") != a)
    }

    /// Printed for information only; the benchmark reports the real figures.
    @Test func timing() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        for text in ["Mon..Fri 07:30", "*:0/15", "*-*~1 12:00", "Sat *-*-1..7 18:00"] {
            let e = try CalendarExpression(text)
            var d = Date(timeIntervalSince1970: 1_700_000_000)
            let n = 500
            let start = Date()
            for _ in 0..<n { d = e.nextElapse(after: d, in: zone) ?? d }
            let micros = Date().timeIntervalSince(start) / Double(n) * 1_000_000
            print("calendar timing: nextElapse('\(text)') \(String(format: "%.1f", micros)) µs per call (this build)")
        }
    }
}
