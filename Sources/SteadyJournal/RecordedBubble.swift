/// A bubble a channel showed a prompt in, as recorded in the journal: what a daemon that
/// did not stop cleanly left on screen.
public struct RecordedBubble: Equatable, Sendable {
    public var promptID: Int64
    /// The server instance whose id `handle` is (see `NotificationClient.serverInstance`).
    public var server: String
    public var handle: UInt32
    /// Whether it shows a notice about the prompt (a thank-you…) rather than the prompt.
    public var showsNotice: Bool
    /// Whether the prompt still waits for an answer.
    public var isPending: Bool

    public init(promptID: Int64, server: String, handle: UInt32, showsNotice: Bool, isPending: Bool) {
        self.promptID = promptID
        self.server = server
        self.handle = handle
        self.showsNotice = showsNotice
        self.isPending = isPending
    }
}
