import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit
import Testing

@Suite struct HistoryTests {
    let fixture: JournalFixture
    init() throws { fixture = try JournalFixture() }

    func all(_ filter: HistoryFilter = HistoryFilter(), pageSize: Int) throws -> [HistoryRecord] {
        var records: [HistoryRecord] = []
        var cursor: HistoryCursor? = nil
        while true {
            let page = try fixture.journal.historyPage(filter, after: cursor, limit: pageSize)
            records += page
            guard page.count == pageSize, let last = page.last else { return records }
            cursor = last.cursor
        }
    }

    @Test func records_areNewestFirst_promptsAndEntriesTogether() throws {
        let records = try fixture.journal.historyPage(HistoryFilter(), after: nil, limit: 1000)
        #expect(records.count == 10 + 16)
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.time >= $1.time })
        guard case .entry(let newest) = records[0] else { Issue.record("expected the Tuesday 23:10 trigger first"); return }
        #expect(newest.kind == "trigger-journal")
        #expect(newest.createdAt == JournalFixture.at(1, 23, 10))
    }

    @Test func paging_anySize_givesTheSameRecordsOnce() throws {
        let whole = try fixture.journal.historyPage(HistoryFilter(), after: nil, limit: 1000)
        for size in [1, 2, 3, 7, 26, 27, 28] {
            #expect(try all(pageSize: size) == whole, "page size \(size)")
        }
    }

    @Test func paging_keepsTiesInOrder() throws {
        // Three entries and a prompt at the same second.
        let tie = JournalFixture.at(1, 12, 30)
        _ = try fixture.journal.recordPrompt(practice: "wins", slot: tie, content: JournalFixture.text, createdAt: tie, dueAt: tie,
                                             expiresAt: tie.addingTimeInterval(60))
        for n in 0..<3 { try fixture.journal.recordEntry(FormResponse(formID: "win", values: ["win": .text("tie \(n)")]), at: tie) }
        let whole = try fixture.journal.historyPage(HistoryFilter(), after: nil, limit: 1000)
        let atTie = whole.filter { $0.time == tie }.map(\.cursor)
        #expect(atTie.map(\.isPrompt) == [true, false, false, false])
        #expect(atTie.dropFirst().map(\.id) == atTie.dropFirst().map(\.id).sorted(by: >))
        for size in [1, 2, 3] { #expect(try all(pageSize: size) == whole) }
    }

    @Test func practiceFilter_takesPracticesAndEntryKinds() throws {
        let evening = try all(HistoryFilter(practices: ["evening-reflection"]), pageSize: 50)
        #expect(evening.count == 2)
        let triggers = try all(HistoryFilter(practices: ["trigger-journal", "wins"]), pageSize: 2)
        #expect(triggers.count == 5)
        #expect(triggers.allSatisfy {
            switch $0 {
            case .prompt(let item): item.prompt.practice == "wins"
            case .entry(let entry): entry.kind == "trigger-journal"
            }
        })
    }

    @Test func outcomeFilter_leavesOutEntries() throws {
        let records = try all(HistoryFilter(outcomes: [.answered, .expired]), pageSize: 2)
        let ids = records.compactMap { record -> Int64? in if case .prompt(let item) = record { item.prompt.id } else { nil } }
        #expect(ids.count == records.count)
        #expect(records.count == 5)
    }

    @Test func window_isHalfOpen() throws {
        let monday = try all(HistoryFilter(since: JournalFixture.monday, until: JournalFixture.tuesday), pageSize: 4)
        #expect(monday.count == 4 + 5)  // four prompts; four trigger entries and follow-ups, and the assessment
        #expect(monday.allSatisfy { $0.time >= JournalFixture.monday && $0.time < JournalFixture.tuesday })
    }

    @Test func recordedKinds_listsPracticesAndEntryKinds() throws {
        #expect(try fixture.journal.recordedKinds() == [
            "calming", "evening-reflection", "morning-mindfulness", "pause", "reach-out", "self-assessment", "self-compassion",
            "sleep-wind-down", "thought-record", "trigger-journal", "trigger-journal-follow-up", "win", "wins",
        ])
    }

    /// What the executable hands `HistoryText` for the fixture's keys: practices' names, the
    /// trigger journal's forms, morning mindfulness's choices.
    static var labels: StoredKeyLabels {
        var labels = StoredKeyLabels(choices: ["morning-mindfulness": ["box": "Did box breathing", "not-now": "Not now"]])
        labels.add([TriggerJournal.form, TriggerJournal.followUpForm])
        return labels
    }
    static let names = ["evening-reflection": "Evening reflection", "morning-mindfulness": "Morning mindfulness"]

    @Test func text_oneLinePerRecord() throws {
        let records = try all(pageSize: 100)
        var clock = LocalClock(timeZone: JournalFixture.timeZone)
        let text = HistoryText(names: Self.names, labels: Self.labels)
        let lines = records.map { text.line($0, clock: &clock) }
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        #expect(lines.contains("2025-01-06 21:00  #3  Evening reflection    answered: 4 of 5 — PRIVATE-NOTE, felt \"okay\" ⏎ then better"))
        #expect(lines.contains("2025-01-06 07:30  #1  Morning mindfulness   answered: Did box breathing (snoozed once)"))
        #expect(lines.contains("2025-01-07 07:30  #2  Morning mindfulness   skipped: Not now"))
        #expect(lines.contains(
            "2025-01-06 09:30  e2  Looking back at earlier  logged: How long did it take to settle? Within half an hour · How strong is it now, from 1 to 10? 4 (follows e1)"))
        // What the person typed stays as they typed it; a choice is its label.
        #expect(lines.contains("2025-01-06 08:15  e1  Trigger journal       logged: What happened? PRIVATE-TRIGGER late reply, again · "
            + "What kind of moment was it? Someone close seemed distant · How strong was it, from 1 to 10? 8"))
    }

    /// A practice, entry kind, field or choice nothing knows (an external practice since
    /// removed, a tool's form from a later version) is shown as stored.
    @Test func text_keysNothingKnows_areShownAsStored() throws {
        let records = try all(pageSize: 100)
        var clock = LocalClock(timeZone: JournalFixture.timeZone)
        let lines = records.map { HistoryText().line($0, clock: &clock) }
        #expect(lines.contains("2025-01-06 07:30  #1  morning-mindfulness   answered: Did box breathing (snoozed once)"))
        #expect(lines.contains("2025-01-06 09:30  e2  trigger-journal-follow-up  logged: intensity-now 4 · settled-after half-hour (follows e1)"))

        var partly = StoredKeyLabels()
        partly.entryFields["trigger-journal-follow-up"] = [StoredKeyLabels.Field(key: "intensity-now", label: "How strong now?")]
        let known = HistoryText(labels: partly)
        clock = LocalClock(timeZone: JournalFixture.timeZone)
        #expect(records.map { known.line($0, clock: &clock) }
            .contains("2025-01-06 09:30  e2  trigger-journal-follow-up  logged: How strong now? 4 · settled-after half-hour (follows e1)"))
    }
}
