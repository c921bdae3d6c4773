import Foundation
import SteadyTestSupport
import Testing

/// The whole service path against a real `systemd --user`: `steady service install` →
/// started by systemd with the hardened unit → `systemctl --user status` → reload with a good
/// and a bad config → a hung engine caught by the watchdog → stop → `steady service uninstall`;
/// and window programs (terminal, answer dialog) started from inside the sandbox.
///
/// PID 1 here is not systemd, so the user manager runs in private mount and PID namespaces
/// (see ``UserManager``): a tmpfs `/run` with `/run/systemd/system`, the test's home bind-
/// mounted over `/root`, its own cgroup, and a session bus at `/run/user/0/bus`. Needs root;
/// nothing outside the namespaces changes except a cgroup directory, removed at the end.
@Suite(.serialized)
struct ServiceUserManagerEndToEndTests {
    @Test func install_start_status_reload_watchdog_stop_uninstall() throws {
        try requireRoot("mount and PID namespaces")
        let manager = try UserManager()
        defer { manager.stop() }
        try manager.writeConfig("""
            quiet-hours = "off"
            [practices.wins]
            schedule = "*-*-* 23:59:58"
            """)

        // Install: files, daemon-reload, enable --now; systemd waits for READY=1.
        let install = try manager.run([SteadyBinary.path, "service", "install"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)\n\(manager.diagnostics())")
        #expect(install.stdout.contains("ran systemctl --user enable --now steady.service\n"))
        #expect(install.stdout.contains("steady is running: next: wins at "), "\(install.stdout)")

        let status = try manager.run(["systemctl", "--user", "--no-pager", "status", "steady"])
        #expect(status.stdout.contains("Active: active (running)"), "\(status.stdout)")
        #expect(status.stdout.contains("Status: \"next: wins at "), "\(status.stdout)")
        let serviceStatus = try manager.run(["steady", "service", "status"])
        #expect(serviceStatus.status == 0)
        #expect(serviceStatus.stdout.hasPrefix("steady.service: active (running), pid "), "\(serviceStatus.stdout)")
        #expect(serviceStatus.stdout.contains("(enabled)"), "\(serviceStatus.stdout)")
        let verify = try manager.run(["systemd-analyze", "--user", "verify", "\(UserManager.sessionHome)/.config/systemd/user/steady.service"])
        #expect(verify.status == 0 && SystemdVerify.complaints(verify.stderr).isEmpty, "\(verify.stdout)\(verify.stderr)")

        // The hardening is in force on the running process, and D-Bus still works through it.
        let pid = try manager.property("MainPID")
        let proc = try manager.run(["cat", "/proc/\(pid)/status"]).stdout
        #expect(proc.contains("NoNewPrivs:\t1"), "\(proc)")
        #expect(proc.contains("Seccomp:\t2"), "\(proc)")
        #expect(proc.contains("CapEff:\t0000000000000000"), "\(proc)")
        let interfaces = try manager.run(["cat", "/proc/\(pid)/net/dev"]).stdout.split(separator: "\n")
            .filter { !$0.contains("|") }.compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) }
        #expect(interfaces == ["lo"], "PrivateNetwork: the service sees the interfaces \(interfaces)")
        let writes = try manager.run(["nsenter", "-t", pid, "-m", "--", "/bin/sh", "-c",
                                      "touch \(UserManager.sessionHome)/outside 2>/dev/null && echo home-writable; touch \(UserManager.sessionHome)/.local/share/steady/probe && echo journal-writable"])
        #expect(writes.stdout == "journal-writable\n", "\(writes.stdout)\(writes.stderr)")
        let bus = try manager.run(["busctl", "--user", "--no-pager", "list"])
        #expect(bus.stdout.split(separator: "\n").contains { $0.contains(" \(pid) steady ") && $0.contains("steady.service") },
                "steady is not on the session bus: \(bus.stdout)")

        // Reload with a good config: the new schedule shows in systemd's status line.
        try manager.writeConfig("""
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "*-*-* 23:59:59"
            """)
        #expect(try manager.run(["systemctl", "--user", "reload", "steady"]).status == 0)
        let reloaded = try manager.waitFor { try manager.property("StatusText").hasPrefix("next: evening-reflection at ") }
        #expect(reloaded, "\(manager.diagnostics())")

        // Reload with a broken config: still running, the old settings kept, the reason shown.
        try manager.writeConfig("[practices.evening-reflection]\nschedul = \"21:00\"\n")
        #expect(try manager.run(["systemctl", "--user", "reload", "steady"]).status == 0)
        #expect(try manager.waitFor { try manager.property("StatusText").contains("config error, previous settings kept") })
        #expect(try manager.property("StatusText").contains("\(UserManager.sessionHome)/.config/steady/config.toml:2:1"))
        #expect(try manager.property("ActiveState") == "active")
        #expect(try manager.property("MainPID") == pid)

        // A hung engine: with WatchdogSec=2 and the journal locked by another process, a reload
        // blocks the engine queue for SQLite's 5 s busy timeout; systemd kills and restarts steady.
        try manager.writeConfig("quiet-hours = \"off\"\n")
        try manager.home.write(".config/systemd/user/steady.service.d/watchdog.conf", "[Service]\nWatchdogSec=2\n")
        #expect(try manager.run(["systemctl", "--user", "daemon-reload"]).status == 0)
        #expect(try manager.run(["systemctl", "--user", "restart", "steady"]).status == 0)
        #expect(try manager.property("WatchdogUSec") == "2s")
        let hungPID = try manager.property("MainPID")
        let lock = try SQLiteWriteLock(path: manager.home.file(".local/share/steady/journal.sqlite"))
        #expect(try manager.run(["systemctl", "--user", "reload", "--no-block", "steady"]).status == 0)
        let caught = try manager.waitFor(timeout: 15) { try manager.property("Result") == "watchdog" }
        #expect(caught, "no watchdog timeout: \(manager.diagnostics())")
        lock.release()
        #expect(try manager.waitFor(timeout: 20) {
            try manager.property("ActiveState") == "active" && manager.property("MainPID") != hungPID
        })
        #expect(try manager.property("NRestarts") == "1")

        // Stop: a clean exit, well within TimeoutStopSec.
        #expect(try manager.run(["systemctl", "--user", "stop", "steady"]).status == 0)
        #expect(try manager.property("ActiveState") == "inactive")
        #expect(try manager.property("Result") == "success")
        #expect(try manager.property("ExecMainStatus") == "0")

        // Uninstall: the unit is gone, the journal stays.
        try? FileManager.default.removeItem(atPath: manager.home.file(".config/systemd/user/steady.service.d"))
        let uninstall = try manager.run(["steady", "service", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
        #expect(try manager.run(["systemctl", "--user", "cat", "steady"]).status != 0)
        #expect(FileManager.default.fileExists(atPath: manager.home.file(".local/share/steady/journal.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: manager.home.file(".local/bin/steady")))
    }

    /// Issue 10 #8: a person whose XDG_DATA_HOME is not ~/.local/share got a unit allowing only
    /// `%h/.local/share/steady`, or one naming their directory while the daemon, which never
    /// sees a shell's variables, looked in ~/.local/share: exit 74 either way. Now `install`
    /// writes a drop-in giving the service the same directory, and writable.
    @Test func install_withOwnDataHome_runsTheServiceOnThatJournal() throws {
        try requireRoot("mount and PID namespaces")
        let manager = try UserManager()
        defer { manager.stop() }
        try manager.writeConfig("quiet-hours = \"off\"\n[practices.wins]\nschedule = \"*-*-* 23:59:58\"")
        let own = ["XDG_DATA_HOME=\(UserManager.sessionHome)/own data"]
        let install = try manager.run([SteadyBinary.path, "service", "install"], environment: own)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)\n\(manager.diagnostics())")
        #expect(install.stdout.contains("wrote the drop-in for your XDG directories \(UserManager.sessionHome)/.config/systemd/user/steady.service.d/xdg-paths.conf\n"),
                "\(install.stdout)")
        #expect(try manager.property("ActiveState") == "active", "\(manager.diagnostics())")
        #expect(try manager.property("StatusText").hasPrefix("next: wins at "))
        // The daemon opened the journal in the person's own directory, and nothing in the default one.
        #expect(FileManager.default.fileExists(atPath: manager.home.file("own data/steady/journal.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: manager.home.file(".local/share/steady")))

        let uninstall = try manager.run(["steady", "service", "uninstall"], environment: own)
        #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
        #expect(!FileManager.default.fileExists(atPath: manager.home.file(".config/systemd/user/steady.service.d")))
        #expect(uninstall.stdout.contains("kept your journal in \(UserManager.sessionHome)/own data/steady"), "\(uninstall.stdout)")
    }

    /// Window programs, with steady as the hardened service: the daemon, inside the sandbox
    /// (no network, no writable home, a syscall filter, its own user namespace), asks the
    /// user manager to start them (`systemd-run --user`), and they run outside it. "Guide me":
    /// the terminal can write to the home, sits in a transient unit's cgroup, gets the
    /// display, and its `steady breathe` answers the check-in. "Answer…": the dialog's answer
    /// comes back through `systemd-run --wait --pipe` and is recorded.
    @Test func windowPrograms_startOutsideTheSandbox_throughTheUserManager() throws {
        try requireRoot("mount and PID namespaces")
        let manager = try UserManager()
        defer { manager.stop() }
        // A terminal stand-in: notes how it was run and where (its cgroup), proves it can write
        // where the service cannot, then runs the guide quickly with Enter for both ratings.
        let terminal = try manager.home.write("terminal.sh", """
            #!/bin/sh
            [ "$1" = "-e" ] || exit 2
            shift
            { id -u; echo "DISPLAY=$DISPLAY"; echo "$@"; cat /proc/self/cgroup; } > \(UserManager.sessionHome)/terminal-ran
            touch \(UserManager.sessionHome)/outside-the-sandbox
            printf '\\n\\n' | "$@" --speed 50 --rounds 1 > \(UserManager.sessionHome)/breathe.log 2>&1
            echo "exit $?" >> \(UserManager.sessionHome)/breathe.log
            """)
        chmod(terminal, 0o755)
        // A dialog stand-in: what a person would type, and where it ran.
        let dialog = try manager.home.write("dialog.sh", """
            #!/bin/sh
            [ -n "$STEADY_PROMPT_ID" ] || exit 1
            { id -u; echo "DISPLAY=$DISPLAY"; cat /proc/self/cgroup; } > \(UserManager.sessionHome)/dialog-ran
            echo 'finished the draft'
            """)
        chmod(dialog, 0o755)
        // The service's environment: the terminal and a display; its log in a file (no journald here).
        try manager.home.write(".config/systemd/user/steady.service.d/test.conf", """
            [Service]
            Environment=TERMINAL=\(UserManager.sessionHome)/terminal.sh DISPLAY=:99
            StandardError=file:\(UserManager.sessionHome)/steady.log
            """)
        let slot = DaemonEndToEndTests.slot(inSeconds: 15)
        try manager.writeConfig("""
            quiet-hours = "off"
            answer-command = "\(UserManager.sessionHome)/dialog.sh"
            [practices.morning-mindfulness]
            schedule = "\(slot.expression)"
            technique = "box"
            [practices.wins]
            schedule = "\(slot.expression)"
            """)

        // The notification server is on the manager's session bus before steady starts; the
        // bus socket is reached from outside through the namespace's root.
        let server = try TestNotificationServer(
            address: "unix:path=" + manager.fromHost("/run/user/0/bus"), capabilities: ["actions", "body"])
        defer { server.stop() }

        let install = try manager.run([SteadyBinary.path, "service", "install"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)\n\(manager.diagnostics())")
        #expect(install.stdout.contains("steady is running: next: "), "\(install.stdout)")

        // Both bubbles come: morning mindfulness with "Guide me" since a terminal exists, and
        // wins, with "Answer…" (a text prompt, and this server has no inline reply).
        var bubbles: [(id: UInt32, call: TestNotificationServer.Received)] = []
        let shown = try manager.waitFor(timeout: 40) {
            bubbles = server.notifications
            return bubbles.count >= 2
        }
        let daemonLog = { (try? String(contentsOfFile: manager.home.file("steady.log"), encoding: .utf8)) ?? "" }
        #expect(shown, "\(server.received)\n\(daemonLog())\n\(manager.diagnostics())")
        let guided = try #require(bubbles.first { $0.call.actions.contains("steady:guide") }, "\(server.received)")
        let answerable = try #require(bubbles.first { $0.id != guided.id && $0.call.actions.contains("steady:answer") }, "\(server.received)")
        try server.emitActionInvoked(id: guided.id, key: "steady:guide")

        // The terminal ran outside the sandbox: it wrote to the home, which is read-only in
        // there, as a transient unit of the user manager, with the display passed on.
        let ran = manager.home.file("terminal-ran")
        let outside = manager.home.file("outside-the-sandbox")
        let started = try manager.waitFor(timeout: 20) {
            FileManager.default.fileExists(atPath: ran) && FileManager.default.fileExists(atPath: outside)
        }
        #expect(started, "the terminal did not run: \(manager.diagnostics())")
        let report = (try? String(contentsOfFile: ran, encoding: .utf8)) ?? ""
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.first == "0", "\(report)")
        #expect(lines.contains("DISPLAY=:99"), "\(report)")
        #expect(lines.contains("\(UserManager.sessionHome)/.local/bin/steady breathe box"), "\(report)")
        #expect(lines.contains { $0.contains("/app.slice/run-") && $0.hasSuffix(".service") } && !report.contains("steady.service"),
                "not in a transient unit of its own: \(report)")

        // The guide answers the check-in.
        let journal = "\(UserManager.sessionHome)/.local/share/steady/journal.sqlite"
        let query = "SELECT p.practice, a.text, a.channel FROM answer a JOIN prompt p ON p.id = a.prompt_id ORDER BY p.practice"
        let breathed = try manager.waitFor(timeout: 30) {
            ((try? String(contentsOfFile: manager.home.file("breathe.log"), encoding: .utf8)) ?? "").contains("exit ")
        }
        let log = (try? String(contentsOfFile: manager.home.file("breathe.log"), encoding: .utf8)) ?? ""
        #expect(breathed && log.hasSuffix("exit 0\n"), "\(log)\n\(manager.diagnostics())")
        #expect(try manager.run(["sqlite3", journal, query]).stdout == "morning-mindfulness|box|terminal\n")

        // Then "Answer…" on the other bubble: the dialog runs outside too, after the terminal
        // (so the daemon's launcher must notice a second program's end), and its answer comes
        // back through systemd-run's pipe.
        try server.emitActionInvoked(id: answerable.id, key: "steady:answer")
        let answered = try manager.waitFor(timeout: 20) {
            try manager.run(["sqlite3", journal, query]).stdout.contains("wins|")
        }
        let dialogRan = (try? String(contentsOfFile: manager.home.file("dialog-ran"), encoding: .utf8)) ?? ""
        #expect(dialogRan.hasPrefix("0\nDISPLAY=:99\n") && dialogRan.contains("/app.slice/run-"), "\(dialogRan)")
        let answers = try manager.run(["sqlite3", journal, query])
        #expect(answered && answers.stdout == "morning-mindfulness|box|terminal\nwins|finished the draft|notification\n",
                "\(answers.stdout)\(answers.stderr)\n\(daemonLog())")
        #expect(try manager.waitFor { try !manager.property("StatusText").contains("pending") }, "\((try? manager.property("StatusText")) ?? "")")
        // The daemon noted it, without the prompt's text.
        let logged = daemonLog()
        #expect(logged.contains("info: guide opened in a terminal"), "\(logged)")
        #expect(!logged.contains("warning") && !logged.contains("CFSocket"), "\(logged)")
        for bubble in [guided, answerable] {
            #expect(!bubble.call.body.isEmpty && !logged.contains(bubble.call.body), "\(logged)")
        }

        // Stop, uninstall.
        try? FileManager.default.removeItem(atPath: manager.home.file(".config/systemd/user/steady.service.d"))
        #expect(try manager.run(["systemctl", "--user", "stop", "steady"]).status == 0)
        #expect(try manager.property("Result") == "success")
        let uninstall = try manager.run(["steady", "service", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
    }
}

/// A `systemd --user` (and its session bus) in private mount and PID namespaces,
/// with the test's temporary home as `/root`. Commands run inside with `nsenter`.
///
/// With `throwawaySystem`, the namespaces' `/` is an overlay over the real one (its upper
/// layer on a tmpfs of their own; `pivot_root` makes it the root of the mount namespace): packages can be
/// installed and purged there as on a machine of its own, and the real `/usr` never changes.
/// ``overlayChanges()`` lists what the overlay holds.
final class UserManager: @unchecked Sendable {
    let home = TemporaryDirectory(prefix: "steady-um")
    let cgroup = "steady-test-\(UInt32.random(in: 0...UInt32.max))"
    private let process: DesktopProcess
    /// The namespace's first process, as the host sees it.
    let namespacePID: String
    /// Where the overlay's layers are mounted before the pivot, and (under /mnt, the old
    /// root) after it.
    static let layers = "/run/steady-throwaway"
    static var upperLayer: String { "/mnt" + layers + "/upper" }

    init(throwawaySystem: Bool = false) throws {
        try home.write(".manager.sh", Self.managerScript)
        let script = try home.write(".harness.sh", throwawaySystem ? Self.throwawayHarness : Self.harness)
        let log = URL(fileURLWithPath: home.file(".harness.log"))
        process = try DesktopProcess(
            name: "systemd --user", executable: "/usr/bin/unshare",
            arguments: ["--mount", "--pid", "--fork", "--kill-child", "--mount-proc", "--propagation", "private",
                        "/bin/sh", script, home.path, cgroup, Self.layers],
            environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"], logFile: log, capturingStdout: true)
        do {
            let line = try process.readFirstLine()
            guard line == "ready" else { throw TestSupportError("the user manager did not start: \(line)") }
            let children = try String(contentsOfFile: "/proc/\(process.pid)/task/\(process.pid)/children", encoding: .utf8)
            guard let child = children.split(separator: " ").first else { throw TestSupportError("unshare has no child") }
            namespacePID = String(child)
        } catch {
            process.stop()
            throw TestSupportError("\(error); harness log: \(process.logTail())")
        }
    }

    /// root's home, where the harness mounts `home` inside the namespaces: the session's
    /// `HOME` and systemd's `%h` there.
    static let sessionHome = "/root"

    /// A path inside the namespaces as the host reaches it: through the first process's root.
    func fromHost(_ inside: String) -> String { "/proc/\(namespacePID)/root" + inside }

    /// The environment of a login session for root inside the namespaces.
    static let session = [
        "HOME=\(sessionHome)", "USER=root", "LOGNAME=root", "XDG_RUNTIME_DIR=/run/user/0", "LANG=C.UTF-8",
        "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/0/bus", "PATH=\(UserManager.sessionHome)/.local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
        "SYSTEMD_COLORS=0", "SYSTEMD_PAGER=",
    ]

    /// Runs `argv` inside the namespaces (and the throwaway system's root), in the session's
    /// environment plus `environment` ("NAME=value").
    func run(_ argv: [String], environment: [String] = [], timeout: Double = 60) throws -> CommandResult {
        try ChildProcess.run("/usr/bin/nsenter", ["-t", namespacePID, "-m", "-p", "-r", "-w", "--", "/usr/bin/env", "-i"]
                             + Self.session + environment + argv,
                             environment: ["PATH": "/usr/bin:/bin"], timeout: timeout)
    }

    /// What the throwaway system's overlay holds: every path created, changed or deleted
    /// (a whiteout) since it was mounted, as "/path" lines, with "(deleted)" for whiteouts.
    func overlayChanges() throws -> [String] {
        let listing = try ChildProcess.run(
            "/usr/bin/nsenter", ["-t", namespacePID, "-m", "-r", "--", "/usr/bin/find", Self.upperLayer, "-mindepth", "1",
                                 "-printf", "%y %P\n"],
            environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        guard listing.status == 0 else { throw TestSupportError("cannot list the overlay: \(listing.stderr)") }
        return listing.stdout.split(separator: "\n").map { line in
            let type = line.prefix(1)
            let path = "/" + line.dropFirst(2)
            return type == "c" ? path + " (deleted)" : (type == "d" ? path + "/" : path)
        }
    }

    /// Lines of a file in the throwaway system's overlay that mention `word`.
    func overlayFilesMentioning(_ word: String) throws -> [String] {
        let found = try ChildProcess.run(
            "/usr/bin/nsenter", ["-t", namespacePID, "-m", "-r", "--", "/usr/bin/grep", "-rlI", "-e", word, Self.upperLayer],
            environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        return found.stdout.split(separator: "\n").map { String($0.dropFirst(Self.upperLayer.count)) }
    }

    /// One property of steady.service (`systemctl --user show -p NAME --value`).
    func property(_ name: String) throws -> String {
        try run(["systemctl", "--user", "show", "-p", name, "--value", "steady.service"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Asks `condition` every 100 ms until it holds or `timeout` passes. systemd's unit state
    /// has no event a test can await from outside the manager, so this is a bounded poll.
    func waitFor(timeout: Double = 10, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return try condition()
    }

    func writeConfig(_ text: String) throws {
        try home.write(".config/steady/config.toml", text + "\n")
    }

    /// The harness log and the manager's view, for failure messages.
    func diagnostics() -> String {
        let status = (try? run(["systemctl", "--user", "--no-pager", "status", "steady"]))?.stdout ?? ""
        return "harness: \(process.logTail())\nsystemctl status: \(status)"
    }

    /// Ends every process in the namespaces and removes the cgroup.
    func stop() {
        process.stop()
        for hierarchy in ["/sys/fs/cgroup/systemd", "/sys/fs/cgroup/unified", "/sys/fs/cgroup"] {
            Self.removeCgroup(hierarchy + "/" + cgroup)
        }
    }

    /// Removes a cgroup and its children, deepest first, once their processes are gone
    /// (the kernel reaps the namespace's processes asynchronously after its first one dies).
    static func removeCgroup(_ path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let subdirectories = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { !$0.contains(".") || $0.hasSuffix(".slice") || $0.hasSuffix(".scope") || $0.hasSuffix(".service") }
                .map { path + "/" + $0 }
                .filter { var isDirectory: ObjCBool = false
                    return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
                .sorted { $0.count > $1.count }
            for directory in subdirectories + [path] { rmdir(directory) }
            if !FileManager.default.fileExists(atPath: path) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Runs as the namespaces' first process: $1 the home, $2 the cgroup name.
    static let harness = #"""
        #!/bin/sh
        set -eu
        home=$1
        cgroup=$2
        # A /run of our own, as a systemd machine has (see .manager.sh), and the home as /root.
        mount -t tmpfs -o mode=0755 tmpfs /run
        mount --bind "$home" /root
        exec /bin/sh \#(UserManager.sessionHome)/.manager.sh "$cgroup"
        """#

    /// The same, in a throwaway system: $1 the home, $2 the cgroup name, $3 where the overlay's
    /// layers go (a tmpfs, so the upper layer never overlaps the lower, /). The overlay becomes
    /// the namespace's root, for this process and everything it starts; /dev, /sys, a new
    /// /proc and a tmpfs /run are mounted into it.
    static let throwawayHarness = #"""
        #!/bin/sh
        set -eu
        home=$1
        cgroup=$2
        layers=$3
        mkdir -p "$layers"
        mount -t tmpfs -o mode=0755 tmpfs "$layers"
        mkdir "$layers/upper" "$layers/work" "$layers/root"
        mount -t overlay overlay -o "lowerdir=/,upperdir=$layers/upper,workdir=$layers/work" "$layers/root"
        root=$layers/root
        mount --rbind /dev "$root/dev"
        mount --rbind /sys "$root/sys"
        mount -t proc proc "$root/proc"
        mount -t tmpfs -o mode=0755 tmpfs "$root/run"
        mount --bind "$home" "$root/root"
        # pivot_root, not chroot: the kernel refuses a user namespace (the unit's PrivateUsers=)
        # to a chrooted process. The old root stays reachable at /mnt (the layers with it).
        cd "$root"
        pivot_root . mnt
        cd /
        exec /bin/sh \#(UserManager.sessionHome)/.manager.sh "$cgroup"
        """#

    /// Starts the user manager once /run is fresh and the home is /root: $1 the cgroup name.
    static let managerScript = #"""
        #!/bin/sh
        set -eu
        cgroup=$1
        # systemd looks for /run/systemd/system, and namespaced units need /run/systemd/inaccessible.
        mkdir -p /run/systemd/system /run/systemd/inaccessible /run/user/0
        chmod 0700 /run/user/0
        cd /run/systemd/inaccessible
        touch reg; mkdir dir; mkfifo fifo; mknod chr c 0 0; mknod blk b 0 0
        if command -v python3 >/dev/null; then python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'; fi
        chmod 0000 reg dir fifo chr blk; [ -e sock ] && chmod 0000 sock
        cd /
        # A cgroup of our own, so the manager manages only what it starts.
        placed=no
        for hierarchy in /sys/fs/cgroup/systemd /sys/fs/cgroup/unified; do
            if [ -d "$hierarchy" ]; then mkdir -p "$hierarchy/$cgroup"; echo $$ > "$hierarchy/$cgroup/cgroup.procs"; placed=yes; fi
        done
        if [ $placed = no ]; then mkdir -p "/sys/fs/cgroup/$cgroup"; echo $$ > "/sys/fs/cgroup/$cgroup/cgroup.procs"; fi
        export HOME=/root XDG_RUNTIME_DIR=/run/user/0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/0/bus
        # The session bus: as on a desktop with dbus-user-session, the manager's dbus.socket,
        # which the manager itself joins (systemd-run --wait and --pipe need it there). Only
        # without that unit a bus of our own (the manager then never joins it).
        socket_unit=no
        for directory in /usr/lib/systemd/user /lib/systemd/user /etc/systemd/user; do
            [ -e "$directory/dbus.socket" ] && socket_unit=yes
        done
        if [ $socket_unit = no ]; then
            dbus-daemon --session --address="$DBUS_SESSION_BUS_ADDRESS" --nofork --nopidfile 2>/dev/null &
        fi
        systemd --user --log-target=console >&2 &
        tries=0
        until [ -S /run/user/0/systemd/private ] && [ -S /run/user/0/bus ]; do
            tries=$((tries + 1)); [ $tries -lt 400 ] || { echo "no user manager"; exit 1; }
            sleep 0.05
        done
        # Start the bus (socket activation) and wait until the manager is on it, so whoever
        # connects next meets both.
        if [ $socket_unit = yes ]; then
            busctl --user --timeout=20 call org.freedesktop.systemd1 /org/freedesktop/systemd1 org.freedesktop.DBus.Peer Ping >&2 \
                || { echo "the user manager is not on the session bus"; exit 1; }
        fi
        echo ready
        wait
        """#
}
