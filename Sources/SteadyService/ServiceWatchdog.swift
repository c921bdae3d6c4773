import Dispatch
import Foundation

/// Pings systemd's watchdog (`WatchdogSec=`) from a given serial queue.
///
/// The ping timer is a Dispatch source on `queue`, so a ping proves that queue is still
/// turning: when the work on it hangs, pings stop and systemd restarts the service. The
/// daemon passes the engine's queue. The interval is half of `WATCHDOG_USEC`
/// (``ServiceNotifier/watchdogPingInterval(environment:pid:)``); this is the daemon's only
/// periodic wakeup.
public final class ServiceWatchdog: @unchecked Sendable {
    /// Time between pings.
    public let interval: Duration
    private let notifier: ServiceNotifier
    private let queue: DispatchQueue
    private var timer: DispatchSourceTimer?

    /// A watchdog pinging through `notifier` every `interval` from `queue`; nothing runs until ``start()``.
    public init(interval: Duration, notifier: ServiceNotifier, queue: DispatchQueue) {
        self.interval = interval
        self.notifier = notifier
        self.queue = queue
    }

    /// The watchdog systemd asked for in `environment`, or nil when it asked for none (or
    /// asked another process, through `WATCHDOG_PID`).
    public convenience init?(
        environment: [String: String] = ProcessInfo.processInfo.environment, notifier: ServiceNotifier,
        queue: DispatchQueue
    ) {
        guard notifier.isSupervised, let interval = ServiceNotifier.watchdogPingInterval(environment: environment)
        else { return nil }
        self.init(interval: interval, notifier: notifier, queue: queue)
    }

    /// Pings at once, then every `interval`. Call on `queue`.
    public func start() {
        guard timer == nil else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        let nanoseconds = Int(ServiceNotifier.microseconds(interval)) * 1_000
        // A little leeway lets the kernel batch the wakeup; a twentieth of the interval
        // keeps every ping well inside systemd's deadline.
        source.schedule(deadline: .now(), repeating: .nanoseconds(nanoseconds),
                        leeway: .nanoseconds(max(1_000_000, nanoseconds / 20)))
        source.setEventHandler { [notifier] in notifier.watchdog() }
        source.resume()
        timer = source
    }

    /// Stops pinging. Call on `queue`.
    public func stop() {
        timer?.cancel()
        timer = nil
    }

    deinit {
        timer?.cancel()
    }
}
