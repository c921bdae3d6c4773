import SteadyKit
import SteadyLocalization

/// How far a paced session (breathing, a guide, a pause's wait) got.
public struct SessionProgress: Sendable, Hashable {
    /// Rounds or steps completed.
    public var done: Int
    /// Rounds or steps planned.
    public var total: Int
    /// Seconds of practice, in real (unscaled) seconds of the pattern.
    public var seconds: Int
    /// Whether it ran to the end (false when Ctrl-C stopped it).
    public var finished: Bool

    public init(done: Int, total: Int, seconds: Int, finished: Bool) {
        self.done = done
        self.total = total
        self.seconds = seconds
        self.finished = finished
    }
}

/// Runs a breathing pattern on a console: a live line with the phase, the count and a bar
/// that fills as you breathe in and empties as you breathe out, redrawn four times a second;
/// in plain mode (off a terminal, `TERM=dumb`, `--plain`), one plain line per phase, printed
/// as it begins.
public struct BreathingSession {
    public let pattern: BreathingPattern
    public let rounds: Int
    /// How many times faster than real time the session runs: 1 for people. Tests use a
    /// larger factor (the hidden `--speed` option) so a round takes a fraction of a second.
    public let speed: Double

    /// Redraws per second of the pattern.
    static let ticksPerSecond = 4

    public init(pattern: BreathingPattern, rounds: Int? = nil, speed: Double = 1) {
        precondition(speed > 0, "speed must be positive")
        self.pattern = pattern
        self.rounds = max(1, rounds ?? pattern.defaultRounds)
        self.speed = speed
    }

    /// Breathes through every phase of every round; stops early on Ctrl-C.
    public func run(on console: any Console) -> SessionProgress {
        let live = LiveLine(console: console)
        let timeline = pattern.timeline(rounds: rounds)
        let total = pattern.duration(rounds: rounds)
        let unit = 1 / speed
        console.beginLive()
        defer {
            live.clear()
            console.endLive()
        }
        let start = console.now()
        var fullRounds = 0
        for (index, timed) in timeline.enumerated() {
            let phase = timed.phase
            // TRANSLATORS: a plain line per breathing phase: round, rounds, the cue ("Breathe in"), its seconds.
            live.note(tr("Round %1$d of %2$d · %3$@ · %4$d s", timed.round, rounds, phase.cue, phase.seconds))
            let ticks = phase.seconds * Self.ticksPerSecond
            for tick in 0..<ticks {
                let elapsed = Double(tick) / Double(Self.ticksPerSecond)
                live.draw(line(for: timed, elapsedInPhase: elapsed, total: total))
                let deadline = start + (Double(timed.startsAt) + Double(tick + 1) / Double(Self.ticksPerSecond)) * unit
                if console.wait(until: deadline, endOnEnter: false) == .interrupted {
                    let seconds = Int(((console.now() - start) / unit).rounded(.down))
                    return SessionProgress(done: fullRounds, total: rounds, seconds: min(seconds, total), finished: false)
                }
            }
            if (index + 1) % pattern.phases.count == 0 { fullRounds = timed.round }
        }
        return SessionProgress(done: rounds, total: rounds, seconds: total, finished: true)
    }

    /// The live line: `Breathe in    3  ▕████▌     ▏  round 1 of 4 · 0:52 left`.
    func line(for timed: BreathingPattern.TimedPhase, elapsedInPhase elapsed: Double, total: Int) -> String {
        let phase = timed.phase
        let fraction = elapsed / Double(phase.seconds)
        let fill: Double = switch phase.action {
        case .breatheIn: fraction + 1 / Double(phase.seconds * Self.ticksPerSecond)
        case .holdFull: 1
        case .breatheOut: 1 - fraction - 1 / Double(phase.seconds * Self.ticksPerSecond)
        case .holdEmpty: 0
        }
        let count = Int(elapsed) + 1
        let left = total - timed.startsAt - Int(elapsed)
        let cue = phase.cue.padding(toLength: 38, withPad: " ", startingAt: 0)
        // TRANSLATORS: after the live bar: round, rounds, time left as m:ss.
        let where_ = tr("round %1$d of %2$d · %3$@ left", timed.round, rounds, clockText(left))
        return "  \(cue) \(count)  \(ProgressBar.render(fill, width: 16))  " + where_
    }
}

/// Runs a guide (grounding, muscle relaxation, a body scan) on a console, one step at a
/// time: a timed step shows a live countdown (in plain mode: nothing more than its step
/// line, then the next step when the time is up); an untimed step waits for Enter (off a
/// terminal: for the next input line, or the end of input).
public struct GuideSession {
    public let guide: Guide
    /// See `BreathingSession.speed`.
    public let speed: Double

    public init(guide: Guide, speed: Double = 1) {
        precondition(speed > 0, "speed must be positive")
        self.guide = guide
        self.speed = speed
    }

    /// Walks the steps; stops early on Ctrl-C.
    public func run(on console: any Console) -> SessionProgress {
        let live = LiveLine(console: console)
        let unit = 1 / speed
        let start = console.now()
        let count = guide.steps.count
        func progress(_ done: Int, finished: Bool) -> SessionProgress {
            let seconds = Int(((console.now() - start) / unit).rounded(.down))
            return SessionProgress(done: done, total: count, seconds: seconds, finished: finished)
        }
        for (index, step) in guide.steps.enumerated() {
            console.line()
            console.line(console.dim(tr("Step %1$d of %2$d", index + 1, count)))
            console.line(step.instruction)
            if let seconds = step.seconds {
                let stepStart = console.now()
                console.beginLive()
                defer { console.endLive() }
                let ticks = seconds * BreathingSession.ticksPerSecond
                for tick in 0..<ticks {
                    let elapsed = Double(tick) / Double(BreathingSession.ticksPerSecond)
                    let left = seconds - Int(elapsed)
                    live.draw("  \(ProgressBar.render(elapsed / Double(seconds), width: 24))  \(clockText(left))")
                    let deadline = stepStart + Double(tick + 1) / Double(BreathingSession.ticksPerSecond) * unit
                    if console.wait(until: deadline, endOnEnter: false) == .interrupted {
                        live.clear()
                        return progress(index, finished: false)
                    }
                }
                live.clear()
            } else {
                if console.inputIsTerminal { console.write(console.dim("  " + tr("(Enter when you're ready to go on)"))) }
                let input = console.readLine()
                if input == .interrupted {
                    console.line()
                    return progress(index, finished: false)
                }
                // Take the "(Enter …)" line away again once it has been answered (in plain
                // mode it stays: nothing printed is ever taken back).
                if console.inputIsTerminal, console.redrawsInPlace, case .line = input { console.write("\u{1B}[1A\r\u{1B}[2K") }
            }
        }
        return progress(count, finished: true)
    }
}
