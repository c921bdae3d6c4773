import Foundation
import SteadyCalendar
import SteadyConfig
import SteadyJournal
import SteadyKit

extension Engine {
    /// How far back slots missed while steady was not running are recorded.
    static let missedLookback: TimeInterval = 7 * 86_400
    /// A difference between wall-clock and monotonic time larger than this between two
    /// wakeups means the clock was set or the machine slept.
    static let jumpThreshold: TimeInterval = 5

    /// The heart of the engine: expire what is over, create prompts for due slots, show what
    /// is due, and arm the timer for the next thing. Runs on every timer fire and after
    /// start, reload, answers, resume, clock and time-zone changes.
    func tick() {
        let now = env.clock.now
        noticeTimeJump(now: now)
        // Catching up after a long suspend is done a bounded piece per tick: between two
        // ticks the queue answers the watchdog, signals and the control socket.
        let started = env.clock.monotonic
        var caughtUp = true
        for setup in config.practices {
            guard env.clock.monotonic - started < Self.tickBudget else {
                caughtUp = false
                break
            }
            caughtUp = createDuePrompts(for: setup, now: now) && caughtUp
        }
        deliverDue(now: now)  // first: what is due goes on the bus before any bookkeeping
        expireOverdue(now: now)
        arm(caughtUp ? nextDeadline(now: now) : now)
        env.notifier.status(statusLine())
        ticksSinceCheckpoint += 1
        if ticksSinceCheckpoint >= Self.ticksPerCheckpoint {
            // After delivery, never before it (the journal is opened with checkpointsByHand).
            journal.checkpoint()
            ticksSinceCheckpoint = 0
        }
    }

    /// How many ticks go by between WAL checkpoints: each tick writes a few pages, so the WAL
    /// stays well under SQLite's usual 1000-page mark.
    static let ticksPerCheckpoint = 32

    /// Compares wall-clock and monotonic time since the last wakeup; a jump is logged and
    /// recorded. Deadlines need no special care: every tick recomputes them from the
    /// journal and the schedules, and the catch-up rule decides about slots that passed.
    private func noticeTimeJump(now: Date) {
        let monotonic = env.clock.monotonic
        defer { lastWakeup = (now, monotonic) }
        guard let last = lastWakeup else { return }
        let drift = now.timeIntervalSince(last.wall) - (monotonic - last.monotonic)
        guard abs(drift) > Self.jumpThreshold else { return }
        let seconds = Int(drift.rounded())
        logger.notice("the clock jumped or the machine slept; recomputing", metadata: ["seconds": "\(seconds)"])
        record("clock-jump", detail: "\(seconds)s")
    }

    /// How many passed slots of one practice a tick records; more wait for the next tick.
    static let catchUpBatch = 200
    /// How long one tick may spend creating prompts before it leaves the rest to the next.
    static let tickBudget: Double = 1

    /// Slots of `setup` in (cursor, now]: the latest within the grace period becomes a prompt;
    /// earlier ones are recorded as missed. Never the same slot twice (the journal's unique key).
    /// Records at most `catchUpBatch` slots; returns false when more are left for the next tick.
    private func createDuePrompts(for setup: PracticeSetup, now: Date) -> Bool {
        let zone = env.timeZone()
        var cursor = max(cursors[setup.id] ?? now, now.addingTimeInterval(-Self.missedLookback))
        var due: [Date] = []
        while due.count <= Self.catchUpBatch, let slot = nextSlot(of: setup, after: cursor, in: zone), slot <= now {
            due.append(slot)
            cursor = slot
        }
        if due.count > Self.catchUpBatch {
            // More slots passed than one tick records: all of these are long gone.
            recordMissed(setup, slots: due, now: now)
            cursors[setup.id] = cursor
            return false
        }
        cursors[setup.id] = max(cursors[setup.id] ?? now, now)
        guard let latest = due.last else { return true }
        recordMissed(setup, slots: Array(due.dropLast()), now: now)
        let late = now.timeIntervalSince(latest)
        if late > TimeInterval(config.sparing.gracePeriod.seconds) {
            createPrompt(setup, slot: latest, now: now, outcome: .missed, reason: "past the grace period")
        } else if let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(latest, in: zone)) {
            if setup.quietHoursPolicy == .defer, let end = Self.next(quiet.end, after: latest, in: zone) {
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
                        expiresAt: $0.addingTimeInterval(expireAfter), outcome: .missed, reason: "asleep or not running")
        }
        do {
            let recorded = try journal.recordPrompts(drafts)
            logger.info("passed slots recorded as missed", metadata: ["practice.id": "\(setup.id)", "count": "\(recorded.count)"])
        } catch {
            logger.error("could not record missed slots", metadata: ["practice.id": "\(setup.id)", "error": "\(error)"])
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

    /// The next slot of a practice strictly after `date`: its calendar expressions and its random times.
    func nextSlot(of setup: PracticeSetup, after date: Date, in zone: TimeZone) -> Date? {
        let fromCalendar = setup.schedule.compactMap { $0.nextElapse(after: date, in: zone) }.min()
        guard let random = setup.random else { return fromCalendar }
        return [fromCalendar, nextRandomSlot(of: setup.id, window: random, after: date, in: zone)].compactMap { $0 }.min()
    }

    /// Random times for the day of `date` and the next; drawn once per day and kept in the journal.
    private func nextRandomSlot(of practice: PracticeID, window: RandomWindow, after date: Date, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var day = calendar.startOfDay(for: date)
        for _ in 0..<2 {
            let key = Self.dayKey(day, in: zone)
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
        if let cached = randomDraws[practice]?[day] { return cached }
        var minutes = (try? journal.randomDraw(of: practice, day: day)) ?? nil
        if minutes == nil {
            var generator = SystemRandomNumberGenerator()
            let drawn = window.draw(using: &generator).map(\.minutes)
            minutes = (try? journal.storeRandomDraw(of: practice, day: day, minutes: drawn)) ?? drawn
            logger.info("random times drawn", metadata: ["practice.id": "\(practice)", "day": "\(day)", "count": "\(drawn.count)"])
        }
        randomDraws[practice, default: [:]][day] = minutes
        return minutes ?? []
    }

    static func dayKey(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(c.year ?? 0)-\(twoDigits(c.month ?? 0))-\(twoDigits(c.day ?? 0))"
    }

    /// The next moment at `time` of day strictly after `date`.
    static func next(_ time: TimeOfDay, after date: Date, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.nextDate(after: date, matching: DateComponents(hour: time.hour, minute: time.minute, second: 0),
                                 matchingPolicy: .nextTime)
    }

    private func createPrompt(_ setup: PracticeSetup, slot: Date, now: Date, outcome: Outcome, due: Date? = nil, reason: String? = nil) {
        var occasion = Occasion.scheduled(at: slot, timeZone: env.timeZone())
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
            logger.error("could not record a prompt", metadata: ["practice.id": "\(setup.id)", "error": "\(error)"])
        }
    }

    private func offeredToday(now: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return (try? journal.offeredCount(since: calendar.startOfDay(for: now))) ?? 0
    }

    /// Ends pending prompts whose expiry has passed and takes down their bubbles.
    private func expireOverdue(now: Date) {
        guard let pending = try? journal.pendingPrompts() else { return }
        for prompt in pending where prompt.expiresAt <= now {
            retries[prompt.id] = nil
            let outcome: Outcome = prompt.deliveredAt == nil ? .undelivered : .expired
            if (try? journal.finish(prompt.id, as: outcome, at: now)) == true {
                logger.info("prompt ended unanswered", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)", "outcome": "\(outcome.rawValue)"])
            }
            withdraw(prompt.id)
        }
    }

    /// Shows pending prompts that are due and not on screen: those never shown, or — when a
    /// notification server has just appeared — every one still waiting (shown once more).
    /// During quiet hours only what the person just asked for is shown (`isAskedFor`); the
    /// rest waits for their end, if it has not expired by then.
    func deliverDue(now: Date, includingShownBefore: Bool = false) {
        guard let channel, channel.isAvailable, let pending = try? journal.pendingPrompts() else { return }
        let quiet = quietHours(containing: now) != nil
        for prompt in pending where prompt.dueAt <= now && prompt.expiresAt > now && shown[prompt.id] == nil
            && (prompt.deliveredAt == nil || includingShownBefore || retries[prompt.id].map { $0 <= now } == true)
            && (!quiet || Self.isAskedFor(prompt))
        {
            show(prompt, on: channel, replacing: nil)
        }
    }

    func show(_ prompt: PromptRecord, on channel: any PromptChannel, replacing handle: UInt32?) {
        let prompt = withFreshWords(prompt)
        // In place of the notice left by this prompt ("I'll ask again…") or by the answer that led to it.
        let handle = handle ?? notices.removeValue(forKey: prompt.id) ?? leftBehind.removeValue(forKey: prompt.id)
            ?? prompt.parentID.flatMap { notices.removeValue(forKey: $0) }
        shown[prompt.id] = handle ?? 0 // reserved while the call is in flight
        let offer = Offer(prompt: prompt, actions: actions(for: prompt), urgency: config.practice(prompt.practice)?.urgency ?? .low)
        channel.show(offer, replacing: handle) { [unowned self] result in
            switch result {
            case .success(let handle):
                shown[prompt.id] = handle
                retries[prompt.id] = nil
                do {
                    try journal.markDelivered(prompt.id, at: env.clock.now, channel: channel.name,
                                              bubble: channel.instance.map { ($0, handle) })
                } catch {
                    logger.error("could not record a delivery", metadata: ["prompt.id": "\(prompt.id)", "error": "\(error)"])
                }
                logger.info("prompt shown", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)"])
                env.notifier.status(statusLine())
            case .failure(let error):
                shown[prompt.id] = nil
                logger.warning("prompt could not be shown; it stays pending", metadata: ["prompt.id": "\(prompt.id)", "error": "\(error)"])
            }
        }
    }

    /// The practice's choices, then steady's own: "Answer…" for text, "Guide me" where the
    /// practice has a guide and a terminal exists, "Later" while snoozes remain, and "Skip"
    /// where the practice has no way to let it pass.
    func actions(for prompt: PromptRecord) -> [Choice] {
        var actions = prompt.content.request.actionChoices
        if case .text = prompt.content.request { actions.append(Choice(key: GenericAction.answer, label: "Answer…")) }
        if config.practice(prompt.practice)?.practice.guideCommand != nil, TerminalLauncher.terminal() != nil {
            actions.append(Choice(key: GenericAction.guide, label: "Guide me"))
        }
        if prompt.snoozes < config.sparing.snoozeLimit { actions.append(Choice(key: GenericAction.later, label: "Later")) }
        if !actions.contains(where: { $0.key == "not-now" }) { actions.append(Choice(key: GenericAction.skip, label: "Skip")) }
        return actions
    }

    func withdraw(_ promptID: Int64) {
        if let handle = shown.removeValue(forKey: promptID), handle != 0 {
            channel?.withdraw(handle)
        }
        if let handle = notices.removeValue(forKey: promptID) {
            channel?.withdraw(handle)
        }
        if let handle = leftBehind.removeValue(forKey: promptID) {
            channel?.withdraw(handle)
        }
    }

    /// Takes over the bubbles an earlier daemon left on this server when it did not stop
    /// cleanly: those of prompts still waiting are shown again in place (see `show`), those of
    /// prompts that ended meanwhile (answered in the terminal, say) are taken down. Records
    /// about other servers (gone, and their bubbles with them) are forgotten.
    func adoptBubblesLeftBehind() {
        guard let channel, let instance = channel.instance,
              let recorded = try? journal.recordedBubbles(), !recorded.isEmpty else { return }
        let here = recorded.filter { $0.server == instance }
        let waiting = here.filter(\.isPending)
        for bubble in waiting where shown[bubble.promptID] == nil { leftBehind[bubble.promptID] = bubble.handle }
        let inUse = Set(waiting.map(\.handle))
        // A prompt that ended while its bubble was up: a dead button now. A notice (a thank-you,
        // the safety lines) stays for the person to read, and closes as it would have.
        for handle in Set(here.filter { !$0.isPending && !$0.showsNotice }.map(\.handle)).subtracting(inUse) {
            channel.withdraw(handle)
        }
        let stale = recorded.filter { $0.server != instance || !$0.isPending }.map(\.promptID)
        guard !stale.isEmpty else { return }
        do { try journal.forgetBubbles(of: stale) } catch {
            logger.error("could not forget the bubbles of ended prompts", metadata: ["error": "\(error)"])
        }
    }

    /// Turns the bubble showing a prompt into a short notice, in place (`replaces_id`), for
    /// what the person just did on that bubble. Without a bubble nothing is shown.
    func replaceBubble(of promptID: Int64, with notice: Notice) {
        guard let channel, let handle = shown.removeValue(forKey: promptID), handle != 0 else { return }
        notices[promptID] = handle
        channel.showNotice(notice, replacing: handle) { [unowned self] newHandle in
            guard notices[promptID] == handle else { return }  // taken over meanwhile
            notices[promptID] = newHandle
            noteNotice(newHandle, aboutPrompt: promptID)
        }
    }

    /// Records that a bubble now shows a notice about the prompt, not the prompt: a daemon
    /// started after a crash leaves it up rather than taking it for a stale prompt.
    private func noteNotice(_ handle: UInt32?, aboutPrompt promptID: Int64) {
        guard let handle, let server = channel?.instance else { return }
        do { try journal.recordNotice(aboutPrompt: promptID, server: server, handle: handle) } catch {
            logger.error("could not record a notice", metadata: ["prompt.id": "\(promptID)", "error": "\(error)"])
        }
    }

    /// Shows `notice` about a prompt where the person last saw it: in place of its bubble, or
    /// of the notice already about it, else as a bubble of its own. The prompt, when it comes
    /// back, takes that bubble's place.
    func tell(_ notice: Notice, aboutPrompt promptID: Int64) {
        if let handle = shown[promptID], handle != 0 {
            replaceBubble(of: promptID, with: notice)
            return
        }
        guard let channel else { return }
        let earlier = notices[promptID]
        notices[promptID] = earlier ?? 0
        channel.showNotice(notice, replacing: earlier) { [unowned self] newHandle in
            guard notices[promptID] == earlier ?? 0 else { return }  // taken over meanwhile
            notices[promptID] = newHandle
            noteNotice(newHandle, aboutPrompt: promptID)
        }
    }

    /// Leaves the bubble of an answered prompt to the follow-up that comes right after it.
    func handOverBubble(of promptID: Int64) {
        if let handle = shown.removeValue(forKey: promptID), handle != 0 { notices[promptID] = handle }
    }

    /// The earliest of: the next slot of any practice, a pending prompt coming due, a pending expiry.
    private func nextDeadline(now: Date) -> Date? {
        let zone = env.timeZone()
        var candidates = config.practices.compactMap { setup in
            nextSlot(of: setup, after: max(cursors[setup.id] ?? now, now), in: zone)
        }
        if let pending = try? journal.pendingPrompts() {
            for prompt in pending {
                candidates.append(prompt.expiresAt)
                if prompt.dueAt > now { candidates.append(prompt.dueAt) }
                if let again = retries[prompt.id], again > now { candidates.append(again) }
            }
            // What quiet hours hold back is shown when they end.
            if !pending.isEmpty, let quiet = config.sparing.quietHours, let end = Self.next(quiet.end, after: now, in: zone) {
                candidates.append(end)
            }
        }
        return candidates.min()
    }

    static func timeOfDay(_ date: Date, in zone: TimeZone) -> TimeOfDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return TimeOfDay(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// Upcoming scheduled prompts, soonest first.
    func upcoming(limit: Int = 5) -> [(PracticeID, Date)] {
        let now = env.clock.now
        let zone = env.timeZone()
        return config.practices.compactMap { setup in
            nextSlot(of: setup, after: max(cursors[setup.id] ?? now, now), in: zone).map { (setup.id, $0) }
        }.sorted { $0.1 < $1.1 }.prefix(limit).map { $0 }
    }

    /// The line for `systemctl status`: "next: evening-reflection at 21:00 · 2 pending".
    func statusLine() -> String {
        var parts: [String] = []
        if let (practice, at) = upcoming(limit: 1).first {
            parts.append("next: \(practice) at \(Self.describe(at, now: env.clock.now, zone: env.timeZone()))")
        } else {
            parts.append("nothing scheduled")
        }
        let pending = (try? journal.pendingPrompts().filter { $0.dueAt <= env.clock.now }.count) ?? 0
        if pending > 0 { parts.append("\(pending) pending") }
        if let reloadProblem { parts.append("config error, previous settings kept: \(reloadProblem)") }
        if controlProblem != nil { parts.append("no control socket, the CLI uses the journal directly") }
        return parts.joined(separator: " · ")
    }

    /// "21:00" today, "Tue 07:30" within a week, else "2026-12-24 09:00".
    ///
    /// Put together from calendar fields rather than with a `DateFormatter`: a formatter
    /// loads ICU's locale data, some 3 MiB of the daemon's memory for a few digits.
    static func describe(_ date: Date, now: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let time = "\(twoDigits(c.hour ?? 0)):\(twoDigits(c.minute ?? 0))"
        if calendar.isDate(date, inSameDayAs: now) { return time }
        if date.timeIntervalSince(now) < 6 * 86_400 {
            return "\(WeekdayName.short(sundayBased: (c.weekday ?? 1) - 1)) \(time)"
        }
        return "\(c.year ?? 0)-\(twoDigits(c.month ?? 0))-\(twoDigits(c.day ?? 0)) \(time)"
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Keys of the actions steady adds to every prompt (reserved: practices never use `steady:`).
enum GenericAction {
    static let answer = "steady:answer"
    static let later = "steady:later"
    static let skip = "steady:skip"
    /// Opens a terminal running the practice's guide (`Practice.guideCommand`).
    static let guide = "steady:guide"
    /// The spec's key for clicking the notification itself: opens the answer dialog.
    static let defaultKey = "default"
}

/// A prompt as offered on a channel: the record, the actions to show, how urgent it looks.
struct Offer {
    var prompt: PromptRecord
    var actions: [Choice]
    var urgency: Urgency
}
