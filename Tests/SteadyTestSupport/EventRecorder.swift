import Foundation

/// Collects events delivered on a Dispatch queue and lets an async test await them, with
/// a timeout that fails the test instead of hanging it.
public final class EventRecorder<Event: Sendable>: @unchecked Sendable {
    private struct Waiter {
        let id: UUID
        let matches: @Sendable (Event) -> Bool
        let continuation: CheckedContinuation<Event, any Error>
    }

    private let lock = NSLock()
    private var unclaimed: [Event] = []
    private var everything: [Event] = []
    private var waiters: [Waiter] = []

    public init() {}

    /// Records an event (call from the delivering queue).
    public func record(_ event: Event) {
        lock.lock()
        everything.append(event)
        if let index = waiters.firstIndex(where: { $0.matches(event) }) {
            let waiter = waiters.remove(at: index)
            lock.unlock()
            waiter.continuation.resume(returning: event)
            return
        }
        unclaimed.append(event)
        lock.unlock()
    }

    /// Every event recorded so far, in order.
    public var all: [Event] {
        lock.lock()
        defer { lock.unlock() }
        return everything
    }

    /// Returns the first not-yet-claimed event that matches, waiting for it at most `timeout`.
    public func next(
        _ description: String, timeout: Duration = .seconds(10), where matches: @escaping @Sendable (Event) -> Bool
    ) async throws -> Event {
        let id = UUID()
        return try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let index = unclaimed.firstIndex(where: matches) {
                let event = unclaimed.remove(at: index)
                lock.unlock()
                continuation.resume(returning: event)
                return
            }
            waiters.append(Waiter(id: id, matches: matches, continuation: continuation))
            lock.unlock()
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                self?.giveUp(on: id, "no \(description) within \(timeout)")
            }
        }
    }

    /// Fails the waiter `id` if it is still waiting.
    private func giveUp(on id: UUID, _ message: String) {
        lock.lock()
        guard let index = waiters.firstIndex(where: { $0.id == id }) else {
            lock.unlock()
            return
        }
        let waiter = waiters.remove(at: index)
        let seen = everything.map { "\($0)" }
        lock.unlock()
        waiter.continuation.resume(throwing: TimedOut(description: "\(message); events so far: \(seen)"))
    }

    /// Thrown when an awaited event does not come.
    public struct TimedOut: Error, CustomStringConvertible {
        public let description: String
    }
}
