import Foundation
import SteadyExternal

// English file: a window that cannot be opened is reported in the daemon's log, which stays English.

/// How the daemon starts a program that opens a window: the answer dialog, or a terminal.
///
/// Run by systemd (`INVOCATION_ID` is set), the daemon lives in the unit's sandbox: a private
/// network namespace and `/tmp` (so no X11 socket), a system-call filter, no writable home. A
/// window program started from there could not reach the display, and would inherit all of
/// it. So there it asks the user manager to start the program, outside the sandbox, as a
/// transient unit (`systemd-run --user`), passing on the display and the environment the
/// program needs. Elsewhere (`steady daemon` in a terminal) it starts the program directly.
enum WindowLauncher {
    /// What a window program needs from the daemon's environment.
    static let passedOn = [
        "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR",
        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "PATH", "LANG", "TZ",
        "STEADY_PROMPT_ID", "STEADY_PROMPT_TITLE", "STEADY_PROMPT_BODY", "STEADY_PROMPT_EXPECTS",
    ]

    static let systemdRun = "/usr/bin/systemd-run"

    /// The command line that starts `argv`: as it is, or through the user manager when the
    /// daemon runs as a service. With `output`, the program's stdout comes back (the dialog's
    /// answer) and the command ends when it does.
    static func command(
        _ argv: [String], output: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) -> [String] {
        guard environment["INVOCATION_ID"] != nil, exists(systemdRun) else { return argv }
        var command = [systemdRun, "--user", "--quiet", "--collect"]
        if output { command += ["--wait", "--pipe"] }
        // Name only: systemd-run takes the value from its own environment, so nothing the
        // person wrote ends up on a command line.
        command += passedOn.filter { environment[$0] != nil }.map { "--setenv=\($0)" }
        return command + ["--"] + argv
    }

    /// How a launch went, as far as the daemon can tell.
    enum Outcome: Sendable, Equatable {
        /// The program was started. With `output` it has also ended: its exit status and
        /// what it printed on stdout (at most 64 KiB).
        case started(status: Int32, output: String)
        /// It never ran, in the words of `systemd-run` (or of the system, when it started
        /// directly). Safe to log: it names no prompt text.
        case notStarted(String)
    }

    /// Starts `argv` as `command` has it and reports, off the caller's queue, how it went.
    ///
    /// Without `output` the program runs on its own: started directly, `finished` comes as soon
    /// as it is running; through the user manager, when `systemd-run` returns (at once: it waits
    /// only for the unit to start, the program's output goes to the user's journal), and a
    /// non-zero status is a failure to start — no user manager reachable from the sandbox,
    /// the program not found. With `output`, `finished` comes when the program ends.
    /// `systemdRun` is where systemd-run is (a stand-in in tests).
    ///
    /// Not Foundation's `Process`: on Linux it learns that a child ended through a CFSocket,
    /// whose manager thread is woken by a pair of `AF_INET` loopback sockets. The service's
    /// `RestrictAddressFamilies=AF_UNIX` refuses those ("Could not create wakeup socket pair
    /// for CFSocket"), and from then on a child started after the first one had ended is never
    /// seen to end: the dialog's answer never arrived. Here a thread of its own reads the
    /// pipes and reaps the child with `waitpid`.
    static func launch(
        _ argv: [String], output: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) },
        systemdRun: String = WindowLauncher.systemdRun,
        finished: @escaping @Sendable (Outcome) -> Void
    ) {
        var argv = command(argv, output: output, environment: environment, exists: exists)
        let throughManager = argv.count > 1 && argv[0] == Self.systemdRun
        if throughManager { argv[0] = systemdRun }
        // Only systemd-run's stderr is kept (its own words): a program started directly may
        // run for long, and its stderr is none of the daemon's business.
        guard let stdout = output ? Pipe.make() : Pipe.none, let stderr = throughManager ? Pipe.make() : Pipe.none else {
            finished(.notStarted("\(argv[0]) could not be started: no pipe (\(String(cString: strerror(errno))))"))
            return
        }
        // Nothing else of the daemon's is inherited (closingOthers): a window program may run for long.
        let spawned = ChildSpawn.start(argv, environment: environment, stdin: nil, stdout: stdout.write >= 0 ? stdout.write : nil,
                                       stderr: stderr.write >= 0 ? stderr.write : nil, closingOthers: true)
        stdout.closeWrite()
        stderr.closeWrite()
        let child: pid_t
        switch spawned {
        case .success(let pid):
            child = pid
        case .failure(let failure):
            stdout.closeRead()
            stderr.closeRead()
            finished(.notStarted("\(argv[0]) could not be started: \(failure)"))
            return
        }
        if !throughManager && !output { finished(.started(status: 0, output: "")) }
        Thread.detachNewThread {
            let (data, errors) = drain(stdout: stdout.read, stderr: stderr.read)
            let status = reap(child)
            guard throughManager || output else { return }
            if throughManager, status != 0, let reason = ownFailure(errors, output: output, status: status) {
                finished(.notStarted(reason))
                return
            }
            finished(.started(status: status, output: String(decoding: data, as: UTF8.self)))
        }
    }

    /// A channel for a child's stdout or stderr: a socket pair created close-on-exec at once
    /// (another thread may be starting a program meanwhile; the child gets its end through
    /// `dup2`, which clears the flag). -1 for "none, /dev/null".
    private struct Pipe: Sendable {
        var read: Int32
        var write: Int32
        static let none: Pipe? = Pipe(read: -1, write: -1)
        static func make() -> Pipe? {
            var fds: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else { return nil }
            shutdown(fds[0], Int32(SHUT_WR))
            shutdown(fds[1], Int32(SHUT_RD))
            return Pipe(read: fds[0], write: fds[1])
        }
        func closeWrite() { if write >= 0 { close(write) } }
        func closeRead() { if read >= 0 { close(read) } }
    }

    /// Reads both pipes (-1: none) to their end at once, so neither can fill up and stall the
    /// child; keeps at most 64 KiB of stdout and 4 KiB of stderr, and closes them.
    private static func drain(stdout: Int32, stderr: Int32) -> (Data, Data) {
        var kept = [Data(), Data()]
        let limits = [64 * 1024, 4 * 1024]
        var fds = [stdout, stderr]
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while fds.contains(where: { $0 >= 0 }) {
            var polled = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&polled, nfds_t(polled.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in fds.indices where fds[index] >= 0 && polled[index].revents != 0 {
                let count = read(fds[index], &chunk, chunk.count)
                if count > 0 {
                    kept[index].append(contentsOf: chunk[0..<min(count, max(0, limits[index] - kept[index].count))])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[index])
                    fds[index] = -1
                }
            }
        }
        for fd in fds where fd >= 0 { close(fd) }
        return (kept[0], kept[1])
    }

    /// Waits for `pid` to end; its exit status, or 128 + the signal that killed it.
    private static func reap(_ pid: pid_t) -> Int32 {
        var raw: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &raw, 0) } while result < 0 && errno == EINTR
        // ECHILD (someone ignores SIGCHLD, so the kernel reaped it): the status is lost.
        guard result == pid else { return 0 }
        return raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }

    /// Why `systemd-run` ended with `status`, when it was systemd-run that failed rather than
    /// the program. Without `--pipe` its stderr and status are its own, so any non-zero status
    /// is a failure. With `--pipe` the program's come through too (a dialog cancelled ends with
    /// 1), so only a first line in systemd-run's words counts — it fails before the program
    /// runs: "Failed to connect to bus: …", "Failed to find executable …", "Job for … failed".
    static func ownFailure(_ stderr: Data, output: Bool, status: Int32) -> String? {
        let first = String(decoding: stderr.prefix(4096), as: UTF8.self).split(separator: "\n").first.map(String.init)
        if let first, first.hasPrefix("Failed to ") || first.hasPrefix("Job for ") || !output {
            return "systemd-run (status \(status)): \(first.prefix(300))"
        }
        return output ? nil : "systemd-run exited with status \(status)"
    }
}
