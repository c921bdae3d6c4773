import Foundation
import Testing
@testable import SteadyCalendar

/// The zone names and abbreviations come from the system's zone files (/usr/share/zoneinfo),
/// checked one name at a time, the way systemd checks them.
@Suite struct ZoneInfoTests {
    @Test func zoneFiles_areZoneNames() {
        for name in ["Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+5", "CET", "posixrules"] {
            #expect(ZoneInfo.isZoneFile(name), "\(name)")
        }
    }

    @Test func namesOutsideTheZoneDirectory_orNotZoneFiles_areRefused() {
        for name in ["../../etc/passwd", "Europe/../Europe/Berlin", "./UTC", "/etc/localtime", "/usr/share/zoneinfo/UTC",
                     "Europe//Berlin", "Europe/Berlin/", "Europe", "zone.tab", "tzdata.zi", "Europe/Berlinn", "europe/berlin",
                     "", "Europe/Berlin\u{0}", "Europe/Berlin ", String(repeating: "A", count: 5000)] {
            #expect(!ZoneInfo.isZoneFile(name), "\(name)")
        }
        #expect(throws: CalendarExpressionError.self) { try CalendarExpression("12:00 ../../etc/passwd") }
    }

    @Test func tzname_isWhatGlibcSetsAfterReadingTheFile() throws {
        let berlin = try #require(ZoneInfo.file(named: "Europe/Berlin")).tzname
        #expect(berlin.standard == "CET" && berlin.daylight == "CEST")
        // Tokyo last used daylight saving time in 1951; glibc still names it.
        let tokyo = try #require(ZoneInfo.file(named: "Asia/Tokyo")).tzname
        #expect(tokyo.standard == "JST" && tokyo.daylight == "JDT")
        let utc = try #require(ZoneInfo.file(named: "UTC")).tzname
        #expect(utc.standard == "UTC" && utc.daylight == "UTC")
    }

    @Test func abbreviations_comeFromTheFile_andItsRuleAfterTheLastTransition() {
        func name(_ zone: String, _ time: Int) -> String {
            let offset = TimeZone(identifier: zone)!.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time)))
            return CalendarTimeZones.abbreviation(zoneName: zone, at: time, offset: offset)
        }
        #expect(name("Europe/Berlin", 1_782_864_000) == "CEST")  // 2026-07-01
        #expect(name("Europe/Berlin", 1_767_225_600) == "CET")  // 2026-01-01
        #expect(name("Europe/Berlin", 5_695_920_000) == "CEST")  // 2150-07-01: past the file's transitions, the footer's rule
        #expect(name("Europe/Berlin", 5_648_745_600) == "CET")  // 2149-01-01
        #expect(name("Asia/Kathmandu", 1_782_864_000) == "+0545")
        #expect(name("Europe/Dublin", 1_782_864_000) == "IST")
        #expect(name("Europe/Dublin", 1_767_225_600) == "GMT")
        #expect(name("Australia/Lord_Howe", 1_782_864_000) == "+1030")
        #expect(name("Australia/Lord_Howe", 1_767_225_600) == "+11")
        #expect(name("UTC", 1_782_864_000) == "UTC")
        #expect(CalendarTimeZones.abbreviation(zoneName: "No/Such_Zone", at: 0, offset: 20700) == "+0545")
    }

    @Test func suggestions_listOnlyTheRegionAsked() {
        #expect(CalendarTimeZones.suggestion(for: "europe/berlin") == "Europe/Berlin")
        #expect(CalendarTimeZones.suggestion(for: "Europe/Berlinn") == "Europe/Berlin")
        #expect(ZoneInfo.names(regionPrefix: "europe").allSatisfy { $0.hasPrefix("Europe") })
        #expect(!ZoneInfo.names(regionPrefix: "").contains { $0.hasPrefix("posix/") || $0.hasPrefix("right/") })
    }

    /// The lookup is lazy and cheap: one open and a 4-byte read per name, no table in memory.
    /// Prints the figures of the build at hand (docs/calendar.md, Performance).
    @Test func timing() throws {
        let rounds = 2000
        var start = Date()
        for _ in 0..<rounds { _ = CalendarTimeZones.isValidName("Europe/Berlin") }
        let lookup = Date().timeIntervalSince(start) / Double(rounds)
        start = Date()
        for _ in 0..<rounds { _ = try CalendarExpression("Mon..Fri 07:30 Europe/Berlin") }
        let parse = Date().timeIntervalSince(start) / Double(rounds)
        print(String(format: "zone timing: isValidName('Europe/Berlin') %.1f µs, CalendarExpression('Mon..Fri 07:30 Europe/Berlin') %.1f µs per call (this build)",
                     lookup * 1e6, parse * 1e6))
        #expect(lookup < 0.005, "a zone name check should take microseconds, not \(lookup * 1e3) ms")
    }
}
