import Foundation
import SteadyInsights
import SteadyJournal
import SteadyKit

/// Writes a large, realistic-looking journal through `JournalBulkWriter`, for benchmarks.
///
/// The journal makes the schema and writes the rows in the shapes steady writes: prompts with
/// the practices' answer requests, answers of the right kinds, entries, and the events that
/// go with them, in batched transactions.
struct JournalGenerator {
    let path: String
    let rows: Int
    let years: Double
    let seed: UInt64
    let timeZone: TimeZone

    struct Counts {
        var prompts = 0, answers = 0, entries = 0, events = 0
        var firstDay = "", lastDay = ""
        var rows: Int { prompts + answers + entries }
    }

    func run() throws -> Counts {
        var state = State(seed: seed, timeZone: timeZone, rows: rows, years: years)
        try JournalBulkWriter.fill(newJournalAt: path) { writer in
            while !state.done {
                for _ in 0..<30 where !state.done { try state.generateDay(into: writer) }
                try writer.commit()
            }
        }
        // Open it once the way steady does: SQLite settles the file's header and size on the
        // first WAL open, which would otherwise land on the first timed command.
        let journal = try Journal(path: path, create: false)
        _ = try journal.historyPage(HistoryFilter(), limit: 1)
        return state.counts
    }
}

/// SplitMix64: small, fast and good enough for made-up data.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One practice as the generator fires it.
private struct GeneratedPractice {
    let id: String
    let title: String
    let body: String
    let request: AnswerRequest
    var content: PromptContent { PromptContent(title: title, body: body, request: request) }

    init(_ id: String, _ title: String, _ body: String, _ request: AnswerRequest) {
        self.id = id
        self.title = title
        self.body = body
        self.request = request
    }
}

private struct State {
    var rng: SplitMix64
    var clock: LocalClock
    let firstDay: Int
    let lastDay: Int
    /// How many times a typical day's sampled check-ins and entries each day has.
    let density: Double
    var day: Int
    var counts = JournalGenerator.Counts()
    let now: Double

    /// Runs to the last day: the density is set so the rows come out close to the target, and
    /// the most recent weeks (what the default windows read) are always filled.
    var done: Bool { day > lastDay }

    init(seed: UInt64, timeZone: TimeZone, rows: Int, years: Double) {
        rng = SplitMix64(state: seed)
        clock = LocalClock(timeZone: timeZone)
        now = Date().timeIntervalSince1970
        lastDay = clock.day(now) - 1
        firstDay = lastDay - Int(years * 365.25) + 1
        // About 6.6 rows a day come from the scheduled practices; each unit of density adds
        // about 5.5 (two sampled check-ins with their answers, and the entries), as measured
        // on a ten-year, million-row run.
        let perDay = Double(rows) / Double(lastDay - firstDay + 1)
        density = max(0.05, (perDay - 6.6) / 5.48)
        day = firstDay
        counts.firstDay = CivilDay(dayNumber: firstDay).iso
    }

    // MARK: - Content

    static let morning = GeneratedPractice("morning-mindfulness", "A few slow breaths?", "Box breathing: trace a square with your breath. A few rounds are plenty.",
        .choices(["box", "4-7-8", "coherent", "grounding", "not-now"].map { Choice(key: $0, label: $0) }))
    static let evening = GeneratedPractice("evening-reflection", "Looking back on today", "What went well today? And how settled did the day feel, from 1 to 5?",
        .scale(Scale(1...5, low: "unsettled", high: "settled")))
    static let sleep = GeneratedPractice("sleep-wind-down", "Ready to wind down?", "You had 22:30 in mind for bed. Screens down, lights low.",
        .choices([Choice(key: "heading-to-bed", label: "Heading to bed"), Choice(key: "15-more-minutes", label: "15 more minutes")]))
    static let reachOut = GeneratedPractice("reach-out", "Someone to reach out to?", "A short message to someone you trust counts.",
        .choices([Choice(key: "reached-out", label: "Reached out"), Choice(key: "planned", label: "Later"), Choice(key: "not-now", label: "Not now")]))
    static let compassion = GeneratedPractice("self-compassion", "A kind word", "What would you tell a friend in your place today?", .text(placeholder: "A few kind words"))
    static let wins = GeneratedPractice("wins", "One small win?", "Something that went well, or didn't fit an old fear.", .text(placeholder: "A small success"))
    static let assessment = GeneratedPractice("self-assessment", "Monthly check-in", "A short questionnaire, about ten minutes.",
        .choices([Choice(key: "done", label: "Done it"), Choice(key: "tomorrow", label: "Tomorrow"), Choice(key: "not-now", label: "Not this month")]))
    static let mood = GeneratedPractice("mood-check", "How are you right now?", "How settled do you feel, from 1 to 5?",
        .scale(Scale(1...5, low: "unsettled", high: "settled")))

    /// Text a person might write, some of it hard on CSV and JSON writers.
    static let texts = [
        "Answered a message without rereading it five times.",
        "Said \"I need a minute\", and took it.",
        "They were late, and it was about traffic, not me.",
        "Walked, called Sam, felt better — slowly",
        "Two lines:\nfirst the worry,\nthen the facts.",
        "Commas, commas, and \"quotes\", all in one",
        "Felt steady 🌱 today 💛",
        "Windows line end\r\nsecond line",
        "Tab\tseparated\tthoughts",
        "=SUM(1,2) is not a formula here",
        "Backslash \\ and slash / and 'single quotes'",
        "Ünïcödé: café, naïve, 東京, ✓",
        " leading and trailing spaces ",
    ]

    // MARK: - Days

    mutating func generateDay(into s: JournalBulkWriter) throws {
        let start = clock.startOfDay(day).timeIntervalSince1970
        let weekday = LocalClock.weekday(ofDay: day)
        let civil = CivilDay(dayNumber: day)
        let progress = Double(day - firstDay) / Double(max(1, lastDay - firstDay))  // 0 → 1 over the years
        // Two weeks away each summer: prompts are missed, nothing is logged.
        let away = civil.month == 8 && civil.day <= 14

        var slots: [(Double, GeneratedPractice)] = []
        slots.append((start + (weekday < 5 ? 7.5 : 9) * 3600, Self.morning))
        slots.append((start + 21 * 3600, Self.evening))
        slots.append((start + 22 * 3600, Self.sleep))
        if weekday == 2 || weekday == 6 { slots.append((start + 17.5 * 3600, Self.reachOut)) }
        if weekday == 1 || weekday == 4 { slots.append((start + 13 * 3600, Self.compassion)) }
        if weekday == 0 || weekday == 3 { slots.append((start + 19 * 3600, Self.wins)) }
        if weekday == 5 && civil.day <= 7 { slots.append((start + 10 * 3600, Self.assessment)) }
        // Sampled check-ins at distinct minutes between 08:00 and 22:00.
        var minutes = Set<Int>()
        let sampled = count(2 * density)
        while minutes.count < min(sampled, 800) { minutes.insert(8 * 60 + Int.random(in: 0..<840, using: &rng)) }
        for minute in minutes { slots.append((start + Double(minute * 60) + 7, Self.mood)) }
        slots.sort { $0.0 < $1.0 }
        for (slot, practice) in slots {
            try prompt(practice, slot: slot, weekday: weekday, progress: progress, away: away, into: s)
        }
        if !away {
            for _ in 0..<count(0.8 * density) { try trigger(start: start, weekday: weekday, progress: progress, into: s) }
            for _ in 0..<count(0.5 * density) { try calming(start: start, progress: progress, into: s) }
            for _ in 0..<count(0.3 * density) { try pause(start: start, into: s) }
            for _ in 0..<count(0.1 * density) { try thoughtRecord(start: start, into: s) }
            for _ in 0..<count(0.05 * density) {
                try entry(["win": .text(text())], kind: "win", at: start + hours(9, 22), into: s)
            }
            for _ in 0..<count(0.04 * density) { try request(start: start, into: s) }
            for _ in 0..<count(0.05 * density) { try realityCheck(start: start, progress: progress, into: s) }
            if weekday == 5 && civil.day <= 7 { try selfAssessment(at: start + 10.2 * 3600, progress: progress, into: s) }
        }
        counts.lastDay = civil.iso
        day += 1
    }

    /// A whole number with `mean` as its average: the integer part, plus one with the fraction's chance.
    mutating func count(_ mean: Double) -> Int {
        Int(mean) + (Double.random(in: 0..<1, using: &rng) < mean - mean.rounded(.down) ? 1 : 0)
    }

    mutating func hours(_ from: Double, _ to: Double) -> Double {
        Double.random(in: from..<to, using: &rng) * 3600
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func text() -> String { Self.texts[Int.random(in: 0..<Self.texts.count, using: &rng)] }

    mutating func pick<T>(_ weighted: [(T, Double)]) -> T {
        var r = Double.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &rng)
        for (value, weight) in weighted {
            r -= weight
            if r < 0 { return value }
        }
        return weighted[weighted.count - 1].0
    }

    // MARK: - Prompts

    mutating func prompt(_ practice: GeneratedPractice, slot: Double, weekday: Int, progress: Double, away: Bool,
                         into s: JournalBulkWriter) throws {
        let hour = clock.hour(slot)
        var answerRate = 0.66 + 0.12 * progress
        if hour < 9 && weekday < 5 { answerRate -= 0.18 }
        if hour >= 19 { answerRate += 0.08 }
        if weekday >= 5 { answerRate += 0.05 }
        var outcome: Outcome
        if away { outcome = .missed }
        else if chance(0.03) { outcome = .missed }
        else if chance(0.03) { outcome = .suppressed }
        else if chance(0.005) { outcome = .undelivered }
        else if chance(answerRate) { outcome = .answered }
        else if chance(0.2) { outcome = .skipped }
        else { outcome = .expired }
        let snoozes = outcome == .answered || outcome == .expired ? (chance(0.08) ? (chance(0.3) ? 2 : 1) : 0) : 0
        let due = slot + Double(snoozes) * 900
        let expires = due + 7200
        let delivered: Double? = outcome == .missed || outcome == .suppressed || outcome == .undelivered ? nil : due
        var ended: Double? = switch outcome {
        case .answered, .skipped: due + Double.random(in: 20..<2400, using: &rng)
        case .expired, .undelivered: expires
        default: slot
        }
        if slot > now - 7200 && outcome != .missed && outcome != .suppressed { outcome = .pending; ended = nil }

        // The answer, and what it means for the outcome.
        var answer: (value: AnswerValue, note: String?)? = nil
        if outcome == .answered {
            switch practice.request {
            case .choices(let choices):
                var key = choices[0].key
                if practice.id == Self.morning.id {
                    key = pick([("box", 40), ("4-7-8", 20), ("coherent", 14), ("grounding", 14), ("not-now", 12)])
                } else if practice.id == Self.reachOut.id {
                    key = pick([("reached-out", 50), ("planned", 30), ("not-now", 20)])
                } else if practice.id == Self.assessment.id {
                    key = pick([("done", 80), ("not-now", 20)])
                }
                if key == "not-now" { outcome = .skipped }
                answer = (.choice(key), nil)
            case .scale(let scale):
                let mean = 2.6 + 1.4 * progress + (weekday >= 5 ? 0.3 : 0)
                let value = min(scale.range.upperBound, max(scale.range.lowerBound, Int((mean + Double.random(in: -1.5...1.5, using: &rng)).rounded())))
                answer = (.number(value), practice.id == Self.evening.id && chance(0.15) ? text() : nil)
            case .text:
                answer = (.text(text()), nil)
            case .done:
                answer = (.done, nil)
            }
        }

        let id = try s.scheduledPrompt(practice: practice.id, slot: slot, content: practice.content, dueAt: due, expiresAt: expires,
                                       deliveredAt: delivered, snoozes: snoozes, outcome: outcome, endedAt: ended)
        counts.prompts += 1
        try event(slot, "created", id, practice.id, nil, into: s)
        if let delivered { try event(delivered, "delivered", id, nil, "notification", into: s) }
        for n in 0..<snoozes { try event(slot + Double(n + 1) * 600, "snoozed", id, nil, nil, into: s) }
        if let answer, let ended {
            try s.answer(promptID: id, value: answer.value, note: answer.note, at: ended,
                         channel: chance(0.8) ? .notification : .terminal)
            counts.answers += 1
        }
        if outcome != .pending, let ended {
            try event(ended, outcome.rawValue, id, practice.id, nil, into: s)
        }
    }

    mutating func event(_ at: Double, _ kind: String, _ promptID: Int64?, _ practice: String?, _ detail: String?,
                        into s: JournalBulkWriter) throws {
        try s.event(at: at, kind: kind, promptID: promptID, practice: practice, detail: detail)
        counts.events += 1
    }

    // MARK: - Entries

    @discardableResult
    mutating func entry(_ values: [String: AnswerValue], kind: String, at time: Double, parent: Int64? = nil,
                        into s: JournalBulkWriter) throws -> Int64 {
        let id = try s.entry(values, kind: kind, at: time, parentID: parent)
        counts.entries += 1
        try event(time, "entry", nil, nil, kind, into: s)
        return id
    }

    mutating func intensity(_ mean: Double, spread: Double = 2) -> Int {
        min(10, max(1, Int((mean + Double.random(in: -spread...spread, using: &rng)).rounded())))
    }

    mutating func trigger(start: Double, weekday: Int, progress: Double, into s: JournalBulkWriter) throws {
        // Evenings and Sunday nights are busier; so are mornings before work.
        let hour = pick([(7.0, 6), (8.5, 8), (12.5, 6), (15, 4), (18, 6), (20, 10), (21.5, 12), (23, 6), (1, 2)])
            + Double.random(in: 0..<1, using: &rng)
        let time = start + hour * 3600 + (weekday == 6 && chance(0.3) ? 3600 : 0)
        let level = intensity(6.6 - 1.6 * progress)
        var values: [String: AnswerValue] = [
            TriggerJournal.Field.happened: .text(text()),
            TriggerJournal.Field.intensity: .number(level),
        ]
        if chance(0.85) {
            values[TriggerJournal.Field.kind] = .choice(pick([("distance", 26), ("conflict", 12), ("change", 10), ("their-stress", 8),
                                                               ("work", 14), ("social", 8), ("self-talk", 8), ("comparison", 5),
                                                               ("health", 3), ("money", 2), ("body", 2), ("mistake", 1), ("other", 1)]))
        }
        if chance(0.6) { values[TriggerJournal.Field.thoughts] = .text(text()) }
        if chance(0.5) {
            values[TriggerJournal.Field.feeling] = chance(0.9)
                ? .choice(pick([("anxious", 30), ("hurt", 15), ("lonely", 15), ("insecure", 12), ("sad", 10), ("let-down", 8),
                                ("angry", 5), ("overwhelmed", 5)]))
                : .text(text())
        }
        if chance(0.4) { values[TriggerJournal.Field.body] = .text(text()) }
        if chance(0.5) { values[TriggerJournal.Field.response] = .text(text()) }
        let id = try entry(values, kind: TriggerJournal.form.id, at: time, into: s)
        if chance(0.6) {
            let settled = pick([("few-minutes", 30), ("half-hour", 35), ("longer", 25), ("still-settling", 10)])
            try entry([TriggerJournal.FollowUpField.settledAfter: .choice(settled),
                       TriggerJournal.FollowUpField.intensity: .number(min(10, max(1, level - Int.random(in: -1...4, using: &rng))))],
                      kind: TriggerJournal.followUpForm.id, at: time + hours(1, 3), parent: id, into: s)
        }
    }

    mutating func calming(start: Double, progress: Double, into s: JournalBulkWriter) throws {
        let technique = pick([("box", 35), ("4-7-8", 20), ("coherent", 15), ("grounding", 15), ("muscle-relaxation", 8), ("body-scan", 7)])
        let effect = ["box": 2.5, "4-7-8": 2.0, "coherent": 1.8, "grounding": 2.2, "muscle-relaxation": 1.5, "body-scan": 1.2][technique]!
        let before = intensity(6 - progress)
        var values: [String: AnswerValue] = [
            "technique": .choice(technique),
            "ending": .choice(chance(0.85) ? "finished" : "stopped-early"),
            "seconds": .number(Int.random(in: 60...600, using: &rng)),
        ]
        if chance(0.9) {
            values["intensity-before"] = .number(before)
            if chance(0.9) { values["intensity-after"] = .number(max(1, min(10, Int((Double(before) - effect + Double.random(in: -2...3, using: &rng)).rounded())))) }
        }
        try entry(values, kind: "calming", at: start + hours(7, 23), into: s)
    }

    mutating func pause(start: Double, into s: JournalBulkWriter) throws {
        let before = intensity(7)
        var values: [String: AnswerValue] = [
            Pause.Field.urgeBefore: .number(before),
            "planned-seconds": .number(120),
            "waited-seconds": .number(Int.random(in: 30...120, using: &rng)),
        ]
        if chance(0.85) {
            values[Pause.Field.urgeAfter] = .number(min(10, max(1, before - Int.random(in: -1...4, using: &rng))))
            values[Pause.Field.decision] = .choice(pick([("wait-longer", 30), ("let-it-pass", 30), ("go-ahead", 25), ("talk-to-someone", 15)]))
        }
        try entry(values, kind: "pause", at: start + hours(9, 23.5), into: s)
    }

    /// A request written with `steady ask`, and often how it went.
    mutating func request(start: Double, into s: JournalBulkWriter) throws {
        let kind = pick([(NeedRequest.Kind.reassurance, 30), (NeedRequest.Kind.timeTogether, 40), (NeedRequest.Kind.help, 15),
                         (NeedRequest.Kind.room, 15)])
        let time = start + hours(9, 22)
        let id = try entry([
            NeedRequest.Field.feeling: .choice(pick([("lonely", 40), ("insecure", 30), ("anxious", 20), ("tired", 10)])),
            NeedRequest.Field.kind: .choice(kind), NeedRequest.Field.request: .text(text()), NeedRequest.Field.message: .text(text()),
        ], kind: NeedRequest.form.id, at: time, into: s)
        guard chance(0.7) else { return }
        let outcome = pick([(NeedRequest.Outcome.wentWell, 55), (NeedRequest.Outcome.mixed, 25), (NeedRequest.Outcome.notAsHoped, 10),
                            (NeedRequest.Outcome.notSent, 10)])
        var values: [String: AnswerValue] = [NeedRequest.FollowUpField.outcome: .choice(outcome)]
        if outcome == NeedRequest.Outcome.wentWell, chance(0.5) { values[NeedRequest.FollowUpField.keep] = .choice(NeedRequest.keepKey) }
        try entry(values, kind: NeedRequest.followUpForm.id, at: time + hours(20, 30), parent: id, into: s)
    }

    /// A past-or-present check, rated before and after.
    mutating func realityCheck(start: Double, progress: Double, into s: JournalBulkWriter) throws {
        let before = intensity(6.5 - progress)
        try entry([
            RealityCheck.Field.before: .number(before), RealityCheck.Field.now: .text(text()), RealityCheck.Field.likely: .text(text()),
            RealityCheck.Field.verdict: .choice(pick([(RealityCheck.Verdict.past, 45), (RealityCheck.Verdict.both, 30),
                                                      (RealityCheck.Verdict.present, 15), (RealityCheck.Verdict.unsure, 10)])),
            RealityCheck.Field.after: .number(min(10, max(1, before - Int.random(in: -1...4, using: &rng)))),
        ], kind: RealityCheck.form.id, at: start + hours(9, 23), into: s)
    }

    mutating func thoughtRecord(start: Double, into s: JournalBulkWriter) throws {
        let before = Int.random(in: 50...95, using: &rng)
        var values: [String: AnswerValue] = [
            ThoughtRecord.Field.situation: .text(text()),
            ThoughtRecord.Field.thought: .text(text()),
            ThoughtRecord.Field.beliefBefore: .number(before),
            ThoughtRecord.Field.evidenceFor: .text(text()),
            ThoughtRecord.Field.evidenceAgainst: .text(text()),
            ThoughtRecord.Field.friend: .text(text()),
            ThoughtRecord.Field.balanced: .text(text()),
            ThoughtRecord.Field.beliefAfter: .number(max(0, before - Int.random(in: 5...45, using: &rng))),
        ]
        if chance(0.7) { values[ThoughtRecord.Field.pattern] = .choice(pick([("worst-case", 40), ("mind-reading", 35), ("all-or-nothing", 20), ("none", 5)])) }
        try entry(values, kind: ThoughtRecord.form.id, at: start + hours(10, 23), into: s)
    }

    mutating func selfAssessment(at time: Double, progress: Double, into s: JournalBulkWriter) throws {
        var values: [String: AnswerValue] = [:]
        for statement in Assessment.statements {
            let mean = statement.direction == .pattern ? 3.8 - 1.4 * progress : 2.4 + 1.2 * progress
            values[statement.id] = .number(min(5, max(1, Int((mean + Double.random(in: -1...1, using: &rng)).rounded()))))
        }
        try entry(values, kind: Assessment.form.id, at: time, into: s)
    }
}
