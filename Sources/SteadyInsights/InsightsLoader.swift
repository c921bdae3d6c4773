import Foundation
import SteadyJournal
import SteadyKit

/// Everything the report draws: the statistics plus the day-by-day and rating series behind
/// the plots, and the wins.
public struct ReportData: Sendable {
    public var stats: JournalStats
    /// Trigger intensities (1–10) in time order.
    public var triggerIntensity: [TimedValue]
    /// Numbers given in answer to scale prompts (e.g. how settled the day felt), per practice.
    public var ratings: [RatingSeries]
    /// Wins noted, oldest first; `text` only when the report includes what the person wrote.
    public var wins: [Win]
    /// Whether person-written text was read (`--include-text`).
    public var includesText: Bool
}

/// A value at a time.
public struct TimedValue: Sendable, Hashable {
    public var time: Double
    public var value: Double
}

/// The numbers one practice's scale prompts were answered with.
public struct RatingSeries: Sendable, Hashable {
    public var practice: String
    public var scaleLow: Int
    public var scaleHigh: Int
    public var lowLabel: String
    public var highLabel: String
    public var values: [TimedValue]
}

/// One noted win.
public struct Win: Sendable, Hashable {
    public var date: Date
    /// What the person wrote; nil unless text was asked for.
    public var text: String?
}

/// Reads the journal once and computes statistics (and, for the report, the series behind the plots).
///
/// All reads happen in one snapshot. Scans run over indexes in time order; entry fields are
/// read from SQLite's buffers (`EntryPayload`), so a million-row journal is summarised without decoding
/// each entry in Swift.
public struct InsightsLoader: Sendable {
    public var window: DateWindow
    public var timeZone: TimeZone

    public init(window: DateWindow, timeZone: TimeZone = .current) {
        self.window = window
        self.timeZone = timeZone
    }

    /// The statistics for `steady stats`.
    public func stats(from journal: Journal) throws(JournalError) -> JournalStats {
        try load(journal, report: false, includeText: false).stats
    }

    /// Everything the report draws; person-written text only when `includeText`.
    public func report(from journal: Journal, includeText: Bool) throws(JournalError) -> ReportData {
        try load(journal, report: true, includeText: includeText)
    }

    /// The statistics of a journal that does not exist yet: all zero.
    public func emptyStats() -> JournalStats { JournalStats(window: window) }

    /// The report data of a journal that does not exist yet.
    public func emptyReport(includeText: Bool) -> ReportData {
        ReportData(stats: emptyStats(), triggerIntensity: [], ratings: [], wins: [], includesText: includeText)
    }

    // MARK: - Loading

    private var lower: Double { window.lowerBound.isFinite ? window.lowerBound : -1e18 }
    private var upper: Double { window.upperBound.isFinite ? window.upperBound : 1e18 }
    /// The window as a span of times.
    private var span: Range<Double> { lower..<upper }
    /// The window, or nil for all of it (then tables are walked in id order, which follows time).
    private var scanSpan: Range<Double>? { window == .all ? nil : span }

    /// Results of one half of the work, handed from its thread.
    private final class Halves: @unchecked Sendable {
        var prompts: Result<(JournalStats, Scan), JournalError>?
        var entries: Result<(JournalStats, Scan), JournalError>?
    }

    /// Reads prompts with their answers on one connection and entries on another, at the same
    /// time (the journal is in WAL mode: readers neither wait for each other nor for the
    /// daemon), then puts the halves together. Each half is one consistent snapshot; the two
    /// may be moments apart, which counts cannot tell.
    func load(_ journal: Journal, report: Bool, includeText: Bool) throws(JournalError) -> ReportData {
        let halves = Halves()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var stats = JournalStats(window: window)
            var scan = Scan(report: report)
            var clock = LocalClock(timeZone: timeZone)
            if half == 0 {
                halves.prompts = Result { () throws(JournalError) in
                    try journal.readSnapshot { snapshot in
                        try scanPrompts(snapshot, into: &stats, scan: &scan, clock: &clock)
                        try scanAnswers(snapshot, into: &stats, scan: &scan, includeText: includeText)
                        try scanFollowUpAnswers(snapshot, into: &stats, scan: &scan, includeText: includeText)
                    }
                    return (stats, scan)
                }
            } else {
                halves.entries = Result { () throws(JournalError) in
                    try journal.readSnapshot { snapshot in
                        try scanEntries(snapshot, into: &stats, scan: &scan, clock: &clock)
                        stats.assessments = try assessments(snapshot)
                        if report {
                            // Wins added by hand (`steady wins add`): few, so read with SQLite's JSON.
                            let rows = try snapshot.entryTimes(kind: Self.winEntryKind, createdIn: span,
                                                               text: includeText ? Self.winField : nil)
                            scan.wins = rows.map { Win(date: Date(timeIntervalSince1970: $0.time), text: includeText ? $0.text : nil) }
                        }
                    }
                    return (stats, scan)
                }
            }
        }
        var (stats, scan) = try halves.prompts!.get()
        let (entryStats, entryScan) = try halves.entries!.get()
        stats.entries = entryStats.entries
        stats.triggers = entryStats.triggers
        stats.techniques = Self.sortedTechniques(entryStats.techniques + stats.techniques)
        stats.assessments = entryStats.assessments
        stats.wins = scan.winAnswers + (stats.entries.first { $0.key == Self.winEntryKind }?.count ?? 0)
        stats.feelings = Self.sortedCounts(Self.merged(stats.feelings, entryStats.feelings))
        stats.checks = entryStats.checks
        let answeredOutcomes = stats.requests.outcomes
        stats.requests = entryStats.requests
        stats.requests.outcomes = Self.sortedCounts(Self.merged(answeredOutcomes, entryStats.requests.outcomes))
        stats.requests.keptAsWins = scan.keptRequests + entryStats.requests.keptAsWins
        let firstTime = min(scan.firstTime, entryScan.firstTime), lastTime = max(scan.lastTime, entryScan.lastTime)
        if firstTime.isFinite {
            var clock = LocalClock(timeZone: timeZone)
            stats.firstDay = CivilDay(dayNumber: clock.day(firstTime))
            stats.lastDay = CivilDay(dayNumber: clock.day(lastTime))
        }
        let wins = (scan.wins + entryScan.wins).sorted { $0.date < $1.date }
        let ratings = scan.ratings.keys.sorted().compactMap { index -> RatingSeries? in
            let practice = scan.practices[index]
            guard let scale = scan.scales[index] else { return nil }
            return RatingSeries(practice: practice, scaleLow: scale.range.lowerBound, scaleHigh: scale.range.upperBound,
                                lowLabel: scale.lowLabel, highLabel: scale.highLabel, values: scan.ratings[index]!)
        }
        return ReportData(stats: stats, triggerIntensity: entryScan.triggerIntensity, ratings: ratings,
                          wins: wins, includesText: includeText)
    }

    /// What the scans collect on the way.
    struct Scan {
        let report: Bool
        var firstTime = Double.infinity, lastTime = -Double.infinity
        /// Practices seen, interned; prompts refer to them by index.
        var practices: [String] = []
        var practiceIndex: [String: Int] = [:]
        /// The prompts in the window, in slot order: id, practice index, slot, outcome.
        var promptIDs: [Int64] = []
        var promptPractice: [Int32] = []
        var promptSlot: [Double] = []
        var promptOutcome: [Outcome] = []
        /// Practices whose latest prompt asks for a number on a scale, with that scale.
        var scales: [Int: Scale] = [:]
        var ratings: [Int: [TimedValue]] = [:]
        var wins: [Win] = []
        var winAnswers = 0
        /// Requests kept as wins from their check-in (also counted in `winAnswers`).
        var keptRequests = 0
        var triggerIntensity: [TimedValue] = []

        init(report: Bool) { self.report = report }

        mutating func intern(_ practice: String) -> Int {
            if let index = practiceIndex[practice] { return index }
            practices.append(practice)
            practiceIndex[practice] = practices.count - 1
            return practices.count - 1
        }

        mutating func saw(_ time: Double) {
            if time < firstTime { firstTime = time }
            if time > lastTime { lastTime = time }
        }

        /// The position of prompt `id` in the window's prompts.
        func prompt(_ id: Int64) -> Int? {
            var low = 0, high = promptIDs.count
            while low < high {
                let mid = (low + high) / 2
                if promptIDs[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < promptIDs.count && promptIDs[low] == id ? low : nil
        }
    }

    /// Prompts: how they ended, and when answering fits.
    private func scanPrompts(_ snapshot: JournalSnapshot, into stats: inout JournalStats, scan: inout Scan, clock: inout LocalClock) throws {
        var counts: [PracticeCounts] = []
        var lastPractice: [UInt8] = [], lastIndex = -1
        var byHour = stats.byHour, byWeekday = stats.byWeekday
        // Everything: walk the table in id order (which follows time). A window: its slot range.
        try snapshot.forEachPrompt(slotIn: scanSpan) { prompt in
            let id = prompt.id
            let slot = prompt.slot
            // Consecutive prompts often share a practice: skip the dictionary then.
            let practiceBytes = prompt.practice
            if lastIndex < 0 || !Self.same(practiceBytes, lastPractice) {
                lastPractice = Array(practiceBytes)
                lastIndex = scan.intern(String(decoding: practiceBytes, as: UTF8.self))
                while counts.count < scan.practices.count { counts.append(PracticeCounts(practice: scan.practices[counts.count])) }
            }
            let index = lastIndex
            let outcome = Self.outcome(prompt.outcome)
            counts[index].count(outcome, snoozed: prompt.snoozes > 0)
            scan.saw(slot)
            scan.promptIDs.append(id)
            scan.promptPractice.append(Int32(index))
            scan.promptSlot.append(slot)
            scan.promptOutcome.append(outcome)
            guard outcome == .answered || outcome == .skipped || outcome == .expired else { return }
            let local = clock.localSeconds(slot)
            let day = floorDiv(local, 86_400)
            let hour = floorMod(local, 86_400) / 3600
            let weekday = LocalClock.weekday(ofDay: day)
            byHour[hour].shown += 1
            byWeekday[weekday].shown += 1
            if outcome == .answered {
                byHour[hour].answered += 1
                byWeekday[weekday].answered += 1
            }
        }
        stats.byHour = byHour
        stats.byWeekday = byWeekday
        stats.practices = counts.sorted { ($0.offered, $1.practice) > ($1.offered, $0.practice) }
        for item in stats.practices { stats.total.add(item) }
        // Ids follow time almost always; make sure, for the binary search.
        if zip(scan.promptIDs, scan.promptIDs.dropFirst()).contains(where: { $0 >= $1 }) {
            let order = scan.promptIDs.indices.sorted { scan.promptIDs[$0] < scan.promptIDs[$1] }
            scan.promptIDs = order.map { scan.promptIDs[$0] }
            scan.promptPractice = order.map { scan.promptPractice[$0] }
            scan.promptSlot = order.map { scan.promptSlot[$0] }
            scan.promptOutcome = order.map { scan.promptOutcome[$0] }
        }
        if scan.report {
            for (index, practice) in scan.practices.enumerated() {
                if case .scale(let scale)? = try snapshot.latestRequest(of: practice) {
                    scan.scales[index] = scale
                }
            }
        }
    }

    private static let outcomeNames: [([UInt8], Outcome)] = Outcome.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The outcome stored as `bytes`, without making a string.
    static func outcome(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        for (name, outcome) in outcomeNames where same(bytes, name) { return outcome }
        return .pending
    }

    /// Whether `bytes` and `array` hold the same bytes.
    @inline(__always) static func same(_ bytes: UnsafeRawBufferPointer, _ array: [UInt8]) -> Bool {
        bytes.count == array.count && array.withUnsafeBytes { bytes.count == 0 || memcmp(bytes.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
    }

    /// Answers to the window's prompts: choices made, numbers given on scales, wins.
    private func scanAnswers(_ snapshot: JournalSnapshot, into stats: inout JournalStats, scan: inout Scan, includeText: Bool) throws {
        guard let first = scan.promptIDs.first, let last = scan.promptIDs.last else { return }
        let winsIndex = scan.practiceIndex[Self.winsPractice]
        var choices: [Int: [String: Int]] = [:]
        try snapshot.forEachAnswer(promptIDs: first...last) { answer in
            guard let position = scan.prompt(answer.promptID) else { return }
            let practice = Int(scan.promptPractice[position])
            switch answer.kind.first {
            case UInt8(ascii: "c"):  // choice
                choices[practice, default: [:]][answer.text ?? "", default: 0] += 1
            case UInt8(ascii: "n") where scan.report && scan.scales[practice] != nil:  // number
                scan.ratings[practice, default: []].append(TimedValue(time: scan.promptSlot[position], value: answer.number))
            default:
                break
            }
            if practice == winsIndex, scan.promptOutcome[position] == .answered {
                scan.winAnswers += 1
                if scan.report {
                    scan.wins.append(Win(date: Date(timeIntervalSince1970: scan.promptSlot[position]), text: includeText ? answer.text : nil))
                }
            }
        }
        stats.choices = choices.map { index, counts in
            ChoiceCounts(practice: scan.practices[index], counts: Self.sortedCounts(counts.map { CountItem(key: $0.key, count: $0.value) }))
        }.sorted { $0.practice < $1.practice }
        for index in scan.ratings.keys { scan.ratings[index]!.sort { $0.time < $1.time } }
    }

    /// Answers to the follow-ups that carry meaning of their own: the evening reflection's
    /// feeling word, a request's "how did it go" and "keep it as a win", and time alone's
    /// anxiety before and after (paired by the invitation they follow).
    private func scanFollowUpAnswers(_ snapshot: JournalSnapshot, into stats: inout JournalStats, scan: inout Scan, includeText: Bool) throws {
        var feelings: [String: Int] = [:], outcomes: [String: Int] = [:]
        var before: [Int64: Int] = [:], after: [Int64: Int] = [:]
        try snapshot.forEachFollowUpAnswer(of: [Self.eveningPractice, Self.askingPractice, Self.timeAlonePractice], slotIn: span) { row in
            let practice = row.practice, key = row.followUpKey, kind = row.kind
            switch (practice, key, kind) {
            case (Self.eveningPractice, "feeling", "choice"):
                if let word = row.text, word != Feelings.ownKey { feelings[word, default: 0] += 1 }
            case (Self.eveningPractice, "feeling-own", "text"):
                feelings[Feelings.ownWordsKey, default: 0] += 1
            case (Self.askingPractice, "how-it-went", "choice"):
                outcomes[row.text ?? "", default: 0] += 1
            case (Self.askingPractice, "keep-as-win", "choice") where row.text == NeedRequest.keepKey:
                scan.keptRequests += 1
                scan.winAnswers += 1
                if scan.report {
                    scan.wins.append(Win(date: Date(timeIntervalSince1970: row.slot), text: includeText ? Self.keptRequestWin : nil))
                }
            case (Self.timeAlonePractice, "before", "number"):
                if let parent = row.parentID { before[parent] = row.number }
            case (Self.timeAlonePractice, "end", "number"):
                if let parent = row.parentID { after[parent] = row.number }
            default:
                break
            }
        }
        stats.feelings = feelings.map { CountItem(key: $0.key, count: $0.value) }
        stats.requests.outcomes = outcomes.map { CountItem(key: $0.key, count: $0.value) }
        let pairs = before.compactMap { parent, b in after[parent].map { (b, $0) } }
        stats.techniques = pairs.isEmpty ? [] : [Self.techniqueChange(
            technique: Self.timeAlonePractice, measure: "anxiety", scale: .intensity, pairs: pairs)]
    }

    /// Entries: kinds, triggers, before/after pairs. Fields are read with `EntryPayload`
    /// (`EntryValues` for payloads in another shape).
    private func scanEntries(_ snapshot: JournalSnapshot, into stats: inout JournalStats, scan: inout Scan, clock: inout LocalClock) throws {
        /// Running sums for one technique and measure.
        struct Pairs {
            var technique: String, measure: String
            var count = 0, before = 0, after = 0, eased = 0, unchanged = 0, rose = 0
            mutating func add(_ b: Int, _ a: Int) {
                count += 1; before += b; after += a
                if a < b { eased += 1 } else if a == b { unchanged += 1 } else { rose += 1 }
            }
        }
        var pairs: [Pairs] = []
        func pairIndex(_ technique: String, _ measure: String) -> Int {
            if let index = pairs.firstIndex(where: { $0.technique == technique && $0.measure == measure }) { return index }
            pairs.append(Pairs(technique: technique, measure: measure))
            return pairs.count - 1
        }
        /// Pair lists by the bytes of technique and measure, so most entries make no strings.
        var pairKeys: [(technique: [UInt8], measure: [UInt8], index: Int)] = []
        func pairIndex(technique: UnsafeRawBufferPointer, measure: UnsafeRawBufferPointer) -> Int {
            for key in pairKeys where Self.same(technique, key.technique) && Self.same(measure, key.measure) { return key.index }
            let index = pairIndex(String(decoding: technique, as: UTF8.self), String(decoding: measure, as: UTF8.self))
            pairKeys.append((Array(technique), Array(measure), index))
            return index
        }
        // Kinds, interned by their bytes: few, so a short list beats hashing strings.
        typealias Role = EntryRole
        var kindNames: [String] = [], kindBytes: [[UInt8]] = [], kindCounts: [Int] = [], kindRoles: [Role] = []
        var lastKind = -1
        let triggerKind = TriggerJournal.form.id, followUpKind = TriggerJournal.followUpForm.id
        let intensityKey = TriggerJournal.Field.intensity, triggerChoiceKey = TriggerJournal.Field.kind
        let followUpKey = TriggerJournal.FollowUpField.intensity
        var triggerKinds: [(bytes: [UInt8], count: Int)] = []
        var unspecifiedTriggers = 0
        var intensitySum = 0, intensityCount = 0
        var intensities: [Int] = []
        /// Trigger entry id → its intensity, for the follow-ups that come later.
        var triggerIntensityByID: [Int64: Int] = [:]
        var triggerCount = 0
        var feelings: [String: Int] = [:]
        var requests = RequestSummary()
        var requestKinds: [String: Int] = [:], requestOutcomes: [String: Int] = [:], verdicts: [String: Int] = [:]
        /// Counts the feeling word of an entry: a listed word by its key, an own word as "own words".
        func countFeeling(choice: String?, hasText: Bool) {
            if let choice { feelings[choice, default: 0] += 1 } else if hasText { feelings[Feelings.ownWordsKey, default: 0] += 1 }
        }
        var partOfDay = [0, 0, 0, 0]
        var weekdayHour = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        var triggerIntensity: [TimedValue] = []
        var firstTime = scan.firstTime, lastTime = scan.lastTime
        let report = scan.report
        var payload = EntryPayload()
        try snapshot.forEachEntry(createdIn: scanSpan) { entry in
            let kindRaw = entry.kind
            if lastKind < 0 || !Self.same(kindRaw, kindBytes[lastKind]) {
                if let known = kindBytes.firstIndex(where: { Self.same(kindRaw, $0) }) {
                    lastKind = known
                } else {
                    let name = String(decoding: kindRaw, as: UTF8.self)
                    kindBytes.append(Array(kindRaw))
                    kindNames.append(name)
                    kindCounts.append(0)
                    kindRoles.append(Self.role(of: name, trigger: triggerKind, followUp: followUpKind))
                    lastKind = kindNames.count - 1
                }
            }
            kindCounts[lastKind] += 1
            let time = entry.createdAt
            if time < firstTime { firstTime = time }
            if time > lastTime { lastTime = time }
            let role = kindRoles[lastKind]
            if role == .skip { return }
            let raw = entry.payload
            let id = entry.id
            func countTrigger(choice: UnsafeRawBufferPointer?, intensity: Int?) {
                let local = clock.localSeconds(time)
                let hour = floorMod(local, 86_400) / 3600
                triggerCount += 1
                partOfDay[hour / 6] += 1
                weekdayHour[LocalClock.weekday(ofDay: floorDiv(local, 86_400))][hour] += 1
                if let choice {
                    if let known = triggerKinds.firstIndex(where: { Self.same(choice, $0.bytes) }) {
                        triggerKinds[known].count += 1
                    } else {
                        triggerKinds.append((Array(choice), 1))
                    }
                } else {
                    unspecifiedTriggers += 1
                }
                if let intensity {
                    intensitySum += intensity
                    intensityCount += 1
                    intensities.append(intensity)
                    triggerIntensityByID[id] = intensity
                    if report { triggerIntensity.append(TimedValue(time: time, value: Double(intensity))) }
                }
            }
            let choices = entry.choices
            guard payload.load(raw, choices: choices) else {
                // Another shape: Foundation reads it (slowly, but such entries are rare).
                let kind = kindNames[lastKind]
                let fields = Fields(raw, choices: choices)
                switch role {
                case .trigger:
                    let choice = fields.choice(triggerChoiceKey).map { Array($0.utf8) }
                    if let choice { choice.withUnsafeBytes { countTrigger(choice: $0, intensity: fields.number(intensityKey)) } }
                    else { countTrigger(choice: nil, intensity: fields.number(intensityKey)) }
                    countFeeling(choice: fields.choice(Self.feelingField), hasText: fields.hasText(Self.feelingField))
                case .followUp:
                    if let parent = entry.parentID, let before = triggerIntensityByID[parent],
                       let after = fields.number(followUpKey) {
                        pairs[pairIndex(triggerKind, "intensity")].add(before, after)
                    }
                case .asking:
                    requests.count += 1
                    requestKinds[fields.choice(NeedRequest.Field.kind) ?? "unspecified", default: 0] += 1
                    countFeeling(choice: fields.choice(Self.feelingField), hasText: fields.hasText(Self.feelingField))
                case .askingFollowUp:
                    if let outcome = fields.choice(NeedRequest.FollowUpField.outcome) { requestOutcomes[outcome, default: 0] += 1 }
                    if fields.choice(NeedRequest.FollowUpField.keep) == NeedRequest.keepKey { requests.keptAsWins += 1 }
                case .check:
                    if let verdict = fields.choice(RealityCheck.Field.verdict) { verdicts[verdict, default: 0] += 1 }
                    for pair in fields.beforeAfterPairs() { pairs[pairIndex(kind, pair.name)].add(pair.before, pair.after) }
                default:
                    let technique = fields.choice("technique") ?? kind
                    for pair in fields.beforeAfterPairs() { pairs[pairIndex(technique, pair.name)].add(pair.before, pair.after) }
                }
                return
            }
            switch role {
            case .trigger:
                let choice = payload.field(triggerChoiceKey).flatMap { field -> UnsafeRawBufferPointer? in
                    field.kind == .choice ? UnsafeRawBufferPointer(rebasing: raw[(field.value.lowerBound + 1)..<(field.value.upperBound - 1)]) : nil
                }
                countTrigger(choice: choice, intensity: payload.number(intensityKey))
                let feeling = payload.field(Self.feelingField)
                countFeeling(choice: feeling?.kind == .choice ? payload.choice(Self.feelingField) : nil, hasText: feeling?.kind == .text)
            case .asking:
                requests.count += 1
                requestKinds[payload.choice(NeedRequest.Field.kind) ?? "unspecified", default: 0] += 1
                let feeling = payload.field(Self.feelingField)
                countFeeling(choice: feeling?.kind == .choice ? payload.choice(Self.feelingField) : nil, hasText: feeling?.kind == .text)
            case .askingFollowUp:
                if let outcome = payload.choice(NeedRequest.FollowUpField.outcome) { requestOutcomes[outcome, default: 0] += 1 }
                if payload.choice(NeedRequest.FollowUpField.keep) == NeedRequest.keepKey { requests.keptAsWins += 1 }
            case .check:
                if let verdict = payload.choice(RealityCheck.Field.verdict) { verdicts[verdict, default: 0] += 1 }
                payload.forEachBeforeAfter { name, before, after in
                    pairs[pairIndex(technique: kindRaw, measure: UnsafeRawBufferPointer(rebasing: raw[name]))].add(before, after)
                }
            case .followUp:
                if let parent = entry.parentID, let before = triggerIntensityByID[parent],
                   let after = payload.number(followUpKey) {
                    pairs[pairIndex(triggerKind, "intensity")].add(before, after)
                }
            case .other:
                let technique = payload.field("technique").flatMap { field -> UnsafeRawBufferPointer? in
                    field.kind == .choice ? UnsafeRawBufferPointer(rebasing: raw[(field.value.lowerBound + 1)..<(field.value.upperBound - 1)]) : nil
                } ?? kindRaw
                payload.forEachBeforeAfter { name, before, after in
                    pairs[pairIndex(technique: technique, measure: UnsafeRawBufferPointer(rebasing: raw[name]))].add(before, after)
                }
            case .skip:
                break
            }
        }
        var triggerKindCounts = triggerKinds.map { CountItem(key: String(decoding: $0.bytes, as: UTF8.self), count: $0.count) }
        if unspecifiedTriggers > 0 { triggerKindCounts.append(CountItem(key: "unspecified", count: unspecifiedTriggers)) }
        scan.firstTime = firstTime
        scan.lastTime = lastTime
        scan.triggerIntensity = triggerIntensity
        stats.triggers.count = triggerCount
        stats.triggers.byPartOfDay = partOfDay
        stats.triggers.byWeekdayHour = weekdayHour
        stats.entries = Self.sortedCounts(zip(kindNames, kindCounts).map { CountItem(key: $0, count: $1) })
        stats.triggers.byKind = Self.sortedCounts(triggerKindCounts)
        if intensityCount > 0 { stats.triggers.meanIntensity = Double(intensitySum) / Double(intensityCount) }
        if intensities.count >= TriggerSummary.halvesFrom {
            let half = intensities.count / 2
            func mean(_ part: ArraySlice<Int>) -> Double { Double(part.reduce(0, +)) / Double(part.count) }
            stats.triggers.earlierMeanIntensity = mean(intensities.prefix(half))
            stats.triggers.laterMeanIntensity = mean(intensities.suffix(intensities.count - half))
        }
        stats.techniques = pairs.map { item in
            let scale = item.measure == "belief" ? Scale.belief : Scale.intensity
            let enough = item.count >= JournalStats.minimumPairs
            return TechniqueChange(
                technique: item.technique, measure: item.measure,
                scaleLow: scale.range.lowerBound, scaleHigh: scale.range.upperBound, count: item.count,
                meanBefore: enough ? Double(item.before) / Double(item.count) : nil,
                meanAfter: enough ? Double(item.after) / Double(item.count) : nil,
                eased: item.eased, unchanged: item.unchanged, rose: item.rose)
        }
        stats.feelings = feelings.map { CountItem(key: $0.key, count: $0.value) }
        requests.byKind = Self.sortedCounts(requestKinds.map { CountItem(key: $0.key, count: $0.value) })
        requests.outcomes = requestOutcomes.map { CountItem(key: $0.key, count: $0.value) }
        stats.requests = requests
        stats.checks = Self.sortedCounts(verdicts.map { CountItem(key: $0.key, count: $0.value) })
    }

    /// How the entry scan reads an entry, by its kind.
    enum EntryRole { case skip, trigger, followUp, asking, askingFollowUp, check, other }

    /// What the entry scan does with an entry of kind `name`.
    private static func role(of name: String, trigger: String, followUp: String) -> EntryRole {
        switch name {
        case Assessment.form.id, winEntryKind, SoothingKit.form.id: .skip
        case trigger: .trigger
        case followUp: .followUp
        case NeedRequest.form.id: .asking
        case NeedRequest.followUpForm.id: .askingFollowUp
        case RealityCheck.form.id: .check
        default: .other
        }
    }

    /// One technique's before/after summary from its pairs.
    static func techniqueChange(technique: String, measure: String, scale: Scale, pairs: [(Int, Int)]) -> TechniqueChange {
        let enough = pairs.count >= JournalStats.minimumPairs
        let before = pairs.reduce(0) { $0 + $1.0 }, after = pairs.reduce(0) { $0 + $1.1 }
        return TechniqueChange(
            technique: technique, measure: measure, scaleLow: scale.range.lowerBound, scaleHigh: scale.range.upperBound,
            count: pairs.count,
            meanBefore: enough ? Double(before) / Double(pairs.count) : nil,
            meanAfter: enough ? Double(after) / Double(pairs.count) : nil,
            eased: pairs.filter { $0.1 < $0.0 }.count, unchanged: pairs.filter { $0.1 == $0.0 }.count,
            rose: pairs.filter { $0.1 > $0.0 }.count)
    }

    /// Techniques with the most pairs first (then by name), the order stats and the report use.
    static func sortedTechniques(_ items: [TechniqueChange]) -> [TechniqueChange] {
        items.sorted { ($0.count, $1.technique, $1.measure) > ($1.count, $0.technique, $0.measure) }
    }

    /// Two lists of counts added up by key.
    static func merged(_ a: [CountItem], _ b: [CountItem]) -> [CountItem] {
        var counts: [String: Int] = [:]
        for item in a + b { counts[item.key, default: 0] += item.count }
        return counts.map { CountItem(key: $0.key, count: $0.value) }
    }

    /// Self-assessments in the window, oldest first.
    private func assessments(_ snapshot: JournalSnapshot) throws -> [AssessmentPoint] {
        try snapshot.entries(kind: Assessment.form.id, createdIn: span).compactMap { entry in
            let response = entry.response
            var ratings: [String: Int] = [:]
            for statement in Assessment.statements { ratings[statement.id] = response.number(statement.id) }
            let areas = Assessment.Result(ratings: ratings).areas
            guard !areas.isEmpty else { return nil }
            return AssessmentPoint(
                date: entry.createdAt,
                areas: areas.map { .init(id: $0.area.id, title: $0.area.title, direction: $0.area.direction.rawValue, score: $0.meanPatternScore) })
        }
    }

    /// The practice that asks for wins, and the entry kind and field of wins added by hand
    /// (`steady wins add`, SteadyTerminal's `WinEntry`).
    static let winsPractice = "wins"
    static let winEntryKind = "win"
    static let winField = "win"
    /// Practices whose follow-up answers `scanFollowUpAnswers` reads, and the feeling field of entries.
    static let eveningPractice = "evening-reflection"
    static let askingPractice = NeedRequest.form.id
    static let timeAlonePractice = "time-alone"
    static let feelingField = TriggerJournal.Field.feeling
    /// How a request kept as a win from its check-in reads in the report's list of wins.
    static let keptRequestWin = NeedRequest.winText(request: nil)

    static func sortedCounts(_ items: [CountItem]) -> [CountItem] {
        items.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    }
}
