import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import Testing

/// Stats, the report and the export over what the relationship tools and practices write.
@Suite struct RelationshipStatsTests {
    let fixture: JournalFixture
    let stats: JournalStats

    init() throws {
        fixture = try JournalFixture(withRelationships: ())
        stats = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone).stats(from: fixture.journal)
    }

    @Test func feelingWords_areCountedFromEveryPlace_ownWordsTogether() {
        #expect(stats.feelings == [
            CountItem(key: "anxious", count: 1), CountItem(key: "lonely", count: 1), CountItem(key: Feelings.ownWordsKey, count: 1),
            CountItem(key: "tired", count: 1),
        ])
    }

    @Test func requests_byWhatTheyWereAbout_andHowTheyWent_keptOnesAreWins() {
        #expect(stats.requests.count == 2)
        #expect(stats.requests.byKind == [CountItem(key: "reassurance", count: 1), CountItem(key: "time-together", count: 1)])
        #expect(stats.requests.reassurance == 1)
        #expect(stats.requests.outcomes == [CountItem(key: "went-well", count: 1)])
        #expect(stats.requests.keptAsWins == 1)
        #expect(stats.wins == 3, "the fixture's two wins and the request kept from its check-in")
    }

    @Test func checksAndTimeAlone_areTechniques_withTheirOwnRatings() throws {
        let check = try #require(stats.techniques.first { $0.technique == "reality-check" })
        #expect((check.measure, check.count, check.eased) == ("intensity", 1, 1))
        let alone = try #require(stats.techniques.first { $0.technique == "time-alone" })
        #expect((alone.measure, alone.count, alone.eased, alone.scaleHigh) == ("anxiety", 1, 1, 10))
        #expect(stats.checks == [CountItem(key: "mostly-older", count: 1)])
    }

    @Test func triggerIntensity_earlierAndLaterHalves_sayHowItChanged() {
        #expect(stats.triggers.count == 4)
        #expect(stats.triggers.earlierMeanIntensity == 7)  // 8 and 6
        #expect(stats.triggers.laterMeanIntensity == 6)    // 5 and 7, in time order
    }

    @Test func text_namesTheNewSections_kindly() {
        let text = StatsText(stats: stats, timeZone: JournalFixture.timeZone).render()
        #expect(text.contains("Feelings you named\n  anxious 1 · lonely 1 · own words 1 · tired 1\n"))
        #expect(text.contains("Wins noted: 3 · of them, requests that went well: 1 · small no's or preferences said: 1"))
        #expect(text.contains("Intensity has come down: earlier entries 7 on average, more recent ones 6."))
        #expect(text.contains("Asking for what you need: 2 requests written"))
        #expect(text.contains("how it went  it went well 1"))
        #expect(text.contains("Requests for reassurance: 1. Only here for you to notice; there is no number to aim for."))
        #expect(text.contains("Past or present? 1 check\n  mostly an echo of something older 1"))
        #expect(text.contains("Past-or-present check (intensity, 1–10)"))
        #expect(text.contains("Time alone (anxiety, 1–10)"))
        for secret in JournalFixture.RelationshipPrivate.all {
            #expect(!text.contains(String(secret.prefix(while: { $0 != " " }))), "\(secret) leaked")
        }
        #expect(ToneCheck.problems(in: text).isEmpty, "\(ToneCheck.problems(in: text))")
    }

    @Test func report_showsThemToo_withoutAnythingWritten() throws {
        let data = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone).report(from: fixture.journal, includeText: false)
        let html = ReportHTML(data: data, timeZone: JournalFixture.timeZone, generatedAt: JournalFixture.at(1, 23, 30)).render()
        _ = try ReportScan.scan(html)
        #expect(html.contains(">Feelings named</title>"), "the plot's title (it carries an id for aria-labelledby)")
        #expect(html.contains("own words"))
        #expect(html.contains("About reassurance that we&#39;re all right") || html.contains("About reassurance that we're all right"))
        #expect(html.contains("Went: it went well"))
        #expect(html.contains("Check: mostly an echo of something older"))
        #expect(html.contains("Requests for reassurance: 1."))
        for secret in JournalFixture.RelationshipPrivate.all {
            #expect(!html.contains(String(secret.prefix(while: { $0 != " " }))), "\(secret) leaked")
        }
    }

    @Test func export_holdsEveryNewKindOfEntry_andAnswer() throws {
        let collected = Collected()
        _ = try JournalExport(format: .json, timeZone: JournalFixture.timeZone)
            .write(from: fixture.journal, to: CaptureSink { collected.bytes.append(contentsOf: $0) })
        let lines = String(decoding: collected.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        for kind in ["\"kind\":\"asking\"", "\"kind\":\"reality-check\"", "\"kind\":\"soothing-kit\""] {
            #expect(lines.contains { $0.contains(kind) }, "\(kind)")
        }
        #expect(lines.contains { $0.contains("\"practice\":\"time-alone\"") && $0.contains("\"follow_up_key\":\"end\"") })
        #expect(lines.contains { $0.contains("\"practice\":\"boundaries\"") && $0.contains(JournalFixture.RelationshipPrivate.resentment) })
        #expect(lines.contains { $0.contains("\"feeling\":\"anxious\"") })
    }
}
