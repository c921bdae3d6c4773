import Foundation
import SteadyJournal
import SteadyKit
import SteadyTestSupport

/// A small journal built by hand through `Journal`'s own API, with every figure known.
///
/// Two days in Berlin (UTC+1 in January): Monday 6 and Tuesday 7 January 2025.
/// See `StatsTests` for the figures it must produce.
struct JournalFixture {
    static let timeZone = TimeZone(identifier: "Europe/Berlin")!
    /// Monday 2025-01-06 00:00 in Berlin.
    static let monday = Date(timeIntervalSince1970: 1_736_118_000)
    static let tuesday = monday.addingTimeInterval(86_400)

    /// Person-written text and personal details, to check they stay out of reports.
    enum Private {
        static let winAnswer = "PRIVATE-WIN-ANSWER and, \"quoted\"\nwith a line break 🌱"
        static let winEntry = "PRIVATE-WIN-ENTRY kept by hand"
        static let note = "PRIVATE-NOTE, felt \"okay\"\r\nthen better"
        static let compassion = "PRIVATE-COMPASSION be kind"
        static let triggerText = "PRIVATE-TRIGGER late reply, again"
        static let thought = "PRIVATE-THOUGHT they are pulling away"
        static let personName = "PRIVATE-PERSON Sam 07700 900123"
        static let allButWins = [note, compassion, triggerText, thought, personName]
    }

    let directory = TemporaryDirectory(prefix: "steady-insights")
    let journal: Journal

    /// `day` 0 (Monday) or 1 (Tuesday), at local `hour`:`minute`.
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        monday.addingTimeInterval(Double(day * 86_400 + hour * 3600 + minute * 60))
    }

    static let choices = PromptContent(
        title: "A few slow breaths?", body: "Box breathing, if you like.",
        request: .choices(["box", "4-7-8", "coherent", "grounding", "not-now"].map { Choice(key: $0, label: $0 == "box" ? "Did box breathing" : $0) }))
    static let scale = PromptContent(title: "Looking back", body: "How settled was today?",
                                     request: .scale(Scale(1...5, low: "unsettled", high: "settled")))
    static let text = PromptContent(title: "One small win?", body: "Anything counts.", request: .text(placeholder: "A win"))
    static let named = PromptContent(title: "Reach out?", body: "Maybe write to \(Private.personName).",
                                     request: .choices([Choice(key: "reached-out", label: "Reached out")]))

    /// An empty journal.
    init(empty: Void) throws {
        journal = try Journal(path: directory.path + "/data/steady/journal.sqlite")
    }

    /// The two-day journal.
    init() throws {
        try self.init(empty: ())
        let j = journal
        func prompt(_ practice: PracticeID, _ slot: Date, _ content: PromptContent) throws -> Int64 {
            try j.recordPrompt(practice: practice, slot: slot, content: content, createdAt: slot, dueAt: slot,
                               expiresAt: slot.addingTimeInterval(7200))!.id
        }
        // Morning mindfulness: Monday answered after one snooze; Tuesday "not now" (skipped).
        let p1 = try prompt("morning-mindfulness", Self.at(0, 7, 30), Self.choices)
        try j.reschedule(p1, dueAt: Self.at(0, 7, 45), expiresAt: Self.at(0, 9, 45), at: Self.at(0, 7, 31), snoozed: true)
        try j.recordAnswer(Answer(promptID: p1, value: .choice("box"), answeredAt: Self.at(0, 7, 50), channel: .notification))
        let p2 = try prompt("morning-mindfulness", Self.at(1, 7, 30), Self.choices)
        try j.recordAnswer(Answer(promptID: p2, value: .choice("not-now"), answeredAt: Self.at(1, 7, 40), channel: .terminal), outcome: .skipped)
        // Evening reflection: Monday 4 with a note; Tuesday expired.
        let p3 = try prompt("evening-reflection", Self.at(0, 21), Self.scale)
        try j.recordAnswer(Answer(promptID: p3, value: .number(4), note: Private.note, answeredAt: Self.at(0, 21, 10), channel: .terminal))
        let p4 = try prompt("evening-reflection", Self.at(1, 21), Self.scale)
        try j.finish(p4, as: .expired, at: Self.at(1, 23))
        // Sleep wind-down: missed, then suppressed.
        let p5 = try prompt("sleep-wind-down", Self.at(0, 22), Self.choices)
        try j.finish(p5, as: .missed, at: Self.at(0, 22, 5))
        let p6 = try prompt("sleep-wind-down", Self.at(1, 22), Self.choices)
        try j.finish(p6, as: .suppressed, at: Self.at(1, 22))
        // Wins: Monday answered with text, Tuesday undelivered.
        let p7 = try prompt("wins", Self.at(0, 19), Self.text)
        try j.recordAnswer(Answer(promptID: p7, value: .text(Private.winAnswer), answeredAt: Self.at(0, 19, 5), channel: .notification))
        let p8 = try prompt("wins", Self.at(1, 19), Self.text)
        try j.finish(p8, as: .undelivered, at: Self.at(1, 21))
        // Reach out: still waiting; its body names a person.
        _ = try prompt("reach-out", Self.at(1, 17, 30), Self.named)
        // Self-compassion text answer: Tuesday 13:00, answered.
        let p10 = try prompt("self-compassion", Self.at(1, 13), Self.text)
        try j.recordAnswer(Answer(promptID: p10, value: .text(Private.compassion), answeredAt: Self.at(1, 13, 2), channel: .terminal))

        // Triggers, two with follow-ups.
        let t1 = try j.recordEntry(FormResponse(formID: "trigger-journal", values: [
            "what-happened": .text(Private.triggerText), "kind": .choice("distance"), "intensity": .number(8),
        ]), at: Self.at(0, 8, 15))
        try j.recordEntry(FormResponse(formID: "trigger-journal-follow-up", values: [
            "settled-after": .choice("half-hour"), "intensity-now": .number(4),
        ]), at: Self.at(0, 9, 30), parentID: t1.id)
        let t2 = try j.recordEntry(FormResponse(formID: "trigger-journal", values: [
            "what-happened": .text("work again"), "kind": .choice("work"), "intensity": .number(6),
        ]), at: Self.at(0, 20, 30))
        try j.recordEntry(FormResponse(formID: "trigger-journal-follow-up", values: [
            "settled-after": .choice("longer"), "intensity-now": .number(6),
        ]), at: Self.at(0, 21, 45), parentID: t2.id)
        try j.recordEntry(FormResponse(formID: "trigger-journal", values: [
            "what-happened": .text("a quiet evening"), "intensity": .number(7),
        ]), at: Self.at(1, 23, 10))
        // Calming: five rated box sessions, one rated only before.
        for (index, (before, after)) in [(6, 3), (7, 4), (5, 5), (8, 4), (4, 5)].enumerated() {
            try j.recordEntry(FormResponse(formID: "calming", values: [
                "technique": .choice("box"), "intensity-before": .number(before), "intensity-after": .number(after),
                "ending": .choice("finished"), "seconds": .number(96),
            ]), at: Self.at(1, 10 + index))
        }
        try j.recordEntry(FormResponse(formID: "calming", values: [
            "technique": .choice("box"), "intensity-before": .number(6), "ending": .choice("stopped-early"), "seconds": .number(20),
        ]), at: Self.at(1, 16))
        // A pause, a thought record, a win added by hand.
        try j.recordEntry(FormResponse(formID: "pause", values: [
            "urge-before": .number(7), "urge-after": .number(3), "planned-seconds": .number(120), "waited-seconds": .number(120),
            "decision": .choice("let-it-pass"),
        ]), at: Self.at(1, 15))
        try j.recordEntry(FormResponse(formID: "thought-record", values: [
            "situation": .text(Private.thought), "thought": .text(Private.thought), "belief-before": .number(80),
            "evidence-for": .text("x"), "evidence-against": .text("y"), "to-a-friend": .text("z"),
            "balanced-view": .text("w"), "belief-after": .number(40),
        ]), at: Self.at(1, 18))
        try j.recordEntry(FormResponse(formID: "win", values: ["win": .text(Private.winEntry)]), at: Self.at(1, 12))
        // Two self-assessments: all 4s on Monday, all 3s on Tuesday.
        for (day, rating) in [(0, 4), (1, 3)] {
            var values: [String: AnswerValue] = [:]
            for statement in Assessment.statements { values[statement.id] = .number(rating) }
            try j.recordEntry(FormResponse(formID: "self-assessment", values: values), at: Self.at(day, 10))
        }
    }
}

extension JournalFixture {
    enum RelationshipPrivate {
        static let request = "PRIVATE-REQUEST call me tonight"
        static let ownFeeling = "PRIVATE-FEELING wistful"
        static let check = "PRIVATE-CHECK no reply since noon"
        static let kit = "PRIVATE-KIT a warm shower"
        static let resentment = "PRIVATE-RESENTMENT extra shifts"
        static let all = [request, ownFeeling, check, kit, resentment]
    }

    /// The two-day journal, plus what the relationship tools and practices write: feeling
    /// words, a request and how it went, a past-or-present check, a kit, a small boundary and
    /// a time alone. See `RelationshipStatsTests`.
    init(withRelationships: Void) throws {
        try self.init()
        let j = journal
        func prompt(_ practice: PracticeID, _ slot: Date, _ content: PromptContent, kind: PromptRecord.Kind = .scheduled,
                    key: String? = nil, parent: Int64? = nil, entry: Int64? = nil) throws -> Int64 {
            try j.recordPrompt(practice: practice, slot: slot, kind: kind, followUpKey: key, parentID: parent, entryID: entry,
                               content: content, createdAt: slot, dueAt: slot, expiresAt: slot.addingTimeInterval(7200))!.id
        }
        func answer(_ id: Int64, _ value: AnswerValue, at date: Date) throws {
            try j.recordAnswer(Answer(promptID: id, value: value, answeredAt: date, channel: .notification))
        }
        let words = PromptContent(title: "A word for tonight", body: "One word?", request: .choices(Feelings.eveningWords))
        // Monday's evening reflection (the fixture's p3, answered 4) gets a feeling word; a trigger
        // and a request name theirs (one of the person's own words).
        try answer(try prompt("evening-reflection", Self.at(0, 21, 10), words, kind: .followUp, key: "feeling", parent: 3), .choice("tired"),
                   at: Self.at(0, 21, 11))
        try j.recordEntry(FormResponse(formID: "trigger-journal", values: [
            "what-happened": .text("a cancelled plan"), "feeling": .choice("anxious"), "intensity": .number(5),
        ]), at: Self.at(1, 8))
        let request = try j.recordEntry(FormResponse(formID: "asking", values: [
            "feeling": .text(RelationshipPrivate.ownFeeling), "kind": .choice("reassurance"), "request": .text(RelationshipPrivate.request),
            "message": .text("I've been feeling wistful lately. " + RelationshipPrivate.request),
        ]), at: Self.at(0, 9))
        let outcomes = PromptContent(title: "How did your request go?", body: "How did it go?", request: .choices(NeedRequest.outcomes))
        let wentWell = try prompt("asking", Self.at(1, 9), outcomes, kind: .followUp, key: "how-it-went", entry: request.id)
        try answer(wentWell, .choice("went-well"), at: Self.at(1, 9, 1))
        let keep = PromptContent(title: "Worth keeping?", body: "Keep it?", request: .choices(NeedRequest.keepChoices))
        try answer(try prompt("asking", Self.at(1, 9, 1), keep, kind: .followUp, key: "keep-as-win", parent: wentWell, entry: request.id),
                   .choice("keep"), at: Self.at(1, 9, 2))
        try j.recordEntry(FormResponse(formID: "asking", values: [
            "feeling": .choice("lonely"), "kind": .choice("time-together"), "request": .text("a walk"), "message": .text("m"),
        ]), at: Self.at(1, 20))
        // A past-or-present check, a kit.
        try j.recordEntry(FormResponse(formID: "reality-check", values: [
            "intensity-before": .number(8), "happening-now": .text(RelationshipPrivate.check), "most-likely": .text("busy"),
            "past-or-present": .choice("mostly-older"), "intensity-after": .number(5),
        ]), at: Self.at(1, 11, 30))
        try j.recordEntry(FormResponse(formID: "soothing-kit", values: ["body": .text(RelationshipPrivate.kit)]), at: Self.at(0, 12))
        // A small boundary said, resentment noted; a time alone from 6 down to 3.
        let invitation = PromptContent(title: "One small no this week?", body: "Something small.", request: .choices([
            Choice(key: "try", label: "I'll try one"), Choice(key: "did", label: "I did one already"),
            Choice(key: "resentment", label: "I noticed resentment"), Choice(key: "not-now", label: "Not this week"),
        ]))
        try answer(try prompt("boundaries", Self.at(0, 18), invitation), .choice("did"), at: Self.at(0, 18, 5))
        let noted = try prompt("boundaries", Self.at(1, 18), invitation)
        try answer(noted, .choice("resentment"), at: Self.at(1, 18, 5))
        try answer(try prompt("boundaries", Self.at(1, 18, 5), PromptContent(title: "Where?", body: "Where?", request: .text(placeholder: "x")),
                              kind: .followUp, key: "resentment-where", parent: noted), .text(RelationshipPrivate.resentment), at: Self.at(1, 18, 6))
        let scale = PromptContent(title: "How anxious?", body: "1 to 10?", request: .scale(.intensity))
        let alone = try prompt("time-alone", Self.at(1, 15), PromptContent(title: "Time alone?", body: "15 minutes.", request: .choices([
            Choice(key: "start-15", label: "Start 15 minutes now"), Choice(key: "not-now", label: "Not today")])))
        try answer(alone, .choice("start-15"), at: Self.at(1, 15, 1))
        try answer(try prompt("time-alone", Self.at(1, 15, 1), scale, kind: .followUp, key: "before", parent: alone), .number(6), at: Self.at(1, 15, 2))
        try answer(try prompt("time-alone", Self.at(1, 15, 16), scale, kind: .followUp, key: "end", parent: alone), .number(3), at: Self.at(1, 15, 20))
    }
}
