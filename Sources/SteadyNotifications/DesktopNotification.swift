/// One notification to show, as the freedesktop Desktop Notifications spec (1.2) describes it.
///
/// Plain data: `body` is plain text; ``NotificationClient`` escapes it for servers that
/// interpret markup, so what is written here is what the person reads.
public struct DesktopNotification: Sendable, Equatable {
    /// The sending application's name (`app_name`).
    public var appName: String
    /// The id of a notification to replace in place, or 0 for a new one (`replaces_id`).
    public var replacesID: UInt32
    /// An icon name from the theme, a `file://` URI, or empty (`app_icon`).
    public var icon: String
    /// A short single-line summary, plain text.
    public var summary: String
    /// The body, plain text; escaped on the way out where the server renders markup.
    public var body: String
    /// Buttons (or menu entries) the person can choose, in order.
    public var actions: [NotificationAction]
    /// How insistent the server should be. Low unless the person asked for more.
    public var urgency: Urgency
    /// A spec category such as `"im"` or `"presence"`, or nil.
    public var category: String?
    /// The desktop file name of the sending application, without `.desktop`, or nil.
    public var desktopEntry: String?
    /// Ask the server not to play a sound.
    public var suppressSound: Bool
    /// Keep the notification after an action is invoked, until explicitly dismissed.
    public var resident: Bool
    /// Do not keep the notification in the server's history/persistence.
    public var transient: Bool
    /// An inline text reply field (KDE's `inline-reply`), used only where the server has it.
    public var inlineReply: InlineReply?
    /// Milliseconds until the server closes it; -1 is the server's default, 0 never.
    public var expireTimeout: Int32
    /// The journal id of the prompt it shows, sent as the hint `x-steady-prompt-id` (int64) so
    /// that scripts and server rules can tell which prompt a bubble is; nil for notices.
    public var promptID: Int64?

    /// Makes a notification; every hint has a quiet default (low urgency, no sound).
    public init(
        appName: String, replacesID: UInt32 = 0, icon: String = "", summary: String, body: String = "",
        actions: [NotificationAction] = [], urgency: Urgency = .low, category: String? = nil,
        desktopEntry: String? = nil, suppressSound: Bool = true, resident: Bool = false, transient: Bool = false,
        inlineReply: InlineReply? = nil, expireTimeout: Int32 = -1, promptID: Int64? = nil
    ) {
        self.appName = appName
        self.replacesID = replacesID
        self.icon = icon
        self.summary = summary
        self.body = body
        self.actions = actions
        self.urgency = urgency
        self.category = category
        self.desktopEntry = desktopEntry
        self.suppressSound = suppressSound
        self.resident = resident
        self.transient = transient
        self.inlineReply = inlineReply
        self.expireTimeout = expireTimeout
        self.promptID = promptID
    }

    /// The spec's urgency levels (the `urgency` hint, a byte).
    public enum Urgency: UInt8, Sendable {
        case low = 0
        case normal = 1
        case critical = 2
    }

    /// The inline reply field of servers with the `inline-reply` capability.
    public struct InlineReply: Sendable, Equatable {
        /// The action label that opens the field, where the server shows one.
        public var label: String
        /// Grey text shown in the empty field.
        public var placeholder: String?
        /// The label of the send button.
        public var submitLabel: String?

        /// Makes an inline reply field; nil texts leave the server's defaults.
        public init(label: String, placeholder: String? = nil, submitLabel: String? = nil) {
            self.label = label
            self.placeholder = placeholder
            self.submitLabel = submitLabel
        }
    }
}

/// One choice offered with a notification: the key comes back in `ActionInvoked`, the label
/// is shown. The key `"default"` is the action invoked by clicking the notification itself.
public struct NotificationAction: Sendable, Hashable {
    /// The identifier reported back when the action is invoked.
    public var key: String
    /// The text shown to the person.
    public var label: String

    /// Makes an action with the key reported back and the label shown.
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}
