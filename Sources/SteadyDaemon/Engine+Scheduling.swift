import Foundation
import SteadyCheckIn
import SteadyConfig
import SteadyJournal
import SteadyKit

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
        guard let channel, channel.isAvailable, let pending = try? journal.pendingPrompts() else { return }
        let quiet = checkIn.quietHours(containing: now) != nil
        for prompt in pending where prompt.dueAt <= now && prompt.expiresAt > now && shown[prompt.id] == nil
            && (prompt.deliveredAt == nil || includingShownBefore || retries[prompt.id].map { $0 <= now } == true)
            && (!quiet || CheckInService.isAskedFor(prompt))
        {
            show(prompt, on: channel, replacing: nil)
        }
    }

    func show(_ prompt: PromptRecord, on channel: any PromptChannel, replacing handle: UInt32?) {
        let prompt = checkIn.withFreshWords(prompt)
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

    /// Upcoming scheduled prompts, soonest first.
    func upcoming(limit: Int = 5) -> [(practice: PracticeID, at: Date)] { checkIn.upcoming(limit: limit) }

    /// The line for `systemctl status`: "next: evening-reflection at 21:00 · 2 pending".
    func statusLine() -> String {
        var parts: [String] = []
        if let (practice, at) = upcoming(limit: 1).first {
            parts.append("next: \(practice) at \(Self.describe(at, now: env.clock.now, zone: env.timeZone()))")
        } else {
            parts.append("nothing scheduled")
        }
        let pending = (try? checkIn.waiting().count) ?? 0
        if pending > 0 { parts.append("\(pending) pending") }
        if let reloadProblem { parts.append("config error, previous settings kept: \(reloadProblem)") }
        if controlProblem != nil { parts.append("no control socket, the CLI uses the journal directly") }
        return parts.joined(separator: " · ")
    }

    /// "21:00" today, "Tue 07:30" within a week, else "2026-12-24 09:00" (see `CheckInService.describe`).
    static func describe(_ date: Date, now: Date, zone: TimeZone) -> String {
        CheckInService.describe(date, now: now, zone: zone)
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
