import Foundation
import SteadyTestSupport
import Testing
@testable import SteadyDaemon

/// Starting a window program for real, and telling a program that never ran from one that
/// ran and gave no answer. `systemd-run` is a stand-in here (the real one, from inside the
/// service's sandbox, is in `EndToEndTests/ServiceUserManagerEndToEndTests`).
@Suite struct WindowLauncherLaunchTests {
    let directory = TemporaryDirectory(prefix: "steady-launch")
    static let service = ["INVOCATION_ID": "abc", "PATH": "/usr/bin:/bin"]

    /// A `systemd-run` stand-in running `script`.
    func systemdRun(_ script: String) throws -> String {
        let path = try directory.write("systemd-run", "#!/bin/sh\n" + script + "\n")
        chmod(path, 0o755)
        return path
    }

    func launch(_ argv: [String], output: Bool, environment: [String: String] = service,
                systemdRun: String = WindowLauncher.systemdRun) async -> WindowLauncher.Outcome {
        await withCheckedContinuation { continuation in
            WindowLauncher.launch(argv, output: output, environment: environment, exists: { _ in true },
                                  systemdRun: systemdRun) { continuation.resume(returning: $0) }
        }
    }

    @Test func noUserManagerReachable_isANotStartedWithSystemdRunsReason() async throws {
        // What systemd-run says in a service run by the system manager, or without XDG_RUNTIME_DIR.
        let failing = try systemdRun("echo 'Failed to connect to bus: No medium found' >&2; exit 1")
        let terminal = await launch(["/usr/bin/xterm", "-e", "steady", "breathe", "box"], output: false, systemdRun: failing)
        #expect(terminal == .notStarted("systemd-run (status 1): Failed to connect to bus: No medium found"))
        let dialog = await launch(["/usr/bin/zenity", "--entry", "--text", "How did it go?"], output: true, systemdRun: failing)
        #expect(dialog == .notStarted("systemd-run (status 1): Failed to connect to bus: No medium found"))
    }

    @Test func withoutThePipe_anyFailureOfSystemdRunIsNotStarted() async throws {
        let silent = try systemdRun("exit 1")
        #expect(await launch(["/usr/bin/xterm"], output: false, systemdRun: silent) == .notStarted("systemd-run exited with status 1"))
    }

    @Test func throughThePipe_theProgramsOwnStatusAndStderr_areNotAFailureToStart() async throws {
        // Runs what follows `--`, with its stdio, as `systemd-run --wait --pipe` does.
        let passing = try systemdRun(#"while [ "$1" != "--" ]; do shift; done; shift; exec "$@""#)
        let answered = await launch(["/bin/sh", "-c", "echo 'a quiet walk'"], output: true, systemdRun: passing)
        #expect(answered == .started(status: 0, output: "a quiet walk\n"))
        // A cancelled dialog: status 1 and a toolkit's complaint.
        let cancelled = await launch(["/bin/sh", "-c", "echo 'Gtk-Message: Failed to load module' >&2; exit 1"], output: true,
                                     systemdRun: passing)
        #expect(cancelled == .started(status: 1, output: ""))
        // The terminal: systemd-run returns once the unit started.
        #expect(await launch(["/bin/true"], output: false, systemdRun: passing) == .started(status: 0, output: ""))
    }

    @Test func directly_aMissingProgramIsNotStarted_andARunningOneStarted() async throws {
        let missing = await launch(["/nonexistent/xterm", "-e", "steady"], output: false, environment: ["PATH": "/usr/bin:/bin"])
        guard case .notStarted(let reason) = missing else { Issue.record("\(missing)"); return }
        #expect(reason.hasPrefix("/nonexistent/xterm could not be started: "), "\(reason)")
        #expect(await launch(["/bin/sleep", "1"], output: false, environment: [:]) == .started(status: 0, output: ""),
                "a terminal started directly is reported at once, not when it closes")
        #expect(await launch(["/bin/echo", "typed"], output: true, environment: [:]) == .started(status: 0, output: "typed\n"))
    }

    @Test func theProgramInheritsNothingButItsStdio_andGetsItsEnvironment() async throws {
        // A descriptor of the daemon's without close-on-exec (a database, a socket) stays home.
        let leaky = open("/dev/null", O_RDONLY)
        defer { close(leaky) }
        let listing = await launch(["/bin/sh", "-c", "ls /proc/self/fd; echo \"$STEADY_PROMPT_ID\""], output: true,
                                   environment: ["STEADY_PROMPT_ID": "12", "PATH": "/usr/bin:/bin"])
        guard case .started(0, let output) = listing else { Issue.record("\(listing)"); return }
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.last == "12")
        #expect(!lines.contains(String(leaky)), "inherited descriptor \(leaky): \(lines)")
        #expect(lines.contains("0") && lines.contains("1") && lines.contains("2"))
    }
}
