import SteadyKit
import SteadyLocalization

/// Runs a `Pause` on a console: rate the urge, one grounding suggestion, a wait with a
/// countdown (Enter moves on early at a terminal), rate again, decide.
public struct PauseSession {
    public let pause: Pause
    public let waitSeconds: Int
    /// See `BreathingSession.speed`.
    public let speed: Double

    public init(waitSeconds: Int, variant: Int, speed: Double = 1) {
        precondition(speed > 0, "speed must be positive")
        pause = Pause(waitSeconds: waitSeconds, variant: variant)
        self.waitSeconds = waitSeconds
        self.speed = speed
    }

    /// What came of a pause.
    public enum Outcome: Sendable, Hashable {
        /// The entry to save; `finished` is false when Ctrl-C ended it partway.
        case paused(FormResponse, finished: Bool)
        /// Stopped at the first question: nothing to save.
        case stoppedBeforeStart(FormStop)
    }

    /// Walks the pause's steps. The person's soothing kit, if they have one, is shown with
    /// the grounding suggestion.
    public func run(with outer: Asker) -> Outcome {
        var asker = outer
        asker.insidePause = true
        let console = asker.console
        let asking = Form(id: PauseEntry.form.id, title: PauseEntry.form.title, intro: PauseEntry.form.intro,
                          fields: pause.steps.compactMap { step in
                              switch step {
                              case .rate(let field), .rerate(let field), .decide(let field): field
                              default: nil
                              }
                          })
        var values: [String: AnswerValue] = [PauseEntry.Field.planned: .number(waitSeconds), PauseEntry.Field.waited: .number(0)]
        func outcome(finished: Bool) -> Outcome {
            .paused(FormResponse(formID: PauseEntry.form.id, values: values), finished: finished)
        }
        for step in pause.steps {
            switch step {
            case .rate(let field), .rerate(let field), .decide(let field):
                switch asker.ask(field, of: asking) {
                case .success(let value?): values[field.key] = value
                case .success(nil): continue
                case .failure(let stop):
                    if values[Pause.Field.urgeBefore] == nil { return .stoppedBeforeStart(stop) }
                    return outcome(finished: false)
                }
            case .ground(let suggestion):
                console.line()
                console.line(suggestion)
                if let kit = asker.kit { console.line(kit) }
            case .wait(_, let message):
                console.line(message)
                let (waited, interrupted) = wait(on: console)
                values[PauseEntry.Field.waited] = .number(waited)
                if interrupted { return outcome(finished: false) }
            }
        }
        return outcome(finished: true)
    }

    /// Counts down the wait; returns the seconds waited and whether Ctrl-C ended it.
    private func wait(on console: any Console) -> (seconds: Int, interrupted: Bool) {
        let live = LiveLine(console: console)
        let unit = 1 / speed
        let start = console.now()
        let canSkip = console.inputIsTerminal
        // TRANSLATORS: the wait's length as m:ss.
        let waiting = tr("Waiting %1$@.", clockText(waitSeconds))
        live.note(canSkip ? Translation.sentences(waiting, tr("Enter moves on when you're ready.")) : waiting)
        console.beginLive()
        defer {
            live.clear()
            console.endLive()
        }
        func waited() -> Int { min(waitSeconds, Int(((console.now() - start) / unit).rounded(.down))) }
        for second in 0..<waitSeconds {
            let left = waitSeconds - second
            let hint = canSkip ? "  · " + tr("Enter to move on when you're ready") : ""
            // TRANSLATORS: time left in a pause's wait, as m:ss.
            live.draw("  \(ProgressBar.render(Double(second) / Double(waitSeconds), width: 24))  " + tr("%1$@ left", clockText(left)) + hint)
            switch console.wait(until: start + Double(second + 1) * unit, endOnEnter: true) {
            case .elapsed: continue
            case .enter: return (waited(), false)
            case .interrupted: return (waited(), true)
            }
        }
        return (waitSeconds, false)
    }
}
