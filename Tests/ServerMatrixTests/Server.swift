import Foundation

/// A real notification server of the matrix, as Debian 12 ships it, and how a person uses it.
enum Server: String, CaseIterable, Sendable {
    case dunst
    case xfce4Notifyd = "xfce4-notifyd"
    case mateNotificationDaemon = "mate-notification-daemon"
    case notificationDaemon = "notification-daemon"
    case lxqtNotificationd = "lxqt-notificationd"
    case notifyOSD = "notify-osd"
    case mako
    case swaync
    case gnomeShell = "gnome-shell"
    case plasmashell

    /// `GetServerInformation`'s name and vendor, checked before any test believes which server answers
    /// (D-Bus activation of another installed server can win the name).
    var identity: (name: String, vendor: String?) {
        switch self {
        case .dunst: ("dunst", nil)
        case .xfce4Notifyd: ("Xfce Notify Daemon", nil)
        case .mateNotificationDaemon: ("Notification Daemon", "MATE")
        case .notificationDaemon: ("Notification Daemon", "GNOME")
        case .lxqtNotificationd: ("lxqt-notificationd", nil)
        case .notifyOSD: ("notify-osd", nil)
        case .mako: ("mako", nil)
        case .swaync: ("SwayNotificationCenter", nil)
        case .gnomeShell: ("gnome-shell", nil)
        case .plasmashell: ("Plasma", nil)
        }
    }

    /// The Debian packages it needs (scripts/install-deps installs them), for failure messages.
    var packages: String {
        switch self {
        case .dunst: "dunst"
        case .xfce4Notifyd: "xfce4-notifyd"
        case .mateNotificationDaemon: "mate-notification-daemon"
        case .notificationDaemon: "notification-daemon"
        case .lxqtNotificationd: "lxqt-notificationd"
        case .notifyOSD: "notify-osd xcompmgr"
        case .mako: "sway mako-notifier grim"
        case .swaync: "sway sway-notification-center grim"
        case .gnomeShell: "gnome-shell gjs"
        case .plasmashell: "plasma-workspace"
        }
    }

    /// Where it draws: an X display (Xvfb), a headless sway, or GNOME Shell's own headless monitor.
    enum Screen { case x11, sway, gnome }

    var screen: Screen {
        switch self {
        case .mako, .swaync: .sway
        case .gnomeShell: .gnome
        default: .x11
        }
    }

    /// Whether the desktop runs as an ordinary user (sway and GNOME Shell refuse root, or
    /// misbehave as root); steady and the test stay root and reach its bus as any client would.
    var runsAsUser: Bool { screen != .x11 }

    /// The name it has in the AT-SPI tree, where a person's clicks are made through it.
    var accessibleName: String? {
        switch self {
        case .dunst, .mako: nil
        case .plasmashell: "plasmashell"
        default: rawValue
        }
    }

    /// How a click reaches a button.
    enum Click {
        /// dunst's context menu (`dunstctl context` with the scripted dmenu).
        case dunstMenu
        /// AT-SPI `doAction` on the button.
        case accessibleAction
        /// A real pointer click (xdotool) at the button's AT-SPI extents: these buttons ignore doAction.
        case pointer
        /// `makoctl invoke` (mako draws no buttons).
        case makoctl
        /// A virtual pointer of Mutter's RemoteDesktop, moved over the banner and its button.
        case gnomePointer
    }

    var click: Click {
        switch self {
        case .dunst: .dunstMenu
        case .xfce4Notifyd, .lxqtNotificationd, .swaync, .plasmashell: .accessibleAction
        case .mateNotificationDaemon, .notificationDaemon, .notifyOSD: .pointer
        case .mako: .makoctl
        case .gnomeShell: .gnomePointer
        }
    }

    /// Whether the server advertises `actions` (notify-osd does not: steady sends none there).
    var hasActions: Bool { self != .notifyOSD }

    /// Whether its AT-SPI tree shows a bubble's body: swaync shows only the title (the body is
    /// drawn inside a button named after it).
    var showsBodyToAccessibility: Bool { self != .swaync }

    /// Whether `replaces_id` really replaces: lxqt keeps the old actions, so steady closes and
    /// shows a new bubble there.
    var replacesInPlace: Bool { self != .lxqtNotificationd }

    /// Whether it draws four or more actions as a combo box with an OK button.
    var drawsManyActionsAsCombo: Bool { self == .lxqtNotificationd }
}
