import Foundation
import SteadyConfig
import SteadyJournal
import SteadyKit

extension Engine {
    /// How far back slots missed while steady was not running are recorded.
    static let missedLookback: TimeInterval = 7 * 86_400

    /// The heart of the engine: expire what is over, create prompts for due slots, show what
    /// is due, and arm the timer for the next thing. Runs on every timer fire and after
    /// start, reload, answers and channel changes.
    func tick() {
        let now = env.clock.now
        expireOverdue(now: now)
        for setup in config.practices {
            createDuePrompts(for: setup, now: now)
        }
        deliverDue(now: now)
        arm(nextDeadline(now: now))
        env.notifier.status(statusLine())
    }

    /// Slots of `setup` in (cursor, now]: the latest within the grace period becomes a prompt;
    /// earlier ones are recorded as missed. Never the same slot twice (the journal's unique key).
    private func createDuePrompts(for setup: PracticeSetup, now: Date) {
        let zone = env.timeZone()
        var cursor = max(cursors[setup.id] ?? now, now.addingTimeInterval(-Self.missedLookback))
        var due: [Date] = []
        while let slot = nextSlot(of: setup, after: cursor, in: zone), slot <= now {
            due.append(slot)
            cursor = slot
        }
        cursors[setup.id] = now
        guard let latest = due.last else { return }
        for slot in due.dropLast() {
            createPrompt(setup, slot: slot, now: now, outcome: .missed)
        }
        let late = now.timeIntervalSince(latest)
        if late > TimeInterval(config.sparing.gracePeriod.seconds) {
            createPrompt(setup, slot: latest, now: now, outcome: .missed)
        } else if let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(latest, in: zone)) {
            createPrompt(setup, slot: latest, now: now, outcome: .suppressed, reason: "quiet hours")
        } else if deliveredToday(now: now, in: zone) >= config.sparing.dailyLimit {
            createPrompt(setup, slot: latest, now: now, outcome: .suppressed, reason: "daily limit")
        } else {
            createPrompt(setup, slot: latest, now: now, outcome: .pending)
        }
    }

    func nextSlot(of setup: PracticeSetup, after date: Date, in zone: TimeZone) -> Date? {
        setup.schedule.compactMap { $0.nextElapse(after: date, in: zone) }.min()
    }

    private func createPrompt(_ setup: PracticeSetup, slot: Date, now: Date, outcome: Outcome, reason: String? = nil) {
        let content = setup.practice.prompt(for: .scheduled(at: slot, timeZone: env.timeZone()))
        let due = outcome == .pending ? now : slot
        do {
            guard let record = try journal.recordPrompt(
                practice: setup.id, slot: slot, content: content, createdAt: now, dueAt: due,
                expiresAt: due.addingTimeInterval(TimeInterval(config.sparing.expireAfter.seconds)), outcome: outcome)
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

    private func deliveredToday(now: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return (try? journal.deliveredCount(since: calendar.startOfDay(for: now))) ?? 0
    }

    /// Ends pending prompts whose expiry has passed and takes down their bubbles.
    private func expireOverdue(now: Date) {
        guard let pending = try? journal.pendingPrompts() else { return }
        for prompt in pending where prompt.expiresAt <= now {
            let outcome: Outcome = prompt.deliveredAt == nil ? .undelivered : .expired
            if (try? journal.finish(prompt.id, as: outcome, at: now)) == true {
                logger.info("prompt ended unanswered", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)", "outcome": "\(outcome.rawValue)"])
            }
            withdraw(prompt.id)
        }
    }

    /// Shows pending prompts that are due and not on screen: those never shown, or — when a
    /// notification server has just appeared — every one still waiting (shown once more).
    func deliverDue(now: Date, includingShownBefore: Bool = false) {
        guard let channel, channel.isAvailable, let pending = try? journal.pendingPrompts() else { return }
        for prompt in pending where prompt.dueAt <= now && shown[prompt.id] == nil
            && (prompt.deliveredAt == nil || includingShownBefore)
        {
            show(prompt, on: channel, replacing: nil)
        }
    }

    func show(_ prompt: PromptRecord, on channel: any PromptChannel, replacing handle: UInt32?) {
        shown[prompt.id] = handle ?? 0 // reserved while the call is in flight
        channel.show(prompt, replacing: handle) { [unowned self] result in
            switch result {
            case .success(let handle):
                shown[prompt.id] = handle
                do {
                    try journal.markDelivered(prompt.id, at: env.clock.now, channel: "notification")
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

    func withdraw(_ promptID: Int64) {
        if let handle = shown.removeValue(forKey: promptID), handle != 0 {
            channel?.withdraw(handle)
        }
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
        let pending = (try? journal.pendingPrompts().count) ?? 0
        if pending > 0 { parts.append("\(pending) pending") }
        if let reloadProblem { parts.append("config error, previous settings kept: \(reloadProblem)") }
        return parts.joined(separator: " · ")
    }

    /// "21:00" today, "Tue 07:30" within a week, else "2026-12-24 09:00".
    static func describe(_ date: Date, now: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        if calendar.isDate(date, inSameDayAs: now) {
            formatter.dateFormat = "HH:mm"
        } else if date.timeIntervalSince(now) < 6 * 86_400 {
            formatter.dateFormat = "EEE HH:mm"
        } else {
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
        }
        return formatter.string(from: date)
    }
}
