import Dispatch
import Foundation
import SteadyTestSupport
import Testing

@testable import SteadyService

/// The watchdog pings from the queue it is given: at half `WATCHDOG_USEC` while that queue
/// turns, and not at all while it is blocked.
@Suite struct ServiceWatchdogTests {
    let directory = TemporaryDirectory(prefix: "steady-watchdog")

    /// Collects datagrams for `window` seconds.
    static func collect(_ socket: NotifySocket, for window: Double) -> [String] {
        let end = Date().addingTimeInterval(window)
        var messages: [String] = []
        while end.timeIntervalSinceNow > 0, let message = socket.next(timeout: end.timeIntervalSinceNow) {
            messages.append(message)
        }
        return messages
    }

    @Test func pings_atHalfTheWatchdogTimeout() throws {
        let socket = try NotifySocket(directory: directory.path)
        let queue = DispatchQueue(label: "test.engine")
        let notifier = ServiceNotifier(socket: socket.path)
        // WATCHDOG_USEC = 200 ms: a ping every 100 ms.
        let watchdog = try #require(ServiceWatchdog(environment: ["WATCHDOG_USEC": "200000"], notifier: notifier, queue: queue))
        #expect(watchdog.interval == .milliseconds(100))
        queue.sync { watchdog.start() }
        defer { queue.sync { watchdog.stop() } }

        // The first ping comes at once; then count the pings in one second.
        #expect(socket.next(timeout: 5) == "WATCHDOG=1")
        let pings = Self.collect(socket, for: 1.0)
        #expect(pings.allSatisfy { $0 == "WATCHDOG=1" }, "\(pings)")
        // Ten expected; a loaded machine may lose one or two, and never gains more than one.
        #expect((8...11).contains(pings.count), "\(pings.count) pings in 1 s at a 100 ms interval")
    }

    @Test func pings_stopWhileItsQueueIsBlocked_andResumeAfter() throws {
        let socket = try NotifySocket(directory: directory.path)
        let queue = DispatchQueue(label: "test.engine")
        let watchdog = ServiceWatchdog(interval: .milliseconds(100), notifier: ServiceNotifier(socket: socket.path), queue: queue)
        queue.sync { watchdog.start() }
        defer { queue.sync { watchdog.stop() } }
        #expect(socket.next(timeout: 5) == "WATCHDOG=1")

        // Block the queue, as a hung engine would.
        let release = DispatchSemaphore(value: 0)
        let blocked = DispatchSemaphore(value: 0)
        queue.async {
            blocked.signal()
            release.wait()
        }
        blocked.wait()
        // A ping already in flight may still land; after that, silence for five intervals.
        _ = socket.next(timeout: 0.05)
        let whileBlocked = Self.collect(socket, for: 0.5)
        #expect(whileBlocked.isEmpty, "pings while the queue was blocked: \(whileBlocked)")

        release.signal()
        #expect(socket.next(timeout: 2) == "WATCHDOG=1", "pings did not resume after the queue was released")
    }

    @Test func stop_endsThePings() throws {
        let socket = try NotifySocket(directory: directory.path)
        let queue = DispatchQueue(label: "test.engine")
        let watchdog = ServiceWatchdog(interval: .milliseconds(50), notifier: ServiceNotifier(socket: socket.path), queue: queue)
        queue.sync { watchdog.start() }
        #expect(socket.next(timeout: 5) == "WATCHDOG=1")
        queue.sync { watchdog.stop() }
        _ = socket.next(timeout: 0.02)
        #expect(Self.collect(socket, for: 0.3).isEmpty)
    }

    @Test func noWatchdog_whenSystemdAskedForNone_orAskedAnotherProcess() throws {
        let queue = DispatchQueue(label: "test.engine")
        let supervised = ServiceNotifier(socket: directory.file("notify.sock"))
        #expect(ServiceWatchdog(environment: [:], notifier: supervised, queue: queue) == nil)
        #expect(ServiceWatchdog(environment: ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "\(getpid() + 1)"],
                                notifier: supervised, queue: queue) == nil)
        #expect(ServiceWatchdog(environment: ["WATCHDOG_USEC": "1000000"], notifier: ServiceNotifier(socket: nil), queue: queue) == nil)
        let own = ServiceWatchdog(environment: ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "\(getpid())"],
                                  notifier: supervised, queue: queue)
        #expect(own?.interval == .milliseconds(500))
    }
}
