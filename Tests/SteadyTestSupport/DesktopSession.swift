import Foundation

/// A private desktop for one test: its own `dbus-daemon` (session type, no service
/// activation), an `Xvfb` display and, on request, a real `dunst` notification server.
///
/// Everything lives in a fresh temporary directory; ``stop()`` (also run on deinit) ends
/// every process it started, so nothing leaks when a test fails. Readiness is awaited on
/// what the programs print (`--print-address`, `-displayfd`) and, for dunst, on the bus
/// name appearing.
///
/// Choosing an action without a mouse: dunst's `dmenu` is a script that prints the line of
/// its input (one line per action, `#<label> (<summary>) [<id>,<key>]`) that contains the
/// pattern written by ``invokeAction(matching:)``, standing in for a person picking it.
///
/// Needs the Debian packages `dbus` (dbus-daemon, dbus-send), `xvfb`, `dunst` and, for
/// ``screenshot(to:)``, `imagemagick`.
public final class DesktopSession: @unchecked Sendable {
    /// The temporary directory holding the socket, configs, scripts and logs.
    public let directory: URL
    /// The private bus's address (`unix:path=…`).
    public let busAddress: String
    /// The X display (`:N`).
    public let display: String
    /// The environment for child processes: the test's own, with this session's bus and display.
    public let environment: [String: String]

    /// The bus this session started; nil when it joined an existing one (or killed it).
    private var bus: DesktopProcess?
    private var busStarts = 1
    private let xvfb: DesktopProcess
    private var dunst: DesktopProcess?
    private var dunstStarts = 0
    private let lock = NSLock()

    /// The well-known name of notification servers.
    public static let notificationsName = "org.freedesktop.Notifications"

    // MARK: - Start and stop

    /// Starts the bus and the display (and dunst unless `startDunst` is false).
    ///
    /// - Parameter existingBus: the address of a session bus to use instead of starting one
    ///   (a user manager's bus in a namespace, say); the session never stops that bus.
    public init(startDunst: Bool = true, existingBus: String? = nil) throws {
        let template = "/tmp/steady-desktop-XXXXXX"
        var chars = Array(template.utf8CString)
        guard let made = mkdtemp(&chars) else {
            throw DesktopSessionError("Could not create a temporary directory under /tmp: \(String(cString: strerror(errno))).")
        }
        directory = URL(fileURLWithPath: String(cString: made), isDirectory: true)

        let socket = directory.appendingPathComponent("bus").path
        let config = directory.appendingPathComponent("bus.conf")
        try Self.busConfig(socketPath: socket).write(to: config, atomically: true, encoding: .utf8)
        var base = ProcessInfo.processInfo.environment
        for key in ["DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_PID"] { base[key] = nil }

        let bus = try existingBus == nil ? Self.startBus(config: config, environment: base, log: directory.appendingPathComponent("dbus-daemon.log")) : nil
        self.bus = bus
        do {
            // Without the server's guid, as a session's address usually is: a bus restarted at the
            // same path (``restartBus()``) has another guid, which clients would refuse.
            busAddress = try existingBus ?? Self.withoutGUID(bus!.readFirstLine())
            xvfb = try DesktopProcess(
                name: "Xvfb", executable: "/usr/bin/Xvfb",
                arguments: ["-displayfd", "1", "-screen", "0", "1024x768x24", "-br", "-nolisten", "tcp", "-noreset"],
                environment: base, logFile: directory.appendingPathComponent("xvfb.log"), capturingStdout: true)
        } catch {
            bus?.stop()
            throw error
        }
        do {
            display = ":" + (try xvfb.readFirstLine())
        } catch {
            xvfb.stop()
            bus?.stop()
            throw error
        }
        // Both must be in the environment before dunst starts, or it autolaunches another bus.
        base["DBUS_SESSION_BUS_ADDRESS"] = busAddress
        base["DISPLAY"] = display
        environment = base

        try writeDunstFiles()
        if startDunst {
            do { try self.startDunst() } catch {
                stop()
                throw error
            }
        }
    }

    deinit { stop() }

    /// Stops dunst, the display and the bus, and removes the directory. Safe to call twice.
    public func stop() {
        lock.lock()
        let dunst = self.dunst
        self.dunst = nil
        let bus = self.bus
        self.bus = nil
        lock.unlock()
        dunst?.stop()
        xvfb.stop()
        bus?.stop()
        if ProcessInfo.processInfo.environment["STEADY_KEEP_DESKTOP"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    // MARK: - dunst

    /// The dunst config used (font small, fixed geometry, no default timeouts, scripted dmenu).
    public var dunstrc: URL { directory.appendingPathComponent("dunstrc") }
    /// The file the dmenu stand-in reads its pattern from.
    public var dmenuPatternFile: URL { directory.appendingPathComponent("dmenu-pattern") }
    /// Every input the dmenu stand-in received, appended (for failure messages).
    public var dmenuInputLog: URL { directory.appendingPathComponent("dmenu-input.log") }

    /// Whether dunst is running.
    public var isDunstRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return dunst?.isRunning ?? false
    }

    /// Starts dunst on this session's bus and display and waits until it owns
    /// `org.freedesktop.Notifications`.
    public func startDunst(timeout: Duration = .seconds(10)) throws {
        lock.lock()
        dunstStarts += 1
        let log = directory.appendingPathComponent("dunst-\(dunstStarts).log")
        lock.unlock()
        let process = try DesktopProcess(
            name: "dunst", executable: "/usr/bin/dunst", arguments: ["-config", dunstrc.path],
            environment: environment, logFile: log)
        lock.lock()
        dunst = process
        lock.unlock()
        do {
            try waitForName(Self.notificationsName, toBeOwned: true, timeout: timeout, while: process)
        } catch {
            throw DesktopSessionError("\(error) dunst log: \(process.logTail())")
        }
    }

    /// Stops dunst (SIGTERM) and waits until it has exited and its name is gone from the bus.
    public func killDunst() throws {
        lock.lock()
        let process = dunst
        dunst = nil
        lock.unlock()
        guard let process else { return }
        process.stop()
        try waitForName(Self.notificationsName, toBeOwned: false, timeout: .seconds(5), while: nil)
    }

    /// Sends dunst `signal` and leaves it running: SIGSTOP makes a server that owns its name
    /// but answers nothing (as one busy starting at login), SIGCONT lets it answer again.
    public func signalDunst(_ signal: Int32) {
        lock.lock()
        let process = dunst
        lock.unlock()
        if let process { kill(process.pid, signal) }
    }

    /// Kills dunst with `signal` (SIGKILL: no goodbye on the bus) and waits until it has
    /// exited and the bus has seen its name go.
    /// Without a bus (``killBus(signal:)``) there is no name to wait for.
    public func killDunst(signal: Int32) throws {
        lock.lock()
        let process = dunst
        dunst = nil
        lock.unlock()
        guard let process else { return }
        kill(process.pid, signal)
        guard process.waitForExit(timeout: .seconds(5)) else { throw DesktopSessionError("dunst outlived signal \(signal)") }
        lock.lock()
        let busIsUp = bus != nil
        lock.unlock()
        if busIsUp { try waitForName(Self.notificationsName, toBeOwned: false, timeout: .seconds(5), while: nil) }
    }

    // MARK: - The bus itself

    /// Kills the session's dbus-daemon with `signal` and waits until it has exited; every
    /// connection to it (dunst's, steady's) is cut. Its socket file stays, as after a crash.
    public func killBus(signal: Int32 = SIGKILL) throws {
        lock.lock()
        let process = bus
        bus = nil
        lock.unlock()
        guard let process else { throw DesktopSessionError("this session did not start the bus, so it does not kill it") }
        kill(process.pid, signal)
        guard process.waitForExit(timeout: .seconds(5)) else { throw DesktopSessionError("dbus-daemon outlived signal \(signal)") }
    }

    /// Starts a new dbus-daemon on the same socket path (the address stays the same), as a
    /// restarted or socket-activated session bus would be.
    public func restartBus() throws {
        lock.lock()
        busStarts += 1
        let log = directory.appendingPathComponent("dbus-daemon-\(busStarts).log")
        lock.unlock()
        var base = environment
        base["DBUS_SESSION_BUS_ADDRESS"] = nil
        let process = try Self.startBus(config: directory.appendingPathComponent("bus.conf"), environment: base, log: log)
        let address = Self.withoutGUID(try process.readFirstLine())
        guard address == busAddress else {
            process.stop()
            throw DesktopSessionError("the new bus listens at \(address), not \(busAddress)")
        }
        lock.lock()
        bus = process
        lock.unlock()
    }

    static func withoutGUID(_ address: String) -> String {
        address.split(separator: ",").filter { !$0.hasPrefix("guid=") }.joined(separator: ",")
    }

    private static func startBus(config: URL, environment: [String: String], log: URL) throws -> DesktopProcess {
        try DesktopProcess(
            name: "dbus-daemon", executable: "/usr/bin/dbus-daemon",
            arguments: ["--config-file=\(config.path)", "--nofork", "--nopidfile", "--print-address=1"],
            environment: environment, logFile: log, capturingStdout: true)
    }

    /// Starts another program as the notification server on this session's bus and display,
    /// and waits until it owns `org.freedesktop.Notifications`. The caller stops it.
    public func startServer(name: String, executable: String, arguments: [String] = []) throws -> DesktopProcess {
        let process = try DesktopProcess(name: name, executable: executable, arguments: arguments, environment: environment,
                                         logFile: directory.appendingPathComponent("\(name).log"))
        do {
            try waitForName(Self.notificationsName, toBeOwned: true, timeout: .seconds(10), while: process)
        } catch {
            process.stop()
            throw DesktopSessionError("\(error) \(name) log: \(process.logTail())")
        }
        return process
    }

    /// Opens dunst's context menu; the dmenu stand-in picks the first line containing
    /// `pattern` (e.g. `",snooze]"` for the action key `snooze`), and dunst invokes it.
    public func invokeAction(matching pattern: String) throws {
        try pattern.write(to: dmenuPatternFile, atomically: true, encoding: .utf8)
        try run("/usr/bin/dunstctl", ["context"])
    }

    /// Dismisses the newest displayed notification as a person would (`dunstctl close`):
    /// dunst reports reason 2 (dismissed).
    public func dismiss() throws { try run("/usr/bin/dunstctl", ["close"]) }

    /// Dismisses every displayed notification (`dunstctl close-all`).
    public func dismissAll() throws { try run("/usr/bin/dunstctl", ["close-all"]) }

    /// The number of notifications dunst currently shows.
    public func displayedCount() throws -> Int { try count("displayed") }
    /// The number of notifications dunst holds back (over the limit, paused).
    public func waitingCount() throws -> Int { try count("waiting") }
    /// The number of notifications in dunst's history (closed ones).
    public func historyCount() throws -> Int { try count("history") }

    /// dunst's history as JSON (`dunstctl history`): closed notifications, newest first.
    public func historyJSON() throws -> String { try run("/usr/bin/dunstctl", ["history"]) }

    /// Waits until dunst shows exactly `expected` notifications. dunst moves a new
    /// notification to the screen on its next main-loop turn and sends no signal for it, so
    /// this asks `dunstctl count displayed` every 20 ms, at most `timeout`.
    public func waitForDisplayedCount(_ expected: Int, timeout: Duration = .seconds(5)) throws {
        let deadline = ContinuousClock.now + timeout
        var last = -1
        while ContinuousClock.now < deadline {
            last = try displayedCount()
            if last == expected { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw DesktopSessionError("dunst shows \(last) notification(s), expected \(expected), after \(timeout).")
    }

    // MARK: - Screen

    /// Saves a PNG of the whole display (`import -window root`, from imagemagick).
    public func screenshot(to url: URL) throws {
        try run("/usr/bin/import", ["-display", display, "-window", "root", url.path])
    }

    // MARK: - Running programs

    /// Runs a program in this session's environment and returns its stdout; fails with its
    /// stderr when it exits non-zero.
    @discardableResult
    public func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Closed here, not when Foundation lets go of the Process: this runs every 20 ms while
        // a test waits on dunst, and leaked descriptors end in a crash of Process.run().
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DesktopSessionError(
                "\(([executable] + arguments).joined(separator: " ")) exited with \(process.terminationStatus): "
                    + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `name` has an owner on this session's bus.
    public func nameHasOwner(_ name: String) throws -> Bool {
        let output = try run(
            "/usr/bin/dbus-send",
            ["--bus=\(busAddress)", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", "string:\(name)"])
        return output.contains("boolean true")
    }

    // MARK: - Helpers

    /// Waits for a bus name to gain or lose its owner: asks the bus every 20 ms, at most
    /// `timeout`, and gives up early if `process` (the one expected to own it) exits.
    private func waitForName(_ name: String, toBeOwned: Bool, timeout: Duration, while process: DesktopProcess?) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try nameHasOwner(name) == toBeOwned { return }
            if let process, !process.isRunning {
                throw DesktopSessionError("\(process.name) exited before taking \(name) on the bus.")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw DesktopSessionError("\(name) was still \(toBeOwned ? "unowned" : "owned") on the test bus after \(timeout).")
    }

    private func count(_ what: String) throws -> Int {
        let text = try run("/usr/bin/dunstctl", ["count", what]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Int(text) else { throw DesktopSessionError("dunstctl count \(what) printed '\(text)', not a number.") }
        return value
    }

    private func writeDunstFiles() throws {
        let script = directory.appendingPathComponent("dmenu.sh")
        try DunstConfig.dmenuScript(patternFile: dmenuPatternFile.path, inputLog: dmenuInputLog.path)
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try DunstConfig.dunstrc(dmenu: script.path).write(to: dunstrc, atomically: true, encoding: .utf8)
    }

    private static func busConfig(socketPath: String) -> String {
        // A session bus with no service directories: nothing is ever activated, so "no
        // server" means no server.
        """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>session</type>
          <listen>unix:path=\(socketPath)</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>

        """
    }
}
