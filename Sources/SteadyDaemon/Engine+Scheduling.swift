import Foundation
import SteadyCalendar
import SteadyCheckIn
import SteadyConfig
import SteadyJournal
import SteadyKit
import SteadyLocalization

extension Engine {
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
            caughtUp = checkIn.createDuePrompts(for: setup, now: now) && caughtUp
        }
        deliverDue(now: now)  // first: what is due goes on the bus before any bookkeeping
        expireOverdue(now: now)
        arm(caughtUp ? checkIn.nextDeadline(now: now, alsoAt: retries) : now)
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
    static let catchUpBatch = CheckInService.catchUpBatch
    /// How long one tick may spend creating prompts before it leaves the rest to the next.
    static let tickBudget: Double = 1

    /// Ends pending prompts whose expiry has passed and takes down their bubbles.
    private func expireOverdue(now: Date) {
        for promptID in checkIn.expireOverdue(now: now) {
            retries[promptID] = nil
            withdraw(promptID)
        }
    }

    /// Shows pending prompts that are due and not on screen: those never shown, or — when a
    /// notification server has just appeared — every one still waiting (shown once more).
    /// During quiet hours only what the person just asked for is shown (`isAskedFor`); the
    /// rest waits for their end, if it has not expired by then.
    func deliverDue(now: Date, includingShownBefore: Bool = false) {
        guard bubbles.isAvailable, let pending = try? journal.pendingPrompts() else { return }
        let quiet = checkIn.quietHours(containing: now) != nil
        for prompt in pending where prompt.dueAt <= now && prompt.expiresAt > now && !bubbles.isShowing(prompt.id)
            && (prompt.deliveredAt == nil || includingShownBefore || retries[prompt.id].map { $0 <= now } == true)
            && (!quiet || CheckInService.isAskedFor(prompt))
        {
            show(prompt)
        }
    }

    /// Shows a prompt with its words for now; the channel puts it in the right bubble.
    func show(_ prompt: PromptRecord) {
        let prompt = checkIn.withFreshWords(prompt)
        let offer = Offer(prompt: prompt, actions: actions(for: prompt), urgency: config.practice(prompt.practice)?.urgency ?? .low)
        bubbles.show(offer) { [unowned self] result in
            switch result {
            case .success(let delivery):
                retries[prompt.id] = nil
                do {
                    try journal.markDelivered(prompt.id, at: env.clock.now, channel: delivery.channel,
                                              bubble: delivery.bubble.map { ($0.server, $0.handle) })
                } catch {
                    logger.error("could not record a delivery", metadata: ["prompt.id": "\(prompt.id)", "error": "\(Localization.english(error))"])
                }
                logger.info("prompt shown", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)"])
                env.notifier.status(statusLine())
            case .failure(let error):
                logger.warning("prompt could not be shown; it stays pending", metadata: ["prompt.id": "\(prompt.id)", "error": "\(Localization.english(error))"])
            }
        }
    }

    /// The practice's choices, then steady's own: "Answer…" for text, "Guide me" where the
    /// practice has a guide and a terminal exists, "Later" while snoozes remain, and "Skip"
    /// where the practice has no way to let it pass.
    func actions(for prompt: PromptRecord) -> [Choice] {
        var actions = prompt.content.request.actionChoices
        if case .text = prompt.content.request { actions.append(Choice(key: GenericAction.answer, label: tr("Answer…"))) }
        if config.practice(prompt.practice)?.practice.guideCommand != nil, TerminalLauncher.terminal() != nil {
            actions.append(Choice(key: GenericAction.guide, label: tr("Guide me")))
        }
        if prompt.snoozes < config.sparing.snoozeLimit { actions.append(Choice(key: GenericAction.later, label: tr("Later"))) }
        if !actions.contains(where: { $0.key == "not-now" }) { actions.append(Choice(key: GenericAction.skip, label: tr("Skip"))) }
        return actions
    }

    /// Takes down every bubble about the prompt.
    func withdraw(_ promptID: Int64) { bubbles.withdraw(promptID) }

    /// Turns the bubble showing a prompt into a short notice, in place.
    func replaceBubble(of promptID: Int64, with notice: Notice) { bubbles.replace(promptID, with: notice) }

    /// Shows `notice` about a prompt where the person last saw it.
    func tell(_ notice: Notice, aboutPrompt promptID: Int64) { bubbles.tell(notice, aboutPrompt: promptID) }

    /// Leaves the bubble of an answered prompt to the follow-up that comes right after it.
    func handOverBubble(of promptID: Int64) { bubbles.handOver(promptID) }

    /// Upcoming scheduled prompts, soonest first.
    func upcoming(limit: Int = 5) -> [(practice: PracticeID, at: Date)] { checkIn.upcoming(limit: limit) }

    /// The line for `systemctl status`: "next: evening-reflection at 21:00 · 2 pending".
    func statusLine() -> String {
        var parts: [String] = []
        if let (practice, at) = upcoming(limit: 1).first {
            // English: STATUS= stays English
            parts.append("next: \(practice) at \(Self.describe(at, now: env.clock.now, zone: env.timeZone()))")
        } else {
            parts.append("nothing scheduled")
        }
        let pending = (try? checkIn.waiting().count) ?? 0
        if pending > 0 { parts.append("\(pending) pending") }
        // English: STATUS= stays English
        if let reloadProblem { parts.append("config error, previous settings kept: \(reloadProblem)") }
        // English: STATUS= stays English
        if controlProblem != nil { parts.append("no control socket, the CLI uses the journal directly") }
        return parts.joined(separator: " · ")
    }

    /// "21:00" today, "Tue 07:30" within a week, else "2026-12-24 09:00" (see `CheckInService.describe`).
    static func describe(_ date: Date, now: Date, zone: TimeZone) -> String {
        CheckInService.describe(date, now: now, zone: zone)
    }

    /// "I'll ask again at …", in the person's language, the time as their locale writes it.
    static func askAgain(at date: Date, now: Date, zone: TimeZone) -> String {
        // TRANSLATORS: when a prompt comes back: a time ("21:00", "9:00 PM"), a weekday and time ("Wed 07:00"), or a date and time.
        tr("I'll ask again at %1$@.", spokenMoment(date, now: now, zone: zone))
    }

    /// The moment as the person's locale writes it (`CheckInService.spoken`).
    static func spokenMoment(_ date: Date, now: Date, zone: TimeZone) -> String {
        CheckInService.spoken(date, now: now, zone: zone)
    }
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
