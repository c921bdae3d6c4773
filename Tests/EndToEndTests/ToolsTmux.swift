import Foundation
import SteadyTestSupport

/// One `steady` command running in a real pseudo-terminal: a tmux session on a private
/// socket, driven like a person would (keys in, screen out).
///
/// The command runs under `sh -c` that ignores SIGINT itself (as an interactive shell does
/// while a command runs), then prints `[exit N]` and the terminal's echo setting
/// (`[tty echo]` or `[tty -echo]`), so a test can check both after the command ends.
/// Everything is torn down on deinit (`kill-server`).
final class TmuxPane: @unchecked Sendable {
    /// Holds the server's socket, config and log; removed only after the server is gone.
    private let home = TemporaryDirectory(prefix: "steady-tmux")
    let socket: String
    let environment: [String: String]
    private var serverPID: pid_t = 0

    init(name: String, command: [String], environment: [String: String], width: Int = 160, height: Int = 50) throws {
        let directory = home.path
        socket = directory + "/tmux-\(name).sock"
        var env = environment
        env["TMUX"] = nil
        env["TERM"] = "xterm-256color"
        self.environment = env
        let quoted = command.map(Self.quote).joined(separator: " ")
        let script = "trap '' INT; \(quoted); echo \"[exit $?]\"; "
            + "echo \"[tty $(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo)]\"; exec cat"
        // Keep everything the command prints, however long (set before the pane exists).
        let conf = directory + "/tmux-\(name).conf"
        try "set -g history-limit 10000\n".write(toFile: conf, atomically: true, encoding: .utf8)
        // Not through `Process`: the tmux server this starts keeps the descriptors it inherits,
        // and Foundation on Linux then never reports the client's exit. posix_spawn and
        // waitpid (DesktopProcess) see it exit as it does.
        let client = try DesktopProcess(
            name: "tmux", executable: "/usr/bin/tmux",
            arguments: ["-S", socket, "-f", conf, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script],
            environment: env, logFile: URL(fileURLWithPath: directory + "/tmux-\(name).log"))
        guard client.waitForExit(timeout: .seconds(20)) else {
            throw TestSupportError("tmux new-session did not return within 20 s: \(client.logTail())")
        }
        guard FileManager.default.fileExists(atPath: socket) else {
            throw TestSupportError("tmux did not start a server: \(client.logTail())")
        }
        serverPID = pid_t(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Ends the server (and with it the pane and the command) even if a test failed midway.
    deinit {
        _ = try? ChildProcess.run("/usr/bin/tmux", ["-S", socket, "kill-server"], environment: environment, timeout: 10)
        if serverPID > 0, kill(serverPID, 0) == 0 { kill(serverPID, SIGKILL) }
    }

    /// The whole pane, scrollback included, wrapped lines joined.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-E", "-"])
    }

    /// Waits until the pane shows `text`, looking every 20 ms for at most `timeout` seconds
    /// (the screen changes without telling anyone); returns the screen then.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition` (described for the failure message).
    @discardableResult
    func waitUntil(_ description: String, timeout: Double = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw TestSupportError("the terminal never showed \(description) within \(timeout) s; it shows:\n\(last)")
    }

    /// Waits for `prompt`, then types `answer` and Enter.
    func answer(_ prompt: String, with answer: String) throws {
        try waitFor(prompt)
        try type(answer)
    }

    /// Types `text` (literally) and presses Enter.
    func type(_ text: String) throws {
        if !text.isEmpty { try tmux(["send-keys", "-l", text]) }
        try tmux(["send-keys", "Enter"])
    }

    /// Presses a key by its tmux name (`C-c`).
    func press(_ key: String) throws {
        try tmux(["send-keys", key])
    }

    /// Waits for the command to end (and the echo setting after it) and returns its exit status.
    func exitStatus(timeout: Double = 30) throws -> Int32 {
        let screen = try waitFor("[tty ", timeout: timeout)
        guard let range = screen.range(of: #"\[exit (\d+)\]"#, options: .regularExpression),
              let status = Int32(screen[range].dropFirst(6).dropLast()) else {
            throw TestSupportError("no exit status on the screen:\n\(screen)")
        }
        return status
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run("/usr/bin/tmux", ["-S", socket] + arguments, environment: environment, timeout: 20)
        guard result.status == 0 else {
            throw TestSupportError("tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    private static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
