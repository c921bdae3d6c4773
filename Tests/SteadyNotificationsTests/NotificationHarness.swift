import Dispatch
import SteadyNotifications
import SteadyBus
import SteadyTestSupport

/// A ``NotificationClient`` on its own connection and serial queue, as the daemon runs it,
/// with `async` wrappers so tests can await completions and events.
final class NotificationHarness: @unchecked Sendable {
    let queue = DispatchQueue(label: "steady.tests.notifications")
    let connection: BusConnection
    let client: NotificationClient
    let events = EventRecorder<NotificationEvent>()

    init(busAddress: String, callTimeout: Duration = .seconds(5)) throws {
        connection = try BusConnection.connect(address: busAddress, queue: queue)
        client = NotificationClient(connection: connection)
        queue.sync {
            client.callTimeout = callTimeout
            client.onEvent = { [events] in events.record($0) }
            client.start()
        }
    }

    deinit {
        let connection = self.connection
        let client = self.client
        queue.sync {
            client.stop()
            connection.close()
        }
    }

    /// Sends a notification and returns the server's id for it. Fails the test rather than
    /// hang if the client never completes.
    func notify(_ notification: DesktopNotification, timeout: Duration = .seconds(15)) async throws -> UInt32 {
        let done = EventRecorder<Result<UInt32, BusError>>()
        queue.async { self.client.notify(notification) { done.record($0) } }
        return try await done.next("Notify completion", timeout: timeout) { _ in true }.get()
    }

    /// Asks the server to close a notification.
    func closeNotification(id: UInt32, timeout: Duration = .seconds(15)) async throws {
        let done = EventRecorder<Result<Void, BusError>>()
        queue.async { self.client.closeNotification(id: id) { done.record($0) } }
        try await done.next("CloseNotification completion", timeout: timeout) { _ in true }.get()
    }

    /// The server the client currently knows about.
    var server: ServerInfo? { queue.sync { client.server } }

    // MARK: - Awaiting events

    func serverAppeared(timeout: Duration = .seconds(10)) async throws -> ServerInfo {
        let event = try await events.next("serverAppeared", timeout: timeout) {
            if case .serverAppeared = $0 { true } else { false }
        }
        guard case .serverAppeared(let info) = event else { fatalError("matched above") }
        return info
    }

    func serverVanished(timeout: Duration = .seconds(10)) async throws {
        _ = try await events.next("serverVanished", timeout: timeout) { $0 == .serverVanished }
    }

    func closed(id: UInt32, timeout: Duration = .seconds(10)) async throws -> CloseReason {
        let event = try await events.next("closed(\(id))", timeout: timeout) {
            if case .closed(id, _) = $0 { true } else { false }
        }
        guard case .closed(_, let reason) = event else { fatalError("matched above") }
        return reason
    }

    func actionInvoked(id: UInt32, timeout: Duration = .seconds(10)) async throws -> String {
        let event = try await events.next("actionInvoked(\(id))", timeout: timeout) {
            if case .actionInvoked(id, _) = $0 { true } else { false }
        }
        guard case .actionInvoked(_, let key) = event else { fatalError("matched above") }
        return key
    }

    func replied(id: UInt32, timeout: Duration = .seconds(10)) async throws -> String {
        let event = try await events.next("replied(\(id))", timeout: timeout) {
            if case .replied(id, _) = $0 { true } else { false }
        }
        guard case .replied(_, let text) = event else { fatalError("matched above") }
        return text
    }
}
