import CSystemd
import Foundation

/// Tells the service manager what the daemon is doing, through `sd_notify(3)`.
///
/// Every message is a no-op when `NOTIFY_SOCKET` is unset (running outside systemd), so
/// callers never need to check. Messages follow `sd_notify(3)`: `READY=1`, `STATUS=…`,
/// `RELOADING=1` with `MONOTONIC_USEC=`, `STOPPING=1`, `WATCHDOG=1`, `ERRNO=`,
/// `EXTEND_TIMEOUT_USEC=`.
public struct ServiceNotifier: Sendable {
    public init() {}

    /// Whether a service manager is listening (`NOTIFY_SOCKET` is set).
    public var isSupervised: Bool { ProcessInfo.processInfo.environment["NOTIFY_SOCKET"] != nil }

    /// Start-up (or a reload) is complete; `status` describes what comes next.
    public func ready(status: String) { send(["READY=1", "STATUS=\(Self.clean(status))"]) }

    /// Updates the one-line status shown by `systemctl status`.
    public func status(_ status: String) { send(["STATUS=\(Self.clean(status))"]) }

    /// A reload has begun. `READY=1` must follow when it ends, successful or not.
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

    /// Asks for more time to start or stop (e.g. a long migration).
    public func extendTimeout(seconds: Double) {
        send(["EXTEND_TIMEOUT_USEC=\(UInt64(seconds * 1_000_000))"])
    }

    /// The interval at which to ping the watchdog: half of `WATCHDOG_USEC`, when the
    /// watchdog is enabled for this process (`WATCHDOG_PID` unset or equal to our pid).
    public static func watchdogPingInterval(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Duration?
    {
        guard let raw = environment["WATCHDOG_USEC"], let usec = UInt64(raw), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() { return nil }
        return .microseconds(Int64(usec / 2))
    }

    private func send(_ lines: [String]) {
        _ = sd_notify(0, lines.joined(separator: "\n"))
    }

    /// Status text is one line.
    private static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }
}
