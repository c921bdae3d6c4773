import Dispatch
import Foundation

/// The engine's source of time: the wall clock and one-shot wall-clock timers.
///
/// The daemon uses `SystemClock`; tests substitute a clock they advance by hand, so a
/// simulated week runs in milliseconds. Timers fire on the queue they were made for.
public protocol EngineClock: AnyObject {
    /// The current wall-clock time.
    var now: Date { get }
    /// Monotonic time in seconds (does not jump with the wall clock; stops during suspend on Linux).
    var monotonic: Double { get }
    /// A one-shot timer that calls `handler` on `queue` at the wall-clock deadline last armed.
    func makeTimer(queue: DispatchQueue, handler: @escaping () -> Void) -> any EngineTimer
}

/// A re-armable one-shot timer.
public protocol EngineTimer: AnyObject {
    /// Fires once at `deadline` (or as soon as possible when it has passed); replaces any earlier arming.
    func arm(at deadline: Date)
    /// Disarms without firing.
    func disarm()
}

/// Real time: `Date()`, `CLOCK_MONOTONIC` and `DispatchSourceTimer` on `.wallDeadline`.
public final class SystemClock: EngineClock {
    public init() {}

    public var now: Date { Date() }

    public var monotonic: Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public func makeTimer(queue: DispatchQueue, handler: @escaping () -> Void) -> any EngineTimer {
        WallTimer(queue: queue, handler: handler)
    }

    /// A `DispatchSourceTimer` scheduled on a wall-clock deadline, so a clock change or a
    /// suspend moves the firing time with the wall clock.
    final class WallTimer: EngineTimer {
        private let source: DispatchSourceTimer

        init(queue: DispatchQueue, handler: @escaping () -> Void) {
            source = DispatchSource.makeTimerSource(flags: [.strict], queue: queue)
            source.setEventHandler(handler: handler)
            source.schedule(wallDeadline: .distantFuture)
            source.resume()
        }

        func arm(at deadline: Date) {
            let seconds = deadline.timeIntervalSince1970
            var whole = seconds.rounded(.down)
            var nanos = ((seconds - whole) * 1e9).rounded()
            if nanos >= 1e9 { whole += 1; nanos -= 1e9 }
            let spec = timespec(tv_sec: Int(whole), tv_nsec: Int(nanos))
            source.schedule(wallDeadline: DispatchWallTime(timespec: spec), repeating: .never, leeway: .milliseconds(1))
        }

        func disarm() {
            source.schedule(wallDeadline: .distantFuture)
        }

        deinit {
            source.cancel()
        }
    }
}
