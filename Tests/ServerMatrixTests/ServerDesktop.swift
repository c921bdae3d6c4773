import Foundation
import SteadyTestSupport

/// A private desktop with one real notification server running, started once for a suite:
/// its own session bus (which can activate only the few helpers the server needs: the
/// accessibility bus, dconf, GNOME's notification helper), a screen (Xvfb, a headless sway,
/// or GNOME Shell's headless monitor), AT-SPI, and the server.
///
/// sway and GNOME Shell run as `nobody` (they refuse root, or show a "privileged user" banner
/// over everything); their bus belongs to that user too, and steady (root) connects to it as
/// any client would. ``stop()`` ends every process it started.
final class ServerDesktop: @unchecked Sendable {
    let server: Server
    let directory: URL
    let busAddress: String
    /// The environment for steady and the test's tools (root): this desktop's bus and screen.
    let environment: [String: String]
    /// The environment of the desktop's own programs (its user, its home, its runtime dir).
    let userEnvironment: [String: String]
    /// What `GetServerInformation` said: name, vendor, version.
    private(set) var information: [String] = []
    private var processes: [DesktopProcess] = []
    private let lock = NSLock()

    static let user: (uid: uid_t, gid: gid_t) = (65534, 65534)  // nobody / nogroup
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    init(_ server: Server) throws {
        self.server = server
        let directory = URL(fileURLWithPath: "/tmp/steady-matrix-\(server.rawValue)-\(UInt32.random(in: 0...UInt32.max))")
        self.directory = directory
        let home = directory.appendingPathComponent("home")
        let runtime = directory.appendingPathComponent("run")
        for dir in [directory, home, runtime, directory.appendingPathComponent("services")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: runtime.path)
        if server.runsAsUser {
            for dir in [directory, home, runtime] { chown(dir.path, Self.user.uid, Self.user.gid) }
        }
        var base = ProcessInfo.processInfo.environment
        for key in ["DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_PID", "XDG_SESSION_TYPE",
                    "XDG_CURRENT_DESKTOP", "AT_SPI_BUS_ADDRESS", "NOTIFY_SOCKET"] { base[key] = nil }
        // HOME before the bus: the servers and the helpers it activates write their settings there.
        base["HOME"] = home.path
        base["XDG_RUNTIME_DIR"] = runtime.path
        base["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        base["XDG_DATA_HOME"] = home.appendingPathComponent(".local/share").path
        base["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
        base["NO_AT_BRIDGE"] = nil
        base["GTK_A11Y"] = nil
        base["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
        base["LANG"] = "C.UTF-8"

        busAddress = "unix:path=\(directory.appendingPathComponent("bus").path)"
        var env = base
        env["DBUS_SESSION_BUS_ADDRESS"] = busAddress
        var started: [DesktopProcess] = []
        do {
            try Self.writeBusConfig(in: directory, services: Self.activatable(for: server))
            started.append(try Self.spawn(server, name: "dbus-daemon", ["/usr/bin/dbus-daemon", "--config-file=\(directory.path)/bus.conf",
                                                                   "--nofork", "--nopidfile"], env: base, in: directory))
            try Self.waitFor("the session bus", timeout: 10) { FileManager.default.fileExists(atPath: directory.appendingPathComponent("bus").path) }
            switch server.screen {
            case .x11:
                let xvfb = try DesktopProcess(
                    name: "Xvfb", executable: "/usr/bin/Xvfb",
                    arguments: ["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
                    environment: base, logFile: directory.appendingPathComponent("xvfb.log"), capturingStdout: true)
                started.append(xvfb)
                env["DISPLAY"] = ":" + (try xvfb.readFirstLine())
                if server == .notifyOSD {
                    // notify-osd draws its translucent bubbles only on a composited screen.
                    started.append(try Self.spawn(server, name: "xcompmgr", ["/usr/bin/xcompmgr"], env: env, in: directory))
                }
            case .sway:
                try Self.writeSwayConfig(in: directory)
                var swayEnv = env
                swayEnv["WLR_BACKENDS"] = "headless"
                swayEnv["WLR_LIBINPUT_NO_DEVICES"] = "1"
                swayEnv["WLR_RENDERER"] = "pixman"
                swayEnv["WLR_HEADLESS_OUTPUTS"] = "1"
                started.append(try Self.spawn(server, name: "sway", ["/usr/bin/sway", "-c", "\(directory.path)/sway.conf"],
                                              env: swayEnv, in: directory))
                let socket = runtime.appendingPathComponent("wayland-1").path
                try Self.waitFor("sway's Wayland socket", timeout: 20, while: started.last) { FileManager.default.fileExists(atPath: socket) }
                env["WAYLAND_DISPLAY"] = "wayland-1"
                env["XDG_SESSION_TYPE"] = "wayland"
                env["XDG_CURRENT_DESKTOP"] = "sway"
            case .gnome:
                env["XDG_SESSION_TYPE"] = "wayland"
                env["XDG_CURRENT_DESKTOP"] = "GNOME"
                try Self.prepareGnome(home: home, env: env, server: server, directory: directory)
            }
            if [.gnomeShell, .plasmashell].contains(server) {
                // Both ask the system bus for logind, UDisks and more; with none at all GNOME Shell
                // dies, so they get an empty private one where such calls fail at once.
                try Self.writeSystemBusConfig(in: directory)
                started.append(try Self.spawn(server, name: "system-bus", ["/usr/bin/dbus-daemon", "--config-file=\(directory.path)/system-bus.conf",
                                                                          "--nofork", "--nopidfile"], env: base, in: directory))
                env["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=\(directory.appendingPathComponent("system-bus").path)"
            }
        } catch {
            started.reversed().forEach { $0.stop() }
            throw error
        }
        environment = env
        userEnvironment = env
        processes = started
        do {
            try startServer()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Stops the server and its desktop, newest first, and removes the directory.
    func stop() {
        lock.lock()
        let running = processes
        processes.removeAll()
        lock.unlock()
        running.reversed().forEach { $0.stop() }
        if ProcessInfo.processInfo.environment["STEADY_KEEP_DESKTOP"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    // MARK: - The server

    private func startServer() throws {
        // What the bus starts (the accessibility bus, Plasma's helpers) needs the screen too.
        try runAsDesktop(["/usr/bin/dbus-update-activation-environment", "--all"])
        if server.accessibleName != nil {
            // The accessibility bus must be up before the server starts, or it never joins it.
            try runAsDesktop(["/usr/bin/python3", "-c", "import pyatspi; pyatspi.Registry.getDesktop(0)"])
            if server.screen == .x11 && [.lxqtNotificationd, .plasmashell].contains(server) {
                // Qt run as root joins the accessibility bus only when its address is on the X root window.
                let address = try run(["/usr/bin/gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus",
                                       "--method", "org.a11y.Bus.GetAddress"])
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                    .replacingOccurrences(of: "('", with: "").replacingOccurrences(of: "',)", with: "")
                try run(["/usr/bin/xprop", "-root", "-f", "AT_SPI_BUS", "8s", "-set", "AT_SPI_BUS", address])
            }
        }
        let launch: [String]
        var env = userEnvironment
        switch server {
        case .dunst:
            let dmenu = directory.appendingPathComponent("dmenu.sh")
            try DunstConfig.dmenuScript(patternFile: dmenuPatternFile.path, inputLog: directory.appendingPathComponent("dmenu-input.log").path)
                .write(to: dmenu, atomically: true, encoding: .utf8)
            chmod(dmenu.path, 0o755)
            try DunstConfig.dunstrc(dmenu: dmenu.path).write(to: directory.appendingPathComponent("dunstrc"), atomically: true, encoding: .utf8)
            launch = ["/usr/bin/dunst", "-config", directory.appendingPathComponent("dunstrc").path]
        case .xfce4Notifyd: launch = ["/usr/lib/x86_64-linux-gnu/xfce4/notifyd/xfce4-notifyd"]
        case .mateNotificationDaemon: launch = ["/usr/lib/mate-notification-daemon/mate-notification-daemon"]
        case .notificationDaemon: launch = ["/usr/lib/notification-daemon/notification-daemon"]
        case .lxqtNotificationd: launch = ["/usr/bin/lxqt-notificationd"]
        case .notifyOSD: launch = ["/usr/lib/x86_64-linux-gnu/notify-osd"]
        case .mako: launch = ["/usr/bin/mako"]
        case .swaync: launch = ["/usr/bin/swaync"]
        case .plasmashell:
            env["KDE_DEBUG"] = "1"  // no crash dialog, which would try to reach bugs.kde.org
            launch = ["/usr/bin/plasmashell", "--no-respawn"]
        case .gnomeShell:
            env["GNOME_SHELL_SESSION_MODE"] = "user"
            launch = ["/usr/bin/gnome-shell", "--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800"]
        }
        let process = try Self.spawn(server, name: server.rawValue, launch, env: env, in: directory)
        lock.withLock { processes.append(process) }
        if server == .gnomeShell {
            // The shell takes its D-Bus name once it is up; the notification name is served by its
            // gjs helper, started on request.
            try waitForName("org.gnome.Shell", timeout: .seconds(60), process: process)
            try run(["/usr/bin/gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                     "--method", "org.freedesktop.DBus.StartServiceByName", "org.gnome.Shell.Notifications", "0"])
        }
        // Plasma starts in seconds alone, but once took over a minute on a busy machine.
        try waitForName("org.freedesktop.Notifications", timeout: .seconds(server == .plasmashell ? 150 : 30), process: process)
        // GNOME's helper takes the name a moment before it serves the object: ask again, for a while.
        var info = ""
        let deadline = Date().addingTimeInterval(60)
        while true {
            do {
                info = try run(["/usr/bin/gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
                                "/org/freedesktop/Notifications", "--method", "org.freedesktop.Notifications.GetServerInformation"])
                break
            } catch where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        information = info.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        guard information.first == server.identity.name, server.identity.vendor.map({ information.dropFirst().first == $0 }) ?? true else {
            throw DesktopSessionError("\(server.rawValue) was expected to own org.freedesktop.Notifications, but \(info) answers.")
        }
    }

    /// "xfce4-notifyd 0.7.3": the server as it names itself.
    var serverDescription: String { "\(information.first ?? "?") \(information.count > 2 ? information[2] : "?")" }

    var dmenuPatternFile: URL { directory.appendingPathComponent("dmenu-pattern") }

    // MARK: - Running programs

    /// Runs a program as root in this desktop's environment; its stdout, or an error with its stderr.
    @discardableResult
    func run(_ argv: [String], environment extra: [String: String] = [:], timeout: Double = 60) throws -> String {
        let result = try Command.run(argv, environment: environment.merging(extra) { $1 }, timeout: timeout)
        guard result.status == 0 else {
            throw DesktopSessionError("\(argv.joined(separator: " ")) exited with \(result.status): \(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }

    /// Runs a program as the desktop's user (root on X11 desktops, `nobody` under sway and GNOME).
    @discardableResult
    func runAsDesktop(_ argv: [String], timeout: Double = 60) throws -> String {
        try run(Self.asUser(server, argv), timeout: timeout)
    }

    /// The AT-SPI helper (Scripts/atspi.py) as the desktop's user: sees and clicks what is on screen.
    @discardableResult
    func accessibility(_ arguments: [String]) throws -> String {
        try runAsDesktop(["/usr/bin/python3", Self.scripts.appendingPathComponent("atspi.py").path] + arguments)
    }

    // MARK: - Setup helpers

    private static func asUser(_ server: Server, _ argv: [String]) -> [String] {
        server.runsAsUser ? ["/usr/bin/setpriv", "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--"] + argv : argv
    }

    private static func spawn(_ server: Server, name: String, _ argv: [String], env: [String: String], in directory: URL) throws -> DesktopProcess {
        let full = asUser(server, argv)
        do {
            return try DesktopProcess(name: name, executable: full[0], arguments: Array(full.dropFirst()), environment: env,
                                      logFile: directory.appendingPathComponent("\(name).log"))
        } catch {
            throw DesktopSessionError("\(error) (Debian packages: \(server.packages); scripts/install-deps test installs them.)")
        }
    }

    /// Waits for the bus name to have an owner: asks the bus every 50 ms (NameOwnerChanged would
    /// need a client of our own), at most `timeout`; fails early if the server exits.
    private func waitForName(_ name: String, timeout: Duration, process: DesktopProcess) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let owned = try run(["/usr/bin/dbus-send", "--bus=\(busAddress)", "--print-reply", "--dest=org.freedesktop.DBus",
                                 "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:\(name)"])
            if owned.contains("boolean true") { return }
            guard process.isRunning else {
                throw DesktopSessionError("\(server.rawValue) exited before \(name) appeared on its bus. Its log: \(process.logTail())")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DesktopSessionError("\(name) did not appear within \(timeout) of starting \(server.rawValue). Its log: \(process.logTail(lines: 60))")
    }

    /// Waits for something that announces itself only by existing (a socket file): looks every
    /// 50 ms, at most `timeout` seconds.
    private static func waitFor(_ what: String, timeout: Double, while process: DesktopProcess? = nil, _ done: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !done() {
            if let process, !process.isRunning { throw DesktopSessionError("\(process.name) exited: \(process.logTail())") }
            guard Date() < deadline else { throw DesktopSessionError("\(what) did not appear within \(timeout) s.") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The only services this bus may start: none of the notification servers (a call to the
    /// name while nobody owns it would otherwise start one of them).
    private static func activatable(for server: Server) -> [String] {
        var services = ["org.a11y.Bus", "ca.desrt.dconf"]
        switch server {
        case .xfce4Notifyd: services.append("org.xfce.Xfconf")
        case .gnomeShell: services.append("org.gnome.Shell.Notifications")
        case .plasmashell: services += ["org.kde.ActivityManager", "org.kde.kglobalaccel"]  // it refuses to load without them
        default: break
        }
        return services
    }

    private static func writeBusConfig(in directory: URL, services: [String]) throws {
        let serviceDir = directory.appendingPathComponent("services")
        for name in services {
            let source = "/usr/share/dbus-1/services/\(name).service"
            if FileManager.default.fileExists(atPath: source) {
                try? FileManager.default.copyItem(atPath: source, toPath: serviceDir.appendingPathComponent("\(name).service").path)
            }
        }
        try """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path=\(directory.path)/bus</listen>
              <auth>EXTERNAL</auth>
              <servicedir>\(serviceDir.path)</servicedir>
              <policy context="default">
                <allow user="*"/>
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>

            """.write(to: directory.appendingPathComponent("bus.conf"), atomically: true, encoding: .utf8)
    }

    private static func writeSystemBusConfig(in directory: URL) throws {
        // GNOME Shell dies at start-up without a system bus; an empty private one is enough (its calls to
        // logind fail at once there; a system-type bus would drop the replies and make them time out).
        try """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path=\(directory.path)/system-bus</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow send_destination="*"/>
                <allow receive_sender="*"/>
                <allow own="*"/>
              </policy>
            </busconfig>

            """.write(to: directory.appendingPathComponent("system-bus.conf"), atomically: true, encoding: .utf8)
    }

    private static func writeSwayConfig(in directory: URL) throws {
        try "output HEADLESS-1 resolution 1280x800\nseat seat0 fallback true\n"
            .write(to: directory.appendingPathComponent("sway.conf"), atomically: true, encoding: .utf8)
    }

    /// Keeps GNOME's first-run banners and dialogs out of the way of the notifications.
    private static func prepareGnome(home: URL, env: [String: String], server: Server, directory: URL) throws {
        let marker = home.appendingPathComponent(".local/share/gnome-shell")
        try FileManager.default.createDirectory(at: marker, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: marker.appendingPathComponent("lock-warning-shown").path, contents: Data())
        for path in [".local", ".local/share", ".local/share/gnome-shell", ".local/share/gnome-shell/lock-warning-shown"] {
            chown(home.appendingPathComponent(path).path, user.uid, user.gid)
        }
        // The welcome tour stays away, and the shell joins AT-SPI (it does only when asked to).
        for setting in [["org.gnome.shell", "welcome-dialog-last-shown-version", "'999'"],
                        ["org.gnome.desktop.interface", "toolkit-accessibility", "true"]] {
            let result = try Command.run(
                ["/usr/bin/setpriv", "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--", "/usr/bin/gsettings", "set"] + setting,
                environment: env)
            guard result.status == 0 else { throw DesktopSessionError("gsettings for GNOME Shell failed: \(result.stderr)") }
        }
    }
}
