import SteadyLocalization

/// A paced breathing exercise as a sequence of timed phases, e.g. box breathing.
///
/// Pure data: the CLI runs the timer and draws the phases; practices use `howTo` in their
/// prompts. A "count" in the usual descriptions is taken as one second.
public struct BreathingPattern: Sendable, Hashable, Identifiable {
    /// What the breath is doing during a phase.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case breatheIn = "in"
        case holdFull = "hold"
        case breatheOut = "out"
        case holdEmpty = "rest"
    }

    /// One timed part of a round.
    public struct Phase: Sendable, Hashable {
        public var action: Action
        public var seconds: Int
        /// A few words to show while the phase lasts ("Breathe in through your nose").
        public var cue: String

        public init(_ action: Action, seconds: Int, cue: String) {
            self.action = action
            self.seconds = seconds
            self.cue = cue
        }
    }

    /// One phase placed on the timeline of a whole session.
    public struct TimedPhase: Sendable, Hashable {
        /// 1-based round number.
        public var round: Int
        public var phase: Phase
        /// Seconds from the start of the session to the start of this phase.
        public var startsAt: Int
    }

    /// Stable key, also used as a choice key and setting value (`4-7-8`, `box`, `coherent`).
    public let id: String
    /// Human name ("Box breathing").
    public let name: String
    /// One line telling how to do it.
    public let howTo: String
    /// The phases of one round, in order.
    public let phases: [Phase]
    /// How many rounds a session has unless the person asks for another number.
    public let defaultRounds: Int

    public init(id: String, name: String, howTo: String, phases: [Phase], defaultRounds: Int) {
        precondition(!phases.isEmpty && phases.allSatisfy { $0.seconds > 0 }, "a pattern needs timed phases")
        precondition(defaultRounds > 0, "a pattern needs at least one round")
        self.id = id
        self.name = name
        self.howTo = howTo
        self.phases = phases
        self.defaultRounds = defaultRounds
    }

    /// Length of one round in seconds.
    public var secondsPerRound: Int { phases.reduce(0) { $0 + $1.seconds } }

    /// Length of a session of `rounds` rounds (the default when nil), in seconds.
    public func duration(rounds: Int? = nil) -> Int { secondsPerRound * roundCount(rounds) }

    /// Every phase of a session in order, with its round and start offset: what a timer walks through.
    public func timeline(rounds: Int? = nil) -> [TimedPhase] {
        var result: [TimedPhase] = []
        var offset = 0
        for round in stride(from: 1, through: roundCount(rounds), by: 1) {
            for phase in phases {
                result.append(TimedPhase(round: round, phase: phase, startsAt: offset))
                offset += phase.seconds
            }
        }
        return result
    }

    /// The number of rounds a session has: `rounds` when given (none when not positive), else the default.
    private func roundCount(_ rounds: Int?) -> Int { max(0, rounds ?? defaultRounds) }
}

// MARK: - The patterns steady offers

extension BreathingPattern {
    /// 4-7-8: in for four, hold for seven, out for eight.
    public static var fourSevenEight: BreathingPattern { BreathingPattern(
        id: "4-7-8",
        name: tr("4-7-8 breathing"),
        howTo: tr("Breathe in through your nose for 4, hold for 7, then let it all go through your mouth for 8."),
        phases: [
            Phase(.breatheIn, seconds: 4, cue: tr("Breathe in through your nose")),
            Phase(.holdFull, seconds: 7, cue: tr("Hold, shoulders soft")),
            Phase(.breatheOut, seconds: 8, cue: tr("Let it out slowly through your mouth")),
        ],
        defaultRounds: 4) }

    /// Box breathing: four equal sides of four seconds.
    public static var box: BreathingPattern { BreathingPattern(
        id: "box",
        name: tr("Box breathing"),
        howTo: tr("Trace a square with your breath: in for 4, hold 4, out for 4, rest 4."),
        phases: [
            Phase(.breatheIn, seconds: 4, cue: tr("Breathe in")),
            Phase(.holdFull, seconds: 4, cue: tr("Hold gently")),
            Phase(.breatheOut, seconds: 4, cue: tr("Breathe out")),
            Phase(.holdEmpty, seconds: 4, cue: tr("Rest before the next breath")),
        ],
        defaultRounds: 6) }

    /// Coherent breathing: five seconds in, five seconds out.
    public static var coherent: BreathingPattern { BreathingPattern(
        id: "coherent",
        name: tr("Coherent breathing"),
        howTo: tr("Breathe in for about 5 seconds and out for about 5, smooth and unhurried."),
        phases: [
            Phase(.breatheIn, seconds: 5, cue: tr("Breathe in, slow and even")),
            Phase(.breatheOut, seconds: 5, cue: tr("Breathe out, just as slow")),
        ],
        defaultRounds: 12) }

    /// Every pattern, in the order menus show them.
    public static var all: [BreathingPattern] { [.fourSevenEight, .box, .coherent] }

    /// The pattern whose `id` is `id`, if any.
    public static func named(_ id: String) -> BreathingPattern? { all.first { $0.id == id } }
}
