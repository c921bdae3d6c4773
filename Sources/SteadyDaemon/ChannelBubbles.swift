import SteadyLocalization
import Logging
import SteadyJournal

/// What the person (or the server) did, by prompt: what `ChannelBubbles` reports to the engine.
enum PromptEvent {
    /// An action was chosen on the bubble showing the prompt.
    case chose(promptID: Int64, key: String)
    /// Text was typed into the bubble showing the prompt (inline reply).
    case replied(promptID: Int64, text: String)
    /// The bubble showing the prompt went away without an answer (expired on screen, dismissed, closed).
    case dismissed(promptID: Int64, reason: String)
    /// A notification server appeared: pending prompts may be shown.
    case serverAppeared
    /// The server went away: bubbles are gone, prompts stay pending.
    case serverGone
}

/// The bubbles of the channel, by prompt: which bubble shows which prompt, which shows a notice
/// about it, and which an earlier daemon left showing it. The engine speaks of prompts only;
/// handles, in-place replacement (`replaces_id`) and notices stay here, and the channel's
/// events come out by prompt id (`onEvent`).
///
/// Bubbles outlive the process on a notification server: each is recorded in the journal with
/// its server, so a daemon started after a crash takes them over (`adoptBubblesLeftBehind`).
/// On the engine queue, like the channel.
final class ChannelBubbles {
    private let journal: Journal
    private let logger: Logger
    /// The channel that shows the bubbles; nil until the engine starts.
    private var channel: (any PromptChannel)?
    /// Prompt id ↔ channel handle of the bubble currently showing it (0 while the call is in flight).
    private var shown: [Int64: UInt32] = [:]
    /// Prompt id → bubble that showed it and now shows a notice about it (or is handed to its
    /// follow-up): the next bubble for that prompt, or its follow-up, replaces it in place.
    private var notices: [Int64: UInt32] = [:]
    /// Prompt id → bubble an earlier daemon left showing it (killed, crashed): the prompt is
    /// shown again in that bubble, in place, so one bubble shows it, not two.
    private var leftBehind: [Int64: UInt32] = [:]
    /// Called with what happened, by prompt id.
    var onEvent: ((PromptEvent) -> Void)?

    init(journal: Journal, logger: Logger) {
        self.journal = journal
        self.logger = logger
    }

    /// Uses `channel` from now on; the earlier one is disconnected and its bubbles forgotten.
    func attach(_ channel: any PromptChannel) {
        self.channel?.disconnect()
        forgetAll()
        self.channel = channel
        channel.onEvent = { [unowned self] event in receive(event) }
        channel.connect()
    }

    /// Disconnects the channel; no events after this.
    func disconnect() { channel?.disconnect() }

    var isAvailable: Bool { channel?.isAvailable == true }
    var serverName: String? { channel?.serverName }

    /// Whether a bubble shows the prompt (or is being put up for it).
    func isShowing(_ promptID: Int64) -> Bool { shown[promptID] != nil }

    /// Prompts with a bubble of any kind about them: showing them, a notice, or left behind.
    var promptsWithBubbles: Set<Int64> { Set(shown.keys).union(notices.keys).union(leftBehind.keys) }

    private func forgetAll() {
        shown.removeAll()
        notices.removeAll()
        leftBehind.removeAll()
    }

    /// Shows an offer: in place of the notice left by this prompt ("I'll ask again…"), of the
    /// bubble an earlier daemon left showing it, or of the notice of the answer that led to it;
    /// else as a new bubble. `completion` gets what the journal keeps about the delivery.
    func show(_ offer: Offer, completion: @escaping (Result<Delivery, any Error>) -> Void) {
        guard let channel else { return }
        let prompt = offer.prompt
        let handle = notices.removeValue(forKey: prompt.id) ?? leftBehind.removeValue(forKey: prompt.id)
            ?? prompt.parentID.flatMap { notices.removeValue(forKey: $0) }
        shown[prompt.id] = handle ?? 0  // reserved while the call is in flight
        channel.show(offer, replacing: handle) { [unowned self] result in
            switch result {
            case .success(let handle):
                shown[prompt.id] = handle
                completion(.success(Delivery(channel: channel.name,
                                             bubble: channel.instance.map { RecordedBubble(server: $0, handle: handle) })))
            case .failure(let error):
                shown[prompt.id] = nil
                completion(.failure(error))
            }
        }
    }

    /// A prompt shown: the channel's name in the journal, and where its bubble is (nil where
    /// bubbles do not outlive the process).
    struct Delivery {
        var channel: String
        var bubble: RecordedBubble?
    }

    /// Where a bubble is: the server instance and its handle there.
    struct RecordedBubble {
        var server: String
        var handle: UInt32
    }

    /// Takes down every bubble about the prompt.
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

    /// Turns the bubble showing a prompt into a short notice, in place (`replaces_id`), for
    /// what the person just did on that bubble. Without a bubble nothing is shown.
    func replace(_ promptID: Int64, with notice: Notice) {
        guard let channel, let handle = shown.removeValue(forKey: promptID), handle != 0 else { return }
        notices[promptID] = handle
        channel.showNotice(notice, replacing: handle) { [unowned self] newHandle in
            guard notices[promptID] == handle else { return }  // taken over meanwhile
            notices[promptID] = newHandle
            noteNotice(newHandle, aboutPrompt: promptID)
        }
    }

    /// Shows `notice` about a prompt where the person last saw it: in place of its bubble, or
    /// of the notice already about it, else as a bubble of its own. The prompt, when it comes
    /// back, takes that bubble's place.
    func tell(_ notice: Notice, aboutPrompt promptID: Int64) {
        if let handle = shown[promptID], handle != 0 {
            replace(promptID, with: notice)
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
    func handOver(_ promptID: Int64) {
        if let handle = shown.removeValue(forKey: promptID), handle != 0 { notices[promptID] = handle }
    }

    /// When no next question took the bubble handed over (it could not be shown), the bubble
    /// shows `notice` instead. Does nothing when it was taken.
    func keepHandedOver(_ promptID: Int64, showing notice: Notice) {
        guard let handle = notices.removeValue(forKey: promptID) else { return }
        shown[promptID] = handle
        replace(promptID, with: notice)
    }

    /// Records that a bubble now shows a notice about the prompt, not the prompt: a daemon
    /// started after a crash leaves it up rather than taking it for a stale prompt.
    private func noteNotice(_ handle: UInt32?, aboutPrompt promptID: Int64) {
        guard let handle, let server = channel?.instance else { return }
        do { try journal.recordNotice(aboutPrompt: promptID, server: server, handle: handle) } catch {
            logger.error("could not record a notice", metadata: ["prompt.id": "\(promptID)", "error": "\(Localization.english(error))"])
        }
    }

    /// Takes over the bubbles an earlier daemon left on this server when it did not stop
    /// cleanly: those of prompts still waiting are shown again in place (see `show`), those of
    /// prompts that ended meanwhile (answered in the terminal, say) are taken down. Records
    /// about other servers (gone, and their bubbles with them) are forgotten.
    private func adoptBubblesLeftBehind() {
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
            logger.error("could not forget the bubbles of ended prompts", metadata: ["error": "\(Localization.english(error))"])
        }
    }

    /// What the channel reports, by handle, turned into events by prompt.
    func receive(_ event: ChannelEvent) {
        switch event {
        case .chose(let handle, let key):
            guard let promptID = prompt(shownIn: handle) else { return }
            onEvent?(.chose(promptID: promptID, key: key))
        case .replied(let handle, let text):
            guard let promptID = prompt(shownIn: handle) else { return }
            onEvent?(.replied(promptID: promptID, text: text))
        case .dismissed(let handle, let reason):
            notices = notices.filter { $0.value != handle }
            if let promptID = prompt(shownIn: handle) {
                shown[promptID] = nil
                onEvent?(.dismissed(promptID: promptID, reason: reason))
            }
        case .available:
            logger.info("notification server available", metadata: ["server": "\(channel?.serverName ?? "?")"])
            adoptBubblesLeftBehind()
            onEvent?(.serverAppeared)
        case .unavailable:
            logger.info("notification server gone; prompts stay pending")
            forgetAll()
            onEvent?(.serverGone)
        }
    }

    private func prompt(shownIn handle: UInt32) -> Int64? {
        shown.first(where: { $0.value == handle })?.key
    }
}
