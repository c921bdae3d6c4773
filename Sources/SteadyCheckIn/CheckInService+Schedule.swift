import Foundation
import Logging
import SteadyCalendar
import SteadyConfig
import SteadyJournal
import SteadyKit
import SteadyLocalization

extension CheckInService {
    /// How far back slots missed while steady was not running are recorded.
    public static let missedLookback: TimeInterval = 7 * 86_400
    /// How many passed slots of one practice one step records; more wait for the next step.
    public static let catchUpBatch = 200

    /// Sets cursors for practices not seen yet: from the journal's last slot of the practice,
    /// else from when steady last recorded anything (slots that passed while it was not
    /// running are then recorded as missed, or caught up within the grace period), else now
    /// (a first start never fires anything from the past).
    public func initializeCursors() {
        let now = now
        let lastActivity = (try? journal.lastActivity()) ?? nil
        for setup in config.practices where cursors[setup.id] == nil {
            let last = (try? journal.lastSlot(of: setup.id)) ?? nil
            cursors[setup.id] = min(now, last ?? lastActivity ?? now)
        }
    }

    /// Slots of `setup` in (cursor, now]: the latest within the grace period becomes a prompt;
    /// earlier ones are recorded as missed. Never the same slot twice (the journal's unique key).
    /// Records at most `catchUpBatch` slots; returns false when more are left for the next step.
    /// `now` is the caller's moment for the whole step (the daemon's tick), so that what it
    /// creates is due by the time it delivers.
    public func createDuePrompts(for setup: PracticeSetup, now: Date) -> Bool {
        let zone = timeZone()
        var cursor = max(cursors[setup.id] ?? now, now.addingTimeInterval(-Self.missedLookback))
        var due: [Date] = []
        while due.count <= Self.catchUpBatch, let slot = nextSlot(of: setup, after: cursor, in: zone), slot <= now {
            due.append(slot)
            cursor = slot
        }
        if due.count > Self.catchUpBatch {
            // More slots passed than one step records: all of these are long gone.
            recordMissed(setup, slots: due, now: now)
            cursors[setup.id] = cursor
            return false
        }
        cursors[setup.id] = max(cursors[setup.id] ?? now, now)
        guard let latest = due.last else { return true }
        recordMissed(setup, slots: Array(due.dropLast()), now: now)
        let late = now.timeIntervalSince(latest)
        if late > TimeInterval(config.sparing.gracePeriod.seconds) {
            // English: an event's detail in the journal (data, not shown as a sentence)
            createPrompt(setup, slot: latest, now: now, outcome: .missed, reason: "past the grace period")
        } else if let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(latest, in: zone)) {
            if setup.quietHoursPolicy == .defer, let end = Self.next(quiet.end, after: latest, in: zone) {
                // English: an event's detail in the journal (data, not shown as a sentence)
                createPrompt(setup, slot: latest, now: now, outcome: .pending, due: end, reason: "deferred past quiet hours")
            } else {
                createPrompt(setup, slot: latest, now: now, outcome: .suppressed, reason: "quiet hours")
            }
        } else if offeredToday(now: now, in: zone) >= config.sparing.dailyLimit {
            createPrompt(setup, slot: latest, now: now, outcome: .suppressed, reason: "daily limit")
        } else if isBackingOff(setup.id) {
            createPrompt(setup, slot: latest, now: now, outcome: .suppressed, reason: "back-off")
        } else {
            createPrompt(setup, slot: latest, now: now, outcome: .pending, due: now)
        }
        return true
    }

    /// Records slots that passed while steady was not running, in one transaction. They are
    /// never shown, so the practice is not asked for their words (an external practice's
    /// program would run once per slot): the practice's name stands in.
    private func recordMissed(_ setup: PracticeSetup, slots: [Date], now: Date) {
        guard !slots.isEmpty else { return }
        let content = PromptContent(title: setup.practice.displayName, body: "", request: .done)
        let expireAfter = TimeInterval(config.sparing.expireAfter.seconds)
        let drafts = slots.map {
            PromptDraft(practice: setup.id, slot: $0, content: content, createdAt: now, dueAt: $0,
                        // English: an event's detail in the journal (data, not shown as a sentence)
                        expiresAt: $0.addingTimeInterval(expireAfter), outcome: .missed, reason: "asleep or not running")
        }
        do {
            let recorded = try journal.recordPrompts(drafts)
            logger.info("passed slots recorded as missed", metadata: ["practice.id": "\(setup.id)", "count": "\(recorded.count)"])
        } catch {
            logger.error("could not record missed slots", metadata: ["practice.id": "\(setup.id)", "error": "\(Localization.english(error))"])
        }
    }

    /// Whether this slot is one back-off leaves out: after several shown-and-unanswered
    /// prompts in a row, only every second (then fourth) slot is offered, until an answer.
    private func isBackingOff(_ practice: PracticeID) -> Bool {
        guard config.sparing.backOff,
              let recent = try? journal.recentOutcomes(of: practice, limit: 4 * Sparing.backOffAfter + 4) else { return false }
        var unanswered = 0
        var leftOutSinceOffered = 0
        var countingLeftOut = true
        for (outcome, reason) in recent {
            if outcome == .suppressed && reason == "back-off" {
                if countingLeftOut { leftOutSinceOffered += 1 }
                continue
            }
            switch outcome {
            case .expired:
                unanswered += 1
                countingLeftOut = false
            case .answered, .skipped:
                return unanswered >= Sparing.backOffAfter
                    && leftOutSinceOffered < Sparing.backOffStride(unansweredInARow: unanswered) - 1
            default:
                continue  // pending, missed, undelivered, other suppressions: not a sign either way
            }
        }
        return leftOutSinceOffered < Sparing.backOffStride(unansweredInARow: unanswered) - 1
    }

    private func createPrompt(_ setup: PracticeSetup, slot: Date, now: Date, outcome: Outcome, due: Date? = nil, reason: String? = nil) {
        var occasion = Occasion.scheduled(at: slot, timeZone: timeZone())
        // Where the last answered occasion left off (time alone grows from its length).
        occasion.previous = (try? journal.previousOccasionAnswers(of: setup.id, before: slot)) ?? [:]
        let content = setup.practice.prompt(for: occasion)
        let dueAt = due ?? slot
        do {
            guard let record = try journal.recordPrompt(
                practice: setup.id, slot: slot, content: content, createdAt: now, dueAt: dueAt,
                expiresAt: dueAt.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)), outcome: outcome,
                reason: reason)
            else {
                logger.debug("slot already recorded", metadata: ["practice.id": "\(setup.id)"])
                return
            }
            logger.info("prompt created", metadata: ["practice.id": "\(setup.id)", "prompt.id": "\(record.id)",
                                                     "outcome": "\(outcome.rawValue)", "reason": "\(reason ?? "due")"])
        } catch {
            logger.error("could not record a prompt", metadata: ["practice.id": "\(setup.id)", "error": "\(Localization.english(error))"])
        }
    }

    private func offeredToday(now: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return (try? journal.offeredCount(since: calendar.startOfDay(for: now))) ?? 0
    }

    // MARK: What comes next

    /// The next slot of a practice strictly after `date`: its calendar expressions and its
    /// random times (drawn once per day and kept in the journal).
    public func nextSlot(of setup: PracticeSetup, after date: Date, in zone: TimeZone) -> Date? {
        slots.nextSlot(of: setup, after: date, in: zone)
    }

    /// Upcoming scheduled prompts, soonest first: each practice's next slot after its cursor
    /// (or now, where the daemon has not run), random windows included.
    public func upcoming(limit: Int = 5) -> [(practice: PracticeID, at: Date)] {
        let now = now
        let zone = timeZone()
        return config.practices.compactMap { setup in
            nextSlot(of: setup, after: max(cursors[setup.id] ?? now, now), in: zone).map { (setup.id, $0) }
        }.sorted { $0.1 < $1.1 }.prefix(limit).map { $0 }
    }

    /// The earliest of: the next slot of any practice, a pending prompt coming due, a pending
    /// expiry, the end of quiet hours while something waits, and `alsoAt` (times the caller
    /// keeps itself, e.g. when a choice that could not be saved is offered again). `now` is the
    /// caller's moment for the whole step.
    public func nextDeadline(now: Date, alsoAt extra: [Int64: Date] = [:]) -> Date? {
        let zone = timeZone()
        var candidates = config.practices.compactMap { setup in
            nextSlot(of: setup, after: max(cursors[setup.id] ?? now, now), in: zone)
        }
        if let pending = try? journal.pendingPrompts() {
            for prompt in pending {
                candidates.append(prompt.expiresAt)
                if prompt.dueAt > now { candidates.append(prompt.dueAt) }
                if let again = extra[prompt.id], again > now { candidates.append(again) }
            }
            // What quiet hours hold back is shown when they end.
            if !pending.isEmpty, let quiet = config.sparing.quietHours, let end = Self.next(quiet.end, after: now, in: zone) {
                candidates.append(end)
            }
        }
        return candidates.min()
    }

    // MARK: Dates

    static func dayKey(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(c.year ?? 0)-\(twoDigits(c.month ?? 0))-\(twoDigits(c.day ?? 0))"
    }

    /// The next moment at `time` of day strictly after `date`.
    public static func next(_ time: TimeOfDay, after date: Date, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.nextDate(after: date, matching: DateComponents(hour: time.hour, minute: time.minute, second: 0),
                                 matchingPolicy: .nextTime)
    }

    public static func timeOfDay(_ date: Date, in zone: TimeZone) -> TimeOfDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return TimeOfDay(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// "21:00" today, "Tue 07:30" within a week, else "2026-12-24 09:00": `spoken` in the C
    /// locale, for the sd_notify status line and logs, which stay English whatever the person's.
    public static func describe(_ date: Date, now: Date, zone: TimeZone) -> String {
        spoken(date, now: now, zone: zone, locale: .c)
    }

    /// For a person to read: the time today ("21:00", or "9:00 PM" where the locale counts 12
    /// hours), the weekday and time within a week ("Wed 07:00", "Mi 07:00"), else the date
    /// ("2026-12-24 09:00"); a past moment the same way. From glibc's locale data through
    /// `LocaleTime` (no `DateFormatter`: ICU's locale data would cost the daemon some 3 MiB).
    /// `locale` nil: the environment's LC_TIME.
    public static func spoken(_ date: Date, now: Date, zone: TimeZone, locale: LocaleTime? = nil) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let moment = LocaleTime.Moment(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0,
                                       minute: c.minute ?? 0, weekday: (c.weekday ?? 1) - 1)
        let locale = locale ?? (try? LocaleTime()) ?? LocaleTime.c
        let time = locale.time(moment)
        if calendar.isDate(date, inSameDayAs: now) { return time }
        if abs(date.timeIntervalSince(now)) < 6 * 86_400 { return locale.weekdayName(moment.weekday, abbreviated: true) + " " + time }
        return locale.format(moment, "%Y-%m-%d") + " " + time
    }

    /// A time of day as the locale writes it ("22:00", "10:00 PM").
    public static func spoken(_ time: TimeOfDay) -> String {
        let locale = (try? LocaleTime()) ?? LocaleTime.c
        return locale.time(LocaleTime.Moment(year: 2000, month: 1, day: 1, hour: time.hour, minute: time.minute, weekday: 6))
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Finds practices' next slots: calendar expressions and random times. Random times are
/// drawn once per practice and day and kept in the journal, so the daemon, `steady status`
/// and a restart all see the same ones; without a journal (nothing has run yet) they are
/// drawn for the moment only.
public final class SlotFinder {
    let journal: Journal?
    let logger: Logger
    /// Random times already drawn, by practice and day (`yyyy-MM-dd`).
    private var draws: [PracticeID: [String: [Int]]] = [:]

    public init(journal: Journal?, logger: Logger = Logger(label: "steady", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.journal = journal
        self.logger = logger
    }

    func forgetDraws() { draws.removeAll() }

    /// Each practice's next slot after `date`, soonest first.
    public func upcoming(of practices: [PracticeSetup], after date: Date, in zone: TimeZone) -> [(practice: PracticeID, at: Date)] {
        practices.compactMap { setup in nextSlot(of: setup, after: date, in: zone).map { (setup.id, $0) } }.sorted { $0.1 < $1.1 }
    }

    /// The next slot of a practice strictly after `date`: its calendar expressions and its random times.
    public func nextSlot(of setup: PracticeSetup, after date: Date, in zone: TimeZone) -> Date? {
        let fromCalendar = setup.schedule.compactMap { $0.nextElapse(after: date, in: zone) }.min()
        guard let random = setup.random else { return fromCalendar }
        return [fromCalendar, nextRandomSlot(of: setup.id, window: random, after: date, in: zone)].compactMap { $0 }.min()
    }

    /// Random times for the day of `date` and the next.
    private func nextRandomSlot(of practice: PracticeID, window: RandomWindow, after date: Date, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var day = calendar.startOfDay(for: date)
        for _ in 0..<2 {
            let key = CheckInService.dayKey(day, in: zone)
            let minutes = randomTimes(of: practice, window: window, day: key)
            for minute in minutes {
                if let slot = calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: day), slot > date {
                    return slot
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = next
        }
        return nil
    }

    private func randomTimes(of practice: PracticeID, window: RandomWindow, day: String) -> [Int] {
        if let cached = draws[practice]?[day] { return cached }
        var minutes = (try? journal?.randomDraw(of: practice, day: day)) ?? nil
        if minutes == nil {
            var generator = SystemRandomNumberGenerator()
            let drawn = window.draw(using: &generator).map(\.minutes)
            minutes = (try? journal?.storeRandomDraw(of: practice, day: day, minutes: drawn)) ?? drawn
            logger.info("random times drawn", metadata: ["practice.id": "\(practice)", "day": "\(day)", "count": "\(drawn.count)"])
        }
        draws[practice, default: [:]][day] = minutes
        return minutes ?? []
    }
}
