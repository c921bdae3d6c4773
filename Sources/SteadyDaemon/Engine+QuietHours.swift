import Foundation
import SteadyJournal
import SteadyKit

extension Engine {
    /// Quiet hours as they apply to a moment: when they started and when they end.
    struct QuietStretch {
        var start: TimeOfDay
        /// The next end of quiet hours after the moment.
        var end: Date?
    }

    /// The quiet hours `date` falls in, if it falls in them.
    func quietHours(containing date: Date) -> QuietStretch? {
        let zone = env.timeZone()
        guard let quiet = config.sparing.quietHours, quiet.contains(Self.timeOfDay(date, in: zone)) else { return nil }
        return QuietStretch(start: quiet.start, end: Self.next(quiet.end, after: date, in: zone))
    }

    /// Whether a prompt may be shown during quiet hours: only what the person asked for just
    /// now, the next question right after their answer (a follow-up due the moment it was made).
    static func isAskedFor(_ prompt: PromptRecord) -> Bool {
        prompt.kind == .followUp && prompt.dueAt == prompt.createdAt && prompt.snoozes == 0
    }

    /// "Later" (or "15 more minutes") would ask again inside quiet hours: the prompt rests
    /// instead, ending as held back by quiet hours, and the bubble says so.
    func restThroughQuietHours(_ prompt: PromptRecord, startingAt start: TimeOfDay, onBubble: Bool) throws -> AnswerResult {
        let now = env.clock.now
        _ = try journal.finish(prompt.id, as: .suppressed, at: now, detail: "quiet hours")
        let words = "Quiet hours begin at \(start), so I'll let this one rest until next time."
        if onBubble {
            replaceBubble(of: prompt.id, with: Notice(title: prompt.content.title, body: words))
        } else {
            withdraw(prompt.id)
        }
        logger.info("prompt rests through quiet hours", metadata: ["practice.id": "\(prompt.practice)", "prompt.id": "\(prompt.id)",
                                                                   "outcome": "suppressed"])
        if isRunning { tick() }
        return .recorded(acknowledgement: words)
    }
}
