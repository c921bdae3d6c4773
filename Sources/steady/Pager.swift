import Foundation

/// Where `history` writes: straight to standard output, or into a pager that reads lazily.
///
/// Writing to the pager blocks while the person reads; when they quit it, the next write
/// fails with EPIPE and history stops fetching.
final class Pager {
    /// The pager's process id; nil when writing straight to standard output.
    private let pid: pid_t?
    private let fd: Int32
    private var closed = false

    var isPager: Bool { pid != nil }

    private init(pid: pid_t?, fd: Int32) {
        self.pid = pid
        self.fd = fd
    }

    /// Standard output, unpaged.
    static var direct: Pager { Pager(pid: nil, fd: STDOUT_FILENO) }

    /// Starts `$PAGER` (default `less`, with `LESS=FRX` unless set), or nil when there is none.
    ///
    /// Spawned with posix_spawn in this process group, so it owns the terminal as a
    /// foreground program should (a pager in a group of its own is stopped by SIGTTOU).
    static func start() -> Pager? {
        let environment = ProcessInfo.processInfo.environment
        let command = (environment["PAGER"] ?? "less").trimmingCharacters(in: .whitespaces)
        guard !command.isEmpty, command != "cat" else { return nil }
        if command == "less", !isOnPath("less", environment: environment) { return nil }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        var childEnvironment = environment
        if childEnvironment["LESS"] == nil { childEnvironment["LESS"] = "FRX" }
        let shell: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = shell.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = childEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        close(readEnd)
        guard status == 0 else {
            close(writeEnd)
            return nil
        }
        // A closed pager must end the output, not the process; Ctrl-C belongs to the pager.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        return Pager(pid: pid, fd: writeEnd)
    }

    private static func isOnPath(_ name: String, environment: [String: String]) -> Bool {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }

    /// Writes `text`; false once the reader has gone.
    @discardableResult
    func write(_ text: String) -> Bool {
        guard !closed else { return false }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                closed = true
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    /// Closes the pipe and waits for the pager to exit.
    func finish() {
        guard let pid else { return }
        close(fd)
        closed = true
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
