import Dispatch
import Foundation
@testable import SteadyDaemon

/// Time for engine tests: wall and monotonic clocks that move only when the test says so,
/// and timers that fire, in order, as time passes.
final class FakeClock: EngineClock, @unchecked Sendable {
    private(set) var now: Date
    private(set) var monotonic: Double = 1_000
    /// Weak: a timer lives as long as the engine that made it (a "crashed" engine's timers go with it).
    private var weakTimers: [WeakTimer] = []
    private var timers: [FakeTimer] { weakTimers.compactMap(\.timer) }

    private struct WeakTimer { weak var timer: FakeTimer? }

    init(_ start: Date) { now = start }

    func makeTimer(queue: DispatchQueue, handler: @escaping () -> Void) -> any EngineTimer {
        let timer = FakeTimer(handler: handler)
        weakTimers.append(WeakTimer(timer: timer))
        return timer
    }

    /// The earliest armed deadline.
    var nextDeadline: Date? { timers.compactMap(\.deadline).min() }

    /// Lets `seconds` of awake time pass: both clocks move, timers fire at their deadlines.
    func advance(by seconds: TimeInterval) { advance(to: now.addingTimeInterval(seconds)) }

    func advance(to target: Date) {
        while let timer = timers.filter({ $0.deadline.map { $0 <= target } ?? false }).min(by: { $0.deadline! < $1.deadline! }) {
            let deadline = max(timer.deadline!, now)
            monotonic += deadline.timeIntervalSince(now)
            now = deadline
            timer.deadline = nil
            timer.handler()
        }
        monotonic += max(0, target.timeIntervalSince(now))
        now = max(now, target)
    }

    /// The machine sleeps for `seconds`: the wall clock moves, the monotonic clock does not
    /// (CLOCK_MONOTONIC stops in suspend). On wake, a wall timer whose deadline passed fires once.
    func suspend(for seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
        fireOverdue()
    }

    /// Someone sets the wall clock by `seconds` (negative: backwards). Monotonic time is unaffected.
    func setWallClock(by seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
        fireOverdue()
    }

    private func fireOverdue() {
        for timer in timers where timer.deadline.map({ $0 <= now }) ?? false {
            timer.deadline = nil
            timer.handler()
        }
    }
}

final class FakeTimer: EngineTimer {
    let handler: () -> Void
    var deadline: Date?
    init(handler: @escaping () -> Void) { self.handler = handler }
    func arm(at deadline: Date) { self.deadline = deadline }
    func disarm() { deadline = nil }
}

/// The real situation "no notification server on the bus": prompts stay pending.
final class NoServer: PromptChannel {
    var isAvailable: Bool { false }
    var serverName: String? { nil }
    var name: String { "notification" }
    var onEvent: ((ChannelEvent) -> Void)?
    func show(_ offer: Offer, replacing handle: UInt32?, completion: @escaping (Result<UInt32, any Error>) -> Void) {
        completion(.failure(ChannelError("no server")))
    }
    func withdraw(_ handle: UInt32) {}
    func connect() {}
    func disconnect() {}
}
