import Dispatch
import Foundation
import SteadyExternal

/// A long-running child process started for a test (a bus, a display, a notification
/// server), with its output in a log file and a reliable way to stop it.
///
/// Started with `posix_spawn` rather than `Process`, for two reasons: the child gets a clean
/// signal mask and default dispositions (a child spawned from a Dispatch worker thread
/// otherwise inherits its blocked signals and ignores SIGTERM), and it leads its own process
/// group, so stopping it also stops anything it spawned.
public final class DesktopProcess: @unchecked Sendable {
    /// A short name for messages ("dbus-daemon", "Xvfb", "dunst").
    public let name: String
    /// The process id (also its process group id).
    public let pid: pid_t
    /// Where its stderr (and stdout unless read by the test) goes.
    public let logFile: URL
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var hasExited = false

    /// Starts `executable` with `arguments` and exactly `environment`. With `capturingStdout`,
    /// its stdout is a pipe read by ``readFirstLine()``; otherwise stdout goes to the log.
    public init(
        name: String, executable: String, arguments: [String], environment: [String: String], logFile: URL,
        capturingStdout: Bool = false
    ) throws {
        self.name = name
        self.logFile = logFile
        let logFD = open(logFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logFD >= 0 else { throw DesktopSessionError("Could not create \(logFile.path): \(Self.errnoText()).") }
        defer { close(logFD) }
        var pipeFDs: [Int32] = [-1, -1]
        if capturingStdout {
            guard pipe(&pipeFDs) == 0 else {
                throw DesktopSessionError("Could not make a pipe for \(name): \(Self.errnoText()).")
            }
            _ = fcntl(pipeFDs[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFDs[1], F_SETFD, FD_CLOEXEC)
        }

        // Nothing else of the test process's is inherited: after hundreds of tests it holds
        // descriptors past 1024, and plasmashell aborts when one of its own lands there (select()).
        let spawned = ChildSpawn.start([executable] + arguments, environment: environment, stdin: nil,
                                       stdout: capturingStdout ? pipeFDs[1] : logFD, stderr: logFD, closingOthers: true)
        if capturingStdout { close(pipeFDs[1]) }
        switch spawned {
        case .success(let pid):
            self.pid = pid
        case .failure(let error):
            if capturingStdout { close(pipeFDs[0]) }
            throw DesktopSessionError("Could not start \(name) (\(executable)): \(error). Is its package installed?")
        }
        stdoutFD = capturingStdout ? pipeFDs[0] : -1

        // Reap it on a thread of its own: the wait is an event, not a poll.
        let exited = self.exited
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            exited.signal()
        }
    }

    private var stdoutFD: Int32

    deinit {
        stop()
        if stdoutFD >= 0 { close(stdoutFD) }
    }

    /// Whether it is still running.
    public var isRunning: Bool { !waitForExit(timeout: .zero) }

    /// The last lines it wrote to its log, for failure messages.
    public func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// Waits until it exits, at most `timeout`; returns whether it exited.
    @discardableResult
    public func waitForExit(timeout: Duration) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if hasExited { return true }
        let nanos = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        guard exited.wait(timeout: .now() + .nanoseconds(Int(nanos))) == .success else { return false }
        hasExited = true
        return true
    }

    /// Stops it and everything it started: SIGTERM to its process group, then SIGKILL if it
    /// is still there after `grace`. Waits for the exit.
    public func stop(grace: Duration = .seconds(3)) {
        // Signal the group only while its leader is alive: then the group id cannot belong to anyone else.
        if waitForExit(timeout: .zero) { return }
        kill(-pid, SIGTERM)
        if waitForExit(timeout: grace) { return }
        kill(-pid, SIGKILL)
        waitForExit(timeout: .seconds(5))
    }

    /// Reads the first line it prints on stdout (a readiness line such as a bus address);
    /// fails if it exits first. Requires `capturingStdout`.
    public func readFirstLine() throws -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 256)
        while !data.contains(UInt8(ascii: "\n")) {
            let count = read(stdoutFD, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw DesktopSessionError("\(name) exited before it was ready. Its log: \(logTail())")
            }
            data.append(contentsOf: buffer[0..<count])
        }
        let line = data.prefix(while: { $0 != UInt8(ascii: "\n") })
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A test environment could not be set up or driven; the sentence says what and why.
public struct DesktopSessionError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
