import Foundation

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
}
