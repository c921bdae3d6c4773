import Foundation
import SteadyJournal
import SteadyKit

extension Engine {
    /// A check-in that follows an entry (the trigger journal's "how did it settle?", a
    /// request's "how did it go?") with its words built for the moment it is shown: how long
    /// ago the entry was, seen from now, not from when the check-in was scheduled. The journal
    /// keeps the words as shown. Other prompts are returned as they are.
    func withFreshWords(_ prompt: PromptRecord) -> PromptRecord {
        guard prompt.kind == .followUp, let entryID = prompt.entryID, let key = prompt.followUpKey,
              let setup = config.practice(prompt.practice), let entry = try? journal.entry(entryID) else { return prompt }
        let zone = env.timeZone()
        let occasion = Occasion(reason: .followUp(key: key, after: nil), slot: prompt.slot,
                                dayNumber: Occasion.dayNumber(of: prompt.slot, in: zone),
                                lookBack: Occasion.LookBack(from: entry.createdAt, to: env.clock.now, in: zone))
        let fresh = setup.practice.prompt(for: occasion)
        // The same question with other words only: the answers it takes never change under the person.
        guard fresh.request == prompt.content.request, fresh != prompt.content else { return prompt }
        do {
            try journal.updateContent(of: prompt.id, to: fresh)
        } catch {
            logger.error("could not record a prompt's words", metadata: ["prompt.id": "\(prompt.id)", "error": "\(error)"])
        }
        var updated = prompt
        updated.content = fresh
        return updated
    }
}
