import Foundation
import SteadyLocalization
import SteadyKit

/// What `steady stats` shows: what helps (how calming practices, checks, pauses and time alone
/// moved the person's own ratings), how triggers felt, wins, the feelings they named, the times
/// that suit them, requests they wrote, how the self-assessment moved — and, last, the plain
/// counts of how prompts ended. Counts, never grades.
public struct JournalStats: Sendable, Hashable, Codable {
    /// The window asked for; open ends are nil.
    public var since: Date?
    public var until: Date?
    /// The first and last local day with anything recorded inside the window.
    public var firstDay: CivilDay?
    public var lastDay: CivilDay?
    /// One row per practice that had prompts, most prompts first.
    public var practices: [PracticeCounts]
    /// All practices together.
    public var total: PracticeCounts
    /// Answered prompts out of those shown, by local hour of the prompt's slot (24 buckets).
    public var byHour: [RateBucket]
    /// The same by weekday, Monday first (7 buckets).
    public var byWeekday: [RateBucket]
    /// What was chosen, for practices answered with choices (e.g. which breathing pattern).
    public var choices: [ChoiceCounts]
    /// Ratings before and after calming practices, per technique.
    public var techniques: [TechniqueChange]
    /// Trigger journal entries.
    public var triggers: TriggerSummary
    /// Self-assessments in the window, oldest first.
    public var assessments: [AssessmentPoint]
    /// Entries the person logged, by kind, most first.
    public var entries: [CountItem]
    /// Wins noted: answers to the `wins` practice, `steady wins add`, and requests kept as wins.
    public var wins: Int
    /// Feeling words named (trigger journal, evening reflection, `steady ask`), most first; the
    /// person's own words are counted together under `Feelings.ownWordsKey`, never shown.
    public var feelings: [CountItem]
    /// Requests written with `steady ask`, and how they went.
    public var requests: RequestSummary
    /// Past-or-present checks, by where the feeling mostly belonged.
    public var checks: [CountItem]

    /// Nothing counted yet, for `window`.
    public init(window: DateWindow) {
        since = window.since
        until = window.until
        practices = []
        total = PracticeCounts(practice: "all")
        byHour = Array(repeating: RateBucket(), count: 24)
        byWeekday = Array(repeating: RateBucket(), count: 7)
        choices = []
        techniques = []
        triggers = TriggerSummary()
        assessments = []
        entries = []
        wins = 0
        feelings = []
        requests = RequestSummary()
        checks = []
    }

    /// Whether the window holds nothing at all.
    public var isEmpty: Bool { total.offered == 0 && entries.isEmpty }

    /// Pairs needed before a technique's mean change is shown.
    public static let minimumPairs = 5
}

/// How one practice's prompts ended.
public struct PracticeCounts: Sendable, Hashable, Codable {
    public var practice: String
    /// Every prompt steady created for it in the window, however it ended.
    public var offered = 0
    public var answered = 0
    /// Prompts snoozed at least once (whatever happened after).
    public var snoozed = 0
    /// Let pass by the person ("not now").
    public var skipped = 0
    /// Shown, and not answered before they expired.
    public var expired = 0
    /// Their time passed while the computer slept or steady was off.
    public var missed = 0
    /// Held back by quiet hours, the daily limit or a pause.
    public var suppressed = 0
    /// No channel could show them.
    public var undelivered = 0
    /// Still waiting for an answer.
    public var waiting = 0

    public init(practice: String) { self.practice = practice }

    mutating func count(_ outcome: Outcome, snoozed wasSnoozed: Bool) {
        offered += 1
        if wasSnoozed { snoozed += 1 }
        switch outcome {
        case .pending: waiting += 1
        case .answered: answered += 1
        case .skipped: skipped += 1
        case .expired: expired += 1
        case .missed: missed += 1
        case .suppressed: suppressed += 1
        case .undelivered: undelivered += 1
        }
    }

    mutating func add(_ other: PracticeCounts) {
        offered += other.offered; answered += other.answered; snoozed += other.snoozed
        skipped += other.skipped; expired += other.expired; missed += other.missed
        suppressed += other.suppressed; undelivered += other.undelivered; waiting += other.waiting
    }
}

/// Answered prompts out of those that were shown (answered, skipped or expired) in one bucket.
public struct RateBucket: Sendable, Hashable, Codable {
    public var answered = 0
    public var shown = 0

    public init(answered: Int = 0, shown: Int = 0) {
        self.answered = answered
        self.shown = shown
    }

    /// `answered / shown`, or nil when nothing was shown.
    public var rate: Double? { shown == 0 ? nil : Double(answered) / Double(shown) }
}

/// A key and how often it came up.
public struct CountItem: Sendable, Hashable, Codable {
    public var key: String
    public var count: Int

    public init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}

/// The choices made in one practice's answers.
public struct ChoiceCounts: Sendable, Hashable, Codable {
    public var practice: String
    public var counts: [CountItem]

    public init(practice: String, counts: [CountItem]) {
        self.practice = practice
        self.counts = counts
    }
}

/// Ratings before and after one calming technique.
public struct TechniqueChange: Sendable, Hashable, Codable {
    /// Stable id: a breathing pattern (`box`), a guide (`grounding`), `pause`, `thought-record`,
    /// or `trigger-journal` (intensity at the entry and at its follow-up).
    public var technique: String
    /// What was rated: `intensity`, `urge`, `belief`.
    public var measure: String
    /// The scale both ratings are on.
    public var scaleLow: Int
    public var scaleHigh: Int
    /// How many before/after pairs there are.
    public var count: Int
    /// Means, only when `count` reaches `JournalStats.minimumPairs`.
    public var meanBefore: Double?
    public var meanAfter: Double?
    /// How many pairs eased, stayed the same, or rose.
    public var eased: Int
    public var unchanged: Int
    public var rose: Int

    /// `meanAfter - meanBefore` (negative: it eased on average), when there is enough data.
    public var meanChange: Double? {
        guard let meanBefore, let meanAfter else { return nil }
        return meanAfter - meanBefore
    }

    /// Whether there are enough pairs to say anything.
    public var hasEnoughData: Bool { meanBefore != nil }
}

/// Trigger journal entries in the window.
public struct TriggerSummary: Sendable, Hashable, Codable {
    public var count = 0
    /// By the `kind` choice; entries without one count as `unspecified`.
    public var byKind: [CountItem] = []
    /// By part of the day: night (0–6), morning (6–12), afternoon (12–18), evening (18–24).
    public var byPartOfDay: [Int] = [0, 0, 0, 0]
    /// By weekday (Monday first) and hour: `byWeekdayHour[weekday][hour]`.
    public var byWeekdayHour: [[Int]] = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    /// Mean intensity (1–10) of the entries that gave one.
    public var meanIntensity: Double?
    /// Mean intensity of the earlier and the later half of those entries, in time order, when
    /// there are at least `halvesFrom` of them: how intensity changed over the stretch.
    public var earlierMeanIntensity: Double?
    public var laterMeanIntensity: Double?

    /// Rated entries needed before the two halves are compared.
    public static let halvesFrom = 4

    public static var partsOfDay: [String] {
        // TRANSLATORS: parts of the day, with their hours.
        [tr("night (0–6)"), tr("morning (6–12)"), tr("afternoon (12–18)"), tr("evening (18–24)")]
    }

    public init() {}
}

/// Requests written with `steady ask` in the window.
public struct RequestSummary: Sendable, Hashable, Codable {
    public var count = 0
    /// By what they were about (`reassurance`, `time-together`, …); left out: `unspecified`.
    public var byKind: [CountItem] = []
    /// How they went, from the check-ins and `steady ask --follow-up` (`went-well`, …).
    public var outcomes: [CountItem] = []
    /// Kept as wins.
    public var keptAsWins = 0

    /// Requests for reassurance: shown to the person alone, never as a goal.
    public var reassurance: Int { byKind.first { $0.key == "reassurance" }?.count ?? 0 }

    public init() {}
}

/// One self-assessment: every area's mean pattern score (1–5, higher = the old pattern shows more).
public struct AssessmentPoint: Sendable, Hashable, Codable {
    public struct Area: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        /// `pattern` or `resource` (for resources the ratings were reversed into pattern scores).
        public var direction: String
        public var score: Double
    }

    public var date: Date
    public var areas: [Area]
}
