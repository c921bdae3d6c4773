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
    /// The spec leaves this to the server and has no way to ask. Servers that list actions in
    /// a menu show every one; GNOME Shell shows three buttons, and three is what steady
    /// assumes of a server it does not know, so no choice silently falls off the edge.
    public var visibleActionLimit: Int? {
        Self.listsEveryAction.contains(name) ? nil : Self.assumedActionLimit
    }

    /// Servers known to show every action (in a menu or a list of buttons), by `name`.
    public static let listsEveryAction: Set<String> = ["dunst", "mako", "SwayNotificationCenter", "Xfce Notify Daemon", "fnott"]
    /// The number of actions assumed of other servers (GNOME Shell's button count).
    public static let assumedActionLimit = 3
}
