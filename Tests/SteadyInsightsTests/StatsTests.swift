import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import Testing

@Suite struct StatsTests {
    let fixture: JournalFixture
    let stats: JournalStats

    init() throws {
        fixture = try JournalFixture()
        stats = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone).stats(from: fixture.journal)
    }

    private func counts(_ practice: String) throws -> PracticeCounts {
        try #require(stats.practices.first { $0.practice == practice })
    }

    @Test func perPractice_countsEveryOutcome() throws {
        #expect(stats.practices.map(\.practice) == [
            "evening-reflection", "morning-mindfulness", "sleep-wind-down", "wins", "reach-out", "self-compassion",
        ])
        var morning = PracticeCounts(practice: "morning-mindfulness")
        morning.offered = 2; morning.answered = 1; morning.snoozed = 1; morning.skipped = 1
        #expect(try counts("morning-mindfulness") == morning)
        var evening = PracticeCounts(practice: "evening-reflection")
        evening.offered = 2; evening.answered = 1; evening.expired = 1
        #expect(try counts("evening-reflection") == evening)
        var sleep = PracticeCounts(practice: "sleep-wind-down")
        sleep.offered = 2; sleep.missed = 1; sleep.suppressed = 1
        #expect(try counts("sleep-wind-down") == sleep)
        var wins = PracticeCounts(practice: "wins")
        wins.offered = 2; wins.answered = 1; wins.undelivered = 1
        #expect(try counts("wins") == wins)
        var reachOut = PracticeCounts(practice: "reach-out")
        reachOut.offered = 1; reachOut.waiting = 1
        #expect(try counts("reach-out") == reachOut)
        var compassion = PracticeCounts(practice: "self-compassion")
        compassion.offered = 1; compassion.answered = 1
        #expect(try counts("self-compassion") == compassion)

        var total = PracticeCounts(practice: "all")
        total.offered = 10; total.answered = 4; total.snoozed = 1; total.skipped = 1; total.expired = 1
        total.missed = 1; total.suppressed = 1; total.undelivered = 1; total.waiting = 1
        #expect(stats.total == total)
    }

    @Test func answerRate_byLocalHourAndWeekday_countsOnlyShownPrompts() {
        var hours = Array(repeating: RateBucket(), count: 24)
        hours[7] = RateBucket(answered: 1, shown: 2)    // Monday answered, Tuesday let pass
        hours[13] = RateBucket(answered: 1, shown: 1)   // self-compassion
        hours[19] = RateBucket(answered: 1, shown: 1)   // Monday's win (Tuesday's was never shown)
        hours[21] = RateBucket(answered: 1, shown: 2)   // Tuesday's expired
        #expect(stats.byHour == hours)
        var weekdays = Array(repeating: RateBucket(), count: 7)
        weekdays[0] = RateBucket(answered: 3, shown: 3)
        weekdays[1] = RateBucket(answered: 1, shown: 3)
        #expect(stats.byWeekday == weekdays)
        #expect(stats.byHour[7].rate == 0.5)
        #expect(stats.byHour[3].rate == nil)
    }

    @Test func choices_areCountedPerPractice() {
        #expect(stats.choices == [ChoiceCounts(practice: "morning-mindfulness",
                                               counts: [CountItem(key: "box", count: 1), CountItem(key: "not-now", count: 1)])])
    }

    @Test func beforeAfter_meanOnlyWithFivePairs_andCountsEachDirection() throws {
        #expect(stats.techniques.map(\.technique) == ["box", "trigger-journal", "pause", "thought-record"])
        let box = stats.techniques[0]
        #expect(box.measure == "intensity")
        #expect(box.count == 5)
        #expect(box.meanBefore == 6)
        #expect(try #require(box.meanAfter) == 4.2)
        #expect(abs(try #require(box.meanChange) - -1.8) < 1e-9)
        #expect((box.eased, box.unchanged, box.rose) == (3, 1, 1))
        #expect((box.scaleLow, box.scaleHigh) == (1, 10))

        let trigger = stats.techniques[1]
        #expect(trigger.measure == "intensity")
        #expect(trigger.count == 2)
        #expect(trigger.meanBefore == nil && trigger.meanAfter == nil && !trigger.hasEnoughData)
        #expect((trigger.eased, trigger.unchanged, trigger.rose) == (1, 1, 0))

        let pause = stats.techniques[2]
        #expect((pause.measure, pause.count, pause.eased) == ("urge", 1, 1))
        let thought = stats.techniques[3]
        #expect((thought.measure, thought.count, thought.scaleLow, thought.scaleHigh) == ("belief", 1, 0, 100))
    }

    @Test func triggers_byKindPartOfDayAndWeekdayHour() {
        let triggers = stats.triggers
        #expect(triggers.count == 3)
        #expect(triggers.byKind == [CountItem(key: "distance", count: 1), CountItem(key: "unspecified", count: 1),
                                    CountItem(key: "work", count: 1)])
        #expect(triggers.byPartOfDay == [0, 1, 0, 2])
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        grid[0][8] = 1; grid[0][20] = 1; grid[1][23] = 1
        #expect(triggers.byWeekdayHour == grid)
        #expect(triggers.meanIntensity == 7)
    }

    @Test func assessments_scoreEachAreaInOrder() throws {
        #expect(stats.assessments.count == 2)
        #expect(stats.assessments.map(\.date) == [JournalFixture.at(0, 10), JournalFixture.at(1, 10)])
        let first = stats.assessments[0].areas
        #expect(first.map(\.id) == Assessment.areas.map(\.id))
        for area in first {
            #expect(area.score == (area.direction == "pattern" ? 4 : 2), "\(area.id)")
        }
        #expect(stats.assessments[1].areas.allSatisfy { $0.score == 3 })
    }

    @Test func entriesWinsAndDays() {
        #expect(stats.entries == [
            CountItem(key: "calming", count: 6), CountItem(key: "trigger-journal", count: 3),
            CountItem(key: "self-assessment", count: 2), CountItem(key: "trigger-journal-follow-up", count: 2),
            CountItem(key: "pause", count: 1), CountItem(key: "thought-record", count: 1), CountItem(key: "win", count: 1),
        ])
        #expect(stats.wins == 2)
        #expect(stats.firstDay == CivilDay(year: 2025, month: 1, day: 6))
        #expect(stats.lastDay == CivilDay(year: 2025, month: 1, day: 7))
    }

    @Test func window_leavesOutWhatIsBeforeSince() throws {
        let tuesday = try InsightsLoader(window: DateWindow(since: JournalFixture.tuesday), timeZone: JournalFixture.timeZone)
            .stats(from: fixture.journal)
        #expect(tuesday.total.offered == 6)
        #expect(tuesday.total.answered == 1)
        #expect(tuesday.triggers.count == 1)
        #expect(tuesday.assessments.count == 1)
        #expect(tuesday.techniques.first { $0.technique == "trigger-journal" } == nil)
        #expect(tuesday.firstDay == CivilDay(year: 2025, month: 1, day: 7))
    }

    @Test func reportData_readsWinsOnlyWithText() throws {
        let loader = InsightsLoader(window: .all, timeZone: JournalFixture.timeZone)
        let withoutText = try loader.report(from: fixture.journal, includeText: false)
        #expect(withoutText.wins.map(\.date) == [JournalFixture.at(0, 19), JournalFixture.at(1, 12)])
        #expect(withoutText.wins.allSatisfy { $0.text == nil })
        #expect(withoutText.triggerIntensity.map(\.value) == [8, 6, 7])
        #expect(withoutText.ratings.map(\.practice) == ["evening-reflection"])
        #expect(withoutText.ratings.first?.values.map(\.value) == [4])
        let withText = try loader.report(from: fixture.journal, includeText: true)
        #expect(withText.wins.map(\.text) == [JournalFixture.Private.winAnswer, JournalFixture.Private.winEntry])
    }

    // MARK: - Text

    @Test func text_leadsWithWhatHelps_andKeepsTheCountsForLast() throws {
        let text = StatsText(stats: stats, names: ["morning-mindfulness": "Morning mindfulness"], timeZone: JournalFixture.timeZone).render()
        #expect(text.hasPrefix("What has helped you, from 6 Jan 2025 to 7 Jan 2025\n\nWhat eases things for you"))
        #expect(text.contains("""
              Box breathing (intensity, 1–10)                6 → 4.2: eased by 1.8 on average, over 5 times
                                                             eased 3 · same 1 · higher 1
              Time after a trigger (intensity, 1–10)         rated 2 times so far; an average says more after 5
              A pause before acting (urge, 1–10)             rated once so far; an average says more after 5
            """))
        #expect(text.contains("How triggers felt: 3 trigger entries, intensity 7 on average (1–10)"))
        #expect(text.contains("Wins and things that went well\n  Wins noted: 2\n"))
        #expect(text.contains("Times that suit you\n  You answer most often around 07:00, 13:00 and 19:00.\n  Mondays and Tuesdays have suited you best so far.\n"))
        #expect(text.contains("Self-assessment, 2 times (Jan 2025); scores 1–5"))
        #expect(text.contains("Emotional responses         ▆▅  4 → 3  · shows up less than last time"))
        #expect(text.contains("Security and trust          ▃▅  2 → 3  · a little harder to reach than last time"))

        // The counts come last, after everything that helps, in neutral words.
        let counts = try #require(text.range(of: StatsText.countsHeading))
        for earlier in ["What eases things", "How triggers felt", "Wins and things", "Times that suit you", "Self-assessment"] {
            #expect(try #require(text.range(of: earlier)).lowerBound < counts.lowerBound, "\(earlier)")
        }
        #expect(text.contains("    Morning mindfulness       2        1     1        1          0          0         0         0       0"))
        #expect(text.contains("    all                      10        4     1        1          1          1         1         1       1"))
        #expect(text.contains("    07:00 2 · 1   13:00 1 · 1   19:00 1 · 1   21:00 2 · 1\n"))
        #expect(text.contains("    Mon 3 · 3   Tue 3 · 1\n"))
        #expect(text.range(of: #"\d+ of \d+"#, options: .regularExpression) == nil, "'3 of 12' reads like a grade")
        for scoreLike in ["expired", "missed", "offered"] {
            #expect(!text.contains(scoreLike), "\(scoreLike) reads like a score")
        }
        #expect(ToneCheck.problems(in: text).isEmpty, "\(ToneCheck.problems(in: text))")
    }

    @Test func timesThatSuit_needAFewAnswers_andNeverShowGaps() {
        var few = stats
        few.byHour = Array(repeating: RateBucket(), count: 24)
        few.byHour[7] = RateBucket(answered: 2, shown: 9)
        let text = StatsText(stats: few, timeZone: JournalFixture.timeZone).render()
        #expect(!text.contains("Times that suit you"), "two answers say little yet")
    }

    @Test func text_forAnEmptyJournal_saysSoGently() throws {
        let empty = try JournalFixture(empty: ())
        let stats = try InsightsLoader(window: .all).stats(from: empty.journal)
        #expect(stats.isEmpty)
        let text = StatsText(stats: stats).render()
        #expect(text == "What has helped you, so far\n\nNothing is recorded in this stretch yet. Once steady has asked a few times, or you have\nlogged something, this shows how it went.\n")
    }

    @Test func json_roundTripsEveryFigure() throws {
        let data = try JSONEncoder().encode(stats)
        #expect(try JSONDecoder().decode(JournalStats.self, from: data) == stats)
    }
}

/// Wording that shames, hurries or keeps score; the insights must never use it.
enum ToneCheck {
    static let forbidden = ["streak", "fail", "failed", "failure", "you forgot", "you missed", "missed it", "don't forget",
                            "hurry", "urgent", "lazy", "behind", "disappointed", "score card", "grade", "only managed"]

    static func problems(in text: String) -> [String] {
        var problems = forbidden.filter { text.range(of: "\\b\($0)\\b", options: [.regularExpression, .caseInsensitive]) != nil }
        if text.contains("!") { problems.append("an exclamation mark") }
        return problems
    }
}
