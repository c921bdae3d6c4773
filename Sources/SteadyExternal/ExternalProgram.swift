import Dispatch
import Foundation
import SteadyLocalization

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program of the person's once: request on stdin, reply from stdout, within a time
/// limit and a size limit. Used for external practices and for the command channel.
///
/// The program is started with `posix_spawn` in a process group of its own, with a clean
/// signal mask and default signal dispositions (a daemon's ignored signals are not passed
/// on), stdin and stdout sockets (created close-on-exec atomically, and written with
/// `MSG_NOSIGNAL`, so a program that exits without reading cannot raise SIGPIPE in steady),
/// and stderr `/dev/null` (it could hold what a person wrote).
/// Waiting is `poll(2)` with the deadline as its timeout. On a timeout or an over-long reply
/// the whole process group is killed, so a script's children go too. Nothing here can hang
/// or crash the caller.
///
/// Not Foundation's `Process`: under the service's `RestrictAddressFamilies=AF_UNIX` its
/// CFSocket-based exit notification cannot start, and children are never seen to end.
public struct ExternalProgram: Sendable {
    public let executable: String
    /// Arguments after the program's path.
    public let arguments: [String]
    /// The most seconds a run may take, from start to exit.
    public let timeout: Double
    /// The most bytes the reply may have.
    public let maxReplyBytes: Int

    public init(executable: String, arguments: [String] = [], timeout: Double, maxReplyBytes: Int) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.maxReplyBytes = maxReplyBytes
    }

    /// Runs the program with `input` on stdin; returns what it printed on stdout.
    public func run(input: Data) throws(ExternalPracticeError) -> Data {
        let start = Self.now()
        let deadline = start + timeout

        var stdinFDs: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &stdinFDs) == 0 else {
            let code = errno
            // TRANSLATORS: said of a program; %1$@ is the system's reason (strerror), e.g. "Too many open files".
            throw fail(.cannotStart) { tr("could not be started: no socket for its input (%1$@).", Self.errnoText(code)) }
        }
        var stdoutFDs: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &stdoutFDs) == 0 else {
            let code = errno
            close(stdinFDs[0]); close(stdinFDs[1])
            throw fail(.cannotStart) { tr("could not be started: no socket for its output (%1$@).", Self.errnoText(code)) }
        }
        let (toChild, childIn) = (stdinFDs[0], stdinFDs[1])
        let (fromChild, childOut) = (stdoutFDs[0], stdoutFDs[1])
        var toChildOpen = true
        defer {
            if toChildOpen { close(toChild) }
            close(fromChild)
        }

        let pid: pid_t
        do {
            pid = try spawn(stdin: childIn, stdout: childOut)
        } catch {
            close(childIn); close(childOut)
            throw error
        }
        close(childIn)
        close(childOut)
        let exit = ExitWatcher(pid: pid)

        // Feed the request and collect the reply until the program closes stdout.
        _ = fcntl(toChild, F_SETFL, fcntl(toChild, F_GETFL) | O_NONBLOCK)
        let request = [UInt8](input)
        var written = 0
        var reply = Data()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        if request.isEmpty {
            shutdown(toChild, Int32(SHUT_WR))
        }
        while true {
            let remaining = deadline - Self.now()
            guard remaining > 0 else {
                exit.kill()
                // TRANSLATORS: %1$@ is the time limit, e.g. "2 s".
                throw fail(.timedOut) { tr("did not reply within %1$@; it was stopped.", Self.seconds(timeout)) }
            }
            var fds = [pollfd(fd: fromChild, events: Int16(POLLIN), revents: 0)]
            let writing = toChildOpen && written < request.count
            if writing { fds.append(pollfd(fd: toChild, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 && errno != EINTR {
                let code = errno
                exit.kill()
                throw fail(.cannotStart) { tr("could not be watched (%1$@); it was stopped.", Self.errnoText(code)) }
            }
            if writing, fds[1].revents != 0 {
                let sent = request.withUnsafeBytes {
                    send(toChild, $0.baseAddress! + written, request.count - written, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
                }
                if sent > 0 {
                    written += sent
                    if written == request.count { shutdown(toChild, Int32(SHUT_WR)) }
                } else if sent < 0 && errno != EAGAIN && errno != EINTR {
                    // It closed its stdin without reading everything: its reply decides.
                    close(toChild)
                    toChildOpen = false
                }
            }
            if fds[0].revents != 0 {
                let count = read(fromChild, &chunk, chunk.count)
                if count == 0 { break }
                if count > 0 {
                    reply.append(contentsOf: chunk[0..<count])
                    if reply.count > maxReplyBytes {
                        exit.kill()
                        throw fail(.tooMuchOutput) { tr("printed more than %1$d KiB; it was stopped.", maxReplyBytes / 1024) }
                    }
                } else if errno != EINTR && errno != EAGAIN {
                    break
                }
            }
        }

        // Its stdout is closed: it should be exiting.
        guard let status = exit.wait(until: deadline) else {
            exit.kill()
            throw fail(.timedOut) { tr("did not exit within %1$@ after replying; it was stopped.", Self.seconds(timeout)) }
        }
        switch status {
        case .exited(0): return reply
        case .exited(let code): throw fail(.exited) { tr("exited with status %1$d.", code) }
        case .signalled(let signal): throw fail(.killed) { Self.killed(by: signal) }
        }
    }

    // MARK: - Helpers

    private func spawn(stdin: Int32, stdout: Int32) throws(ExternalPracticeError) -> pid_t {
        switch ChildSpawn.start([executable] + arguments, environment: ProcessInfo.processInfo.environment,
                                stdin: stdin, stdout: stdout, stderr: nil) {
        case .success(let pid): return pid
        // TRANSLATORS: %1$@ is the system's reason (strerror), e.g. "Permission denied".
        case .failure(let error): throw fail(.cannotStart) { tr("could not be started: %1$@.", error.description) }
        }
    }

    /// The error, with `reason` rendered in the person's language and in English.
    private func fail(_ code: ExternalPracticeError.Code, _ reason: () -> String) -> ExternalPracticeError {
        ExternalPracticeError(code, executable: executable, Phrase(reason))
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// `strerror`'s sentence for `code`, in the current language.
    private static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// "was killed by signal 11 (a crash)." in the current language.
    private static func killed(by signal: Int32) -> String {
        switch signal {
        // TRANSLATORS: said of a program; %1$d is the signal's number.
        case SIGSEGV: tr("was killed by signal %1$d (a crash).", signal)
        case SIGABRT: tr("was killed by signal %1$d (it aborted).", signal)
        case SIGKILL: tr("was killed by signal %1$d (killed).", signal)
        case SIGTERM: tr("was killed by signal %1$d (asked to stop).", signal)
        default: tr("was killed by signal %1$d (signal %1$d).", signal)
        }
    }
}

/// How a child process ended.
enum ChildExit: Sendable, Equatable {
    case exited(Int32)
    case signalled(Int32)
}

/// Reaps one child on a thread of its own, so waiting for its exit is an event with a
/// timeout rather than a loop, and kills its process group on request. (Once the leader is
/// reaped, the group id stays reserved by the kernel while any member remains, so the kill
/// reaches the program's own children and nobody else's.)
final class ExitWatcher: @unchecked Sendable {
    private let pid: pid_t
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var status: ChildExit?

    init(pid: pid_t) {
        self.pid = pid
        Thread.detachNewThread { [self] in
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, 0) } while result < 0 && errno == EINTR
            lock.withLock {
                // ECHILD (someone ignores SIGCHLD, so the kernel reaped it): the status is lost.
                status = result < 0 ? .exited(0) : (raw & 0x7f == 0 ? .exited((raw >> 8) & 0xff) : .signalled(raw & 0x7f))
            }
            exited.signal()
        }
    }

    /// Waits for the exit until `deadline` (on the monotonic clock); nil if still running.
    func wait(until deadline: Double) -> ChildExit? {
        let remaining = max(0, deadline - ExternalProgram.now())
        guard exited.wait(timeout: .now() + .nanoseconds(Int(remaining * 1e9))) == .success else { return nil }
        exited.signal()
        return lock.withLock { status }
    }

    /// Kills the process group with SIGKILL and waits (briefly) for the leader to be reaped.
    func kill() {
        _ = Glibc.kill(-pid, SIGKILL)
        _ = wait(until: ExternalProgram.now() + 5)
    }
}
