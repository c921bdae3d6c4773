/// What the notification server says about itself (`GetServerInformation` + `GetCapabilities`).
public struct ServerInfo: Sendable, Equatable {
    /// The product name, e.g. `"dunst"`.
    public var name: String
    /// The vendor, e.g. `"knopwob"`.
    public var vendor: String
    /// The server's version string.
    public var version: String
    /// The spec version it implements, e.g. `"1.2"`.
    public var specVersion: String
    /// Optional features it supports (`"actions"`, `"body-markup"`, `"inline-reply"`, …).
    public var capabilities: Set<String>

    /// Makes server information (the client builds it from the server's answers).
    public init(name: String, vendor: String, version: String, specVersion: String, capabilities: Set<String>) {
        self.name = name
        self.vendor = vendor
        self.version = version
        self.specVersion = specVersion
        self.capabilities = capabilities
    }

    /// The server shows action buttons or an action menu.
    public var hasActions: Bool { capabilities.contains("actions") }
    /// The server renders markup in the body (so plain text must be escaped).
    public var hasBodyMarkup: Bool { capabilities.contains("body-markup") }
    /// The server offers an inline reply field and sends `NotificationReplied`.
    public var hasInlineReply: Bool { capabilities.contains("inline-reply") }

    /// How many actions the server shows on a notification, or nil when it shows them all.
    ///
    /// The spec has no way to ask, and nothing a server reports tells; every server steady was
    /// tried on shows all of them (as buttons, a menu or a combo box) except GNOME Shell, which
    /// draws three buttons and drops the rest. See docs/desktops.md.
    public var visibleActionLimit: Int? { Self.actionLimits[name] }

    /// Servers known to show only some actions, by `name`.
    public static let actionLimits: [String: Int] = ["gnome-shell": 3]

    /// Whether an action's label may be a few words ("4 — fairly settled") rather than a
    /// bare number: true unless the server is known to draw every action as a button in one
    /// row of a narrow bubble (xfce4-notifyd; the MATE and GNOME notification-daemon, which
    /// both call themselves "Notification Daemon"; swaync, whose popup, given such labels, was
    /// no longer found on screen at all), where five or ten such buttons do not fit. A menu, a
    /// combo box or a dialog has room; so has a server steady does not know.
    public var fitsWordsOnButtons: Bool { !Self.narrowButtonRows.contains(name) }

    /// Servers that draw all actions as one row of buttons, by `name`.
    public static let narrowButtonRows: Set<String> = ["Xfce Notify Daemon", "Notification Daemon", "SwayNotificationCenter"]

    /// The least urgency at which the server shows a notification on screen, rather than only
    /// in a list the person has to open.
    ///
    /// Nothing a server reports tells this either. GNOME Shell 43 puts a low-urgency
    /// notification straight into its message list with no banner, so steady asks for normal
    /// urgency there (never critical: that would stay on screen until dismissed).
    public var leastVisibleUrgency: DesktopNotification.Urgency { Self.hidesLowUrgency.contains(name) ? .normal : .low }

    /// Whether a notification sent with `replaces_id` really takes the old one's place.
    ///
    /// lxqt-notificationd 1.2 keeps the old notification's actions under the new text (a
    /// thank-you would still offer "Later" and "Skip"), and stopped answering when a bubble was
    /// replaced after its combo box had been used; there steady closes the old bubble and
    /// shows a new one.
    public var replacesInPlace: Bool { !Self.keepsActionsOnReplace.contains(name) }

    /// Servers that keep a replaced notification's actions, by `name`.
    public static let keepsActionsOnReplace: Set<String> = ["lxqt-notificationd"]

    /// Servers that show no banner for low urgency, by `name`.
    public static let hidesLowUrgency: Set<String> = ["gnome-shell"]
}
