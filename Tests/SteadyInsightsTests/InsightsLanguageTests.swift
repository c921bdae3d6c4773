import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTestSupport
import Testing

/// `steady stats`, `steady history` and `steady report` speak the person's language and
/// follow their LC_TIME: German words and plurals, German weekday names, Monday first in
/// Germany and Sunday first in the US. (The English tests beside these keep the C locale.)
@Suite struct InsightsLanguageTests {
    let fixture: JournalFixture
    let stats: JournalStats

    init() throws {
        fixture = try JournalFixture()
        stats = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone).stats(from: fixture.journal)
    }

    static func words(_ locale: String) throws -> CalendarWords {
        do { return CalendarWords(try LocaleTime(locale)) } catch { throw TestSupportError("\(error); scripts/install-deps test generates it") }
    }

    @Test func stats_inGerman_withPluralsAndGermanWeekdays() throws {
        let text = try Catalogues.inLocale("de_DE.UTF-8") {
            StatsText(stats: stats, names: ["morning-mindfulness": "Morgenachtsamkeit"], timeZone: JournalFixture.timeZone,
                      words: try Self.words("de_DE.UTF-8")).render()
        }
        #expect(text.hasPrefix("Was dir geholfen hat, vom 6. Jan 2025 bis 7. Jan 2025\n\nWas dir Erleichterung bringt"), "\(text)")
        #expect(text.contains("Wie sich Auslöser angefühlt haben: 3 Einträge, Stärke im Schnitt 7 (1–10)"), "plural")
        #expect(text.contains("bisher einmal eingeschätzt"), "once")
        #expect(text.contains("Montage und Dienstage haben dir bisher am besten gepasst."))
        #expect(text.contains("Für dich oder deine therapeutische Begleitung: die Zahlen"))
        #expect(text.contains("    Mo 3 · 3   Di 3 · 1\n"), "German weekday names, Monday first")
        #expect(text.hasSuffix("Jede Frage ist freiwillig. Diese Zahlen sind zum Wahrnehmen da, nicht zum Bewerten.\n"))
    }

    @Test func stats_emptyJournal_inGerman() throws {
        let empty = try JournalFixture(empty: ())
        let stats = try InsightsLoader(window: .all).stats(from: empty.journal)
        let text = try Catalogues.inLocale("de_DE.UTF-8") { StatsText(stats: stats, words: try Self.words("de_DE.UTF-8")).render() }
        #expect(text.hasPrefix("Was dir geholfen hat, bisher\n\nFür diesen Zeitraum ist noch nichts notiert."))
    }

    @Test func history_inGerman_withA24HourClock_andEnglishUSWithTwelveHours() throws {
        let records = try fixture.journal.historyPage(HistoryFilter(), after: nil, limit: 1000)
        let german = try LocaleTime("de_DE.UTF-8")
        let lines = try Catalogues.inLocale("de_DE.UTF-8") { () -> [String] in
            var clock = LocalClock(timeZone: JournalFixture.timeZone)
            let text = HistoryText(timeZone: JournalFixture.timeZone, localeTime: german)
            return records.map { text.line($0, clock: &clock) }
        }
        #expect(lines.contains { $0.hasPrefix("2025-01-06 07:30  #1  morning-mindfulness   beantwortet: ") && $0.hasSuffix("(einmal auf später verschoben)") },
                "\(lines)")
        #expect(lines.contains("2025-01-06 21:00  #3  evening-reflection    beantwortet: 4 von 5 — PRIVATE-NOTE, felt \"okay\" ⏎ then better"))
        #expect(lines.contains { $0.contains("  notiert: ") && $0.hasSuffix("(folgt auf e1)") })

        var clock = LocalClock(timeZone: JournalFixture.timeZone)
        let american = HistoryText(timeZone: JournalFixture.timeZone, localeTime: try LocaleTime("en_US.UTF-8"))
        let english = records.map { american.line($0, clock: &clock) }
        #expect(english.contains("2025-01-06 9:00 PM  #3  evening-reflection    answered: 4 of 5 — PRIVATE-NOTE, felt \"okay\" ⏎ then better"))
    }

    func report(_ words: CalendarWords) throws -> String {
        let data = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone).report(from: fixture.journal, includeText: false)
        return ReportHTML(data: data, timeZone: JournalFixture.timeZone, generatedAt: JournalFixture.at(1, 23, 30), words: words).render()
    }

    /// The row labels of the weekday-by-hour grid, top to bottom.
    static func gridRows(_ html: String) throws -> [String] {
        let grid = try #require(html.range(of: "data-plot=\"trigger-timing\""))
        let end = try #require(html.range(of: "</svg>", range: grid.upperBound..<html.endIndex))
        let svg = html[grid.upperBound..<end.lowerBound]
        let pattern = try NSRegularExpression(pattern: #"text-anchor="end"[^>]*>([^<]+)</text>"#)
        let text = String(svg)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    @Test func report_inGerman_hasLangDe_germanHeadings_andMondayFirst() throws {
        let html = try Catalogues.inLocale("de_DE.UTF-8") { try report(try Self.words("de_DE.UTF-8")) }
        _ = try ReportScan.scan(html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\">"))
        #expect(html.contains("<h1>Was dir geholfen hat</h1>"))
        #expect(html.contains("<h2>Erfolge</h2>"))
        #expect(html.contains("Von steady aus dem Tagebuch auf diesem Computer erstellt, am 7. Jan 2025"))
        #expect(html.contains("<h2>Wann Auslöser kamen</h2>"))
        #expect(html.contains("3 Einträge zu Auslösern, nach Wochentag und Stunde und nach Art."), "plural")
        #expect(html.contains(">Einträge zu Auslösern nach Wochentag und Stunde</title>"))
        #expect(try Self.gridRows(html) == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"])
        #expect(html.contains("<th scope=\"row\">Montage</th>"), "weekday plural in the answers-by-weekday table")
    }

    @Test func report_inEnglishUS_startsTheWeekOnSunday() throws {
        let html = try report(try Self.words("en_US.UTF-8"))
        #expect(try Self.gridRows(html) == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])
        #expect(html.contains("lang=\"en\""))
    }

    @Test func report_inTheCLocale_keepsMondayFirst() throws {
        #expect(try Self.gridRows(try report(CalendarWords(LocaleTime.c))) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    }
}
