import Foundation
import SteadyJournal
import SteadyKit

/// Something that can show a prompt to the person and tell what they did with it, by the
/// handle of its bubble. The engine never sees handles: `ChannelBubbles` keeps them and turns
/// these events into events by prompt.
///
/// The daemon uses the desktop notification channel (`NotificationChannel`); without a
/// notification server prompts simply stay pending for the terminal.
protocol PromptChannel: AnyObject {
    /// Whether prompts can be shown right now (a server is on the bus).
    var isAvailable: Bool { get }
    /// A short name of what shows prompts (e.g. "dunst 1.9.0"), for status.
    var serverName: String? { get }
    /// The channel's name in the journal ("notification", "command").
    var name: String { get }
    /// Which server instance the handles belong to, where they outlive this process (a
    /// notification server keeps a bubble after its client died); nil where they do not.
    var instance: String? { get }
    /// Shows an offer, updating an earlier bubble in place when `replacing` is given.
    /// `completion` gets the channel's handle for it, on the engine queue.
    func show(_ offer: Offer, replacing handle: UInt32?, completion: @escaping (Result<UInt32, any Error>) -> Void)
    /// Removes a bubble (answered elsewhere, expired).
    func withdraw(_ handle: UInt32)
    /// Shows a short notice in place of the bubble `handle` (or as a new one where it is gone):
    /// the acknowledgement of an answer, "I'll ask again at 14:20" after Later. It closes by
    /// itself after a few seconds unless it `lingers`. `completion` gets its handle, or nil
    /// where the channel has no bubbles.
    func showNotice(_ notice: Notice, replacing handle: UInt32?, completion: @escaping (UInt32?) -> Void)
    /// Starts (connects to the bus, …); events may follow. On the engine queue.
    func connect()
    /// Stops; no events after this.
    func disconnect()
    /// Called on the engine queue with what happened.
    var onEvent: ((ChannelEvent) -> Void)? { get set }
}

extension PromptChannel {
    var instance: String? { nil }

    /// Channels without bubbles of their own (a command, no server) show no notices.
    func showNotice(_ notice: Notice, replacing handle: UInt32?, completion: @escaping (UInt32?) -> Void) {
        if let handle { withdraw(handle) }
        completion(nil)
    }
}

/// A few words shown after the person did something with a prompt; it asks nothing.
struct Notice: Equatable {
    var title: String
    var body: String
    /// Stays until dismissed (the safety response) instead of closing after a few seconds.
    var lingers = false
}

/// What the person (or the server) did, by bubble handle (see `ChannelBubbles`).
enum ChannelEvent {
    /// An action was chosen on a bubble.
    case chose(handle: UInt32, key: String)
    /// Text was typed into a bubble (inline reply).
    case replied(handle: UInt32, text: String)
    /// A bubble went away without an answer (expired on screen, dismissed, closed).
    case dismissed(handle: UInt32, reason: String)
    /// A notification server appeared: pending prompts may be shown.
    case available
    /// The server went away: bubbles are gone, prompts stay pending.
    case unavailable
}
