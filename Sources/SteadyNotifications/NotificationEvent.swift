/// Something a notification server reported, delivered on the client's queue.
public enum NotificationEvent: Sendable, Equatable {
    /// The person chose an action (`ActionInvoked`).
    case actionInvoked(id: UInt32, actionKey: String)
    /// The notification went away (`NotificationClosed`).
    case closed(id: UInt32, reason: CloseReason)
    /// The person typed an inline reply (`NotificationReplied`, servers with `inline-reply`).
    case replied(id: UInt32, text: String)
    /// A server now owns `org.freedesktop.Notifications`; its capabilities were just read.
    case serverAppeared(ServerInfo)
    /// The server left the bus; notifications it showed are gone with it.
    case serverVanished
    /// The name's owner did not answer when asked what it is; it is asked again after the delay.
    case serverSilent(retryingIn: Duration)
}

/// Why a notification was closed (the spec's `reason` codes).
public enum CloseReason: UInt32, Sendable {
    /// Its expiry timeout ran out.
    case expired = 1
    /// The person dismissed it.
    case dismissed = 2
    /// A `CloseNotification` call closed it.
    case closedByCall = 3
    /// Any other or reserved reason.
    case undefined = 4

    /// Maps a wire value; unknown values are `.undefined`.
    public init(code: UInt32) { self = CloseReason(rawValue: code) ?? .undefined }
}
