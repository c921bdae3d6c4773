import Foundation
import SteadyJournal
import SteadyKit

extension Engine {
    /// The practice whose ratings can bring the kit's nudge: how settled the evening felt.
    static let eveningPractice: PracticeID = "evening-reflection"

    /// The person's soothing kit: the newest `soothing-kit` entry, if any.
    func soothingKit() -> SoothingKit? {
        guard let entry = (try? journal.entries(kind: SoothingKit.form.id, limit: 1))?.first else { return nil }
        let kit = SoothingKit(entry.response)
        return kit.isEmpty ? nil : kit
    }

    /// A line about the kit beside the safety response: what it holds in the terminal, only a
    /// pointer on a notification (what a person wrote is not put in a bubble). Nil without a kit.
    func kitLine(onNotification: Bool) -> String? {
        guard let kit = soothingKit() else { return nil }
        return onNotification ? SoothingKit.pointer : (kit.reminder ?? SoothingKit.pointer)
    }

    /// The kit, gently, once, when this answer makes a run of unsettled evenings long enough
    /// (`KitNudge`); nil otherwise.
    func kitNudge(after prompt: PromptRecord, value: AnswerValue, onNotification: Bool) -> String? {
        guard prompt.practice == Self.eveningPractice, prompt.kind == .scheduled, case .number(let rating) = value,
              KitNudge.lowRatings.contains(rating),
              let ratings = try? journal.recentScheduledNumbers(of: Self.eveningPractice, limit: KitNudge.evenings + 1),
              KitNudge.shouldShow(ratingsNewestFirst: ratings) else { return nil }
        logger.info("soothing kit offered after unsettled evenings", metadata: ["prompt.id": "\(prompt.id)"])
        return KitNudge.line(kit: soothingKit(), onNotification: onNotification)
    }
}
