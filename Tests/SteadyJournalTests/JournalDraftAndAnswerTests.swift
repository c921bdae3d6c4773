import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing

/// Drafts kept on Ctrl-C, and what the engine reads back about a practice's earlier answers.
@Suite struct JournalDraftAndAnswerTests {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/journal.sqlite" }
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func draft_isKeptPerForm_replacedByANewerOne_andDiscarded() throws {
        let journal = try Journal(path: path)
        #expect(try journal.draft(form: "thought-record") == nil)
        try journal.saveDraft(FormResponse(formID: "thought-record", values: ["situation": .text("at my desk")]), at: t0)
        try journal.saveDraft(FormResponse(formID: "thought-record", values: ["situation": .text("on the bus"), "thought": .text("x")]),
                              at: t0 + 60)
        try journal.saveDraft(FormResponse(formID: "trigger-journal", values: ["what-happened": .text("a late reply")]), at: t0)
        let draft = try #require(try Journal(path: path).draft(form: "thought-record"))
        #expect(draft.response.values == ["situation": .text("on the bus"), "thought": .text("x")])
        #expect(draft.savedAt == t0 + 60)
        #expect(try journal.discardDraft(form: "thought-record"))
        #expect(try journal.draft(form: "thought-record") == nil)
        #expect(try !journal.discardDraft(form: "thought-record"), "nothing left to discard")
        #expect(try journal.draft(form: "trigger-journal") != nil, "other forms keep theirs")
        #expect(try journal.entries().isEmpty, "a draft is not an entry")
    }

    private func answered(_ journal: Journal, _ practice: PracticeID, slot: Date, key: String? = nil, parent: Int64? = nil,
                          _ value: AnswerValue, kind: PromptRecord.Kind = .scheduled, outcome: Outcome = .answered) throws -> Int64 {
        let content = PromptContent(title: "T", body: "B", request: .scale(.intensity))
        let prompt = try #require(try journal.recordPrompt(practice: practice, slot: slot, kind: kind, followUpKey: key, parentID: parent,
                                                           content: content, createdAt: slot, dueAt: slot, expiresAt: slot + 3600))
        try journal.recordAnswer(Answer(promptID: prompt.id, value: value, answeredAt: slot + 5, channel: .notification), outcome: outcome)
        return prompt.id
    }

    @Test func previousOccasion_isTheLastAnsweredScheduledPrompt_withItsFollowUps() throws {
        let journal = try Journal(path: path)
        #expect(try journal.previousOccasionAnswers(of: "time-alone", before: t0 + 86_400).isEmpty)
        let first = try answered(journal, "time-alone", slot: t0, .choice("start-15"))
        _ = try answered(journal, "time-alone", slot: t0 + 10, key: "before", parent: first, .number(6), kind: .followUp)
        _ = try answered(journal, "time-alone", slot: t0 + 900, key: "end", parent: first, .number(3), kind: .followUp)
        // A week later it was let pass: that does not count as the last time.
        _ = try answered(journal, "time-alone", slot: t0 + 7 * 86_400, .choice("not-now"), outcome: .skipped)
        let previous = try journal.previousOccasionAnswers(of: "time-alone", before: t0 + 14 * 86_400)
        #expect(previous == ["": .choice("start-15"), "before": .number(6), "end": .number(3)])
        #expect(try journal.previousOccasionAnswers(of: "time-alone", before: t0).isEmpty, "only before the slot")
        #expect(try journal.previousOccasionAnswers(of: "wins", before: t0 + 14 * 86_400).isEmpty)
    }

    @Test func recentScheduledNumbers_areTheEveningRatings_newestFirst_withoutFollowUps() throws {
        let journal = try Journal(path: path)
        for (day, rating) in [(0, 4), (1, 2), (2, 1)] {
            let id = try answered(journal, "evening-reflection", slot: t0 + Double(day) * 86_400, .number(rating))
            _ = try answered(journal, "evening-reflection", slot: t0 + Double(day) * 86_400 + 10, key: "feeling", parent: id,
                             .choice("tired"), kind: .followUp)
        }
        #expect(try journal.recentScheduledNumbers(of: "evening-reflection", limit: 5) == [1, 2, 4])
        #expect(try journal.recentScheduledNumbers(of: "evening-reflection", limit: 2) == [1, 2])
    }

    @Test func updateContent_changesTheWordsOfAPendingPromptOnly() throws {
        let journal = try Journal(path: path)
        let content = PromptContent(title: "Looking back", body: "Earlier you noted a hard moment.", request: .done)
        let pending = try #require(try journal.recordPrompt(practice: "trigger-journal", slot: t0, content: content, createdAt: t0,
                                                            dueAt: t0, expiresAt: t0 + 60))
        try journal.updateContent(of: pending.id, to: PromptContent(title: "Looking back", body: "Last night you noted a hard moment.",
                                                                   request: .done))
        #expect(try journal.prompt(pending.id)?.content.body == "Last night you noted a hard moment.")
        _ = try journal.finish(pending.id, as: .expired, at: t0 + 61)
        try journal.updateContent(of: pending.id, to: content)
        #expect(try journal.prompt(pending.id)?.content.body == "Last night you noted a hard moment.", "an ended prompt keeps its words")
    }
}
