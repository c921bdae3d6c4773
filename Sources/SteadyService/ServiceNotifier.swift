import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells the service manager what the daemon is doing, with the `sd_notify(3)` protocol.
///
/// Each message is one datagram of newline-separated `KEY=value` assignments sent to the
/// `AF_UNIX` socket named by `NOTIFY_SOCKET` (a path, or an abstract name starting with
/// `@`), exactly what `sd_notify(0, …)` sends. The socket is taken once, at init, so a test
/// can point a notifier at a socket it owns without touching the process environment.
/// Without `NOTIFY_SOCKET` (running outside systemd) every message is a no-op, so callers
/// never need to check.
///
/// The messages steady uses: `READY=1`, `STATUS=…`, `RELOADING=1` with `MONOTONIC_USEC=`,
/// `STOPPING=1`, `WATCHDOG=1`, `ERRNO=`, `EXTEND_TIMEOUT_USEC=`.
public struct ServiceNotifier: Sendable {
    /// `NOTIFY_SOCKET`: a socket path, or `@name` for an abstract socket; nil when unsupervised.
    public let socket: String?

    /// A notifier for the socket named by `NOTIFY_SOCKET` in `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(socket: environment["NOTIFY_SOCKET"])
    }

    /// A notifier for an explicit socket (nil or empty: messages go nowhere).
    public init(socket: String?) {
        self.socket = socket.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a service manager is listening (`NOTIFY_SOCKET` is set).
    public var isSupervised: Bool { socket != nil }

    // MARK: - Messages

    /// Start-up (or a reload) is complete; `status` describes what comes next.
    public func ready(status: String) { send(["READY=1", "STATUS=\(Self.clean(status))"]) }

    /// Updates the one-line status shown by `systemctl status`.
    public func status(_ status: String) { send(["STATUS=\(Self.clean(status))"]) }

    /// A reload has begun. `READY=1` must follow when it ends, successful or not.
    ///
    /// `MONOTONIC_USEC` is `CLOCK_MONOTONIC` now, as systemd requires with `RELOADING=1`.
    public func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// Shutdown has begun.
    public func stopping(status: String = "stopping") { send(["STOPPING=1", "STATUS=\(Self.clean(status))"]) }

    /// Keep-alive ping for `WatchdogSec=`.
    public func watchdog() { send(["WATCHDOG=1"]) }

    /// Start-up failed: the reason for `systemctl status` and an errno-style code.
    public func failed(status: String, errno code: Int32) {
        send(["STATUS=\(Self.clean(status))", "ERRNO=\(code)"])
    }

    /// Asks for `duration` more time (from now) to finish starting or stopping, e.g. while a
    /// long journal migration runs. systemd only ever lengthens the timeout this way.
    public func extendTimeout(_ duration: Duration) {
        send(["EXTEND_TIMEOUT_USEC=\(Self.microseconds(duration))"])
    }

    // MARK: - Watchdog

    /// The interval at which to ping the watchdog: half of `WATCHDOG_USEC`, when the
    /// watchdog is enabled for this process (`WATCHDOG_PID` unset or equal to `pid`), as
    /// `sd_watchdog_enabled(3)` decides. Nil when there is no watchdog.
    public static func watchdogPingInterval(
        environment: [String: String] = ProcessInfo.processInfo.environment, pid: pid_t = getpid()
    ) -> Duration? {
        guard let raw = environment["WATCHDOG_USEC"], let usec = UInt64(raw), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty, pid_t(owner) != pid { return nil }
        return .microseconds(Int64(usec / 2))
    }

    // MARK: - Sending

    /// Sends one datagram; false when there is no socket or the send failed (nobody
    /// listening, socket gone). Like `sd_notify`, a failure is not an error for the caller.
    @discardableResult
    public func send(_ assignments: [String]) -> Bool {
        guard let socket, !assignments.isEmpty else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var name = Array(socket.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        if abstract { name[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard name.count < capacity, abstract || socket.hasPrefix("/") else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: name)
            raw[name.count] = 0
        }
        // An abstract name's length is exact (no terminating NUL); a path's includes one.
        let length = MemoryLayout<sa_family_t>.size + name.count + (abstract ? 0 : 1)
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let message = Array(assignments.joined(separator: "\n").utf8)
        // Never block the engine on a listener that stopped reading: send without waiting,
        // and if its queue is full give it at most 100 ms before dropping this message.
        func attempt() -> Int {
            message.withUnsafeBytes { bytes in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), $0, socklen_t(length))
                    }
                }
            }
        }
        var sent = attempt()
        if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            if poll(&pfd, 1, 100) > 0 { sent = attempt() }
        }
        return sent == message.count
    }

    /// Status text is one line.
    private static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }

    static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds)) * 1_000_000 + UInt64(max(0, attoseconds)) / 1_000_000_000_000
    }

    /// `CLOCK_MONOTONIC` in microseconds.
    public static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }
}
