import SteadyLocalization

/// A short guided exercise as a list of steps: 5-4-3-2-1 grounding, progressive muscle
/// relaxation, a body scan.
///
/// Pure data: the CLI shows one step at a time, waiting `seconds` when a step has them or
/// until the person presses Enter when it does not.
public struct Guide: Sendable, Hashable, Identifiable {
    /// One instruction of a guide.
    public struct Step: Sendable, Hashable {
        /// What to do, in a sentence.
        public var instruction: String
        /// How long the step lasts when timed; nil when the person moves on in their own time.
        public var seconds: Int?

        public init(_ instruction: String, seconds: Int? = nil) {
            self.instruction = instruction
            self.seconds = seconds
        }
    }

    /// Stable key (`grounding`, `muscle-relaxation`, `body-scan`).
    public let id: String
    /// Human name.
    public let title: String
    /// One sentence before the first step.
    public let intro: String
    public let steps: [Step]
    /// One sentence after the last step.
    public let closing: String

    public init(id: String, title: String, intro: String, steps: [Step], closing: String) {
        precondition(!steps.isEmpty, "guide '\(id)' has no steps")
        self.id = id
        self.title = title
        self.intro = intro
        self.steps = steps
        self.closing = closing
    }

    /// Total length of the timed steps, in seconds (untimed steps count as zero).
    public var timedSeconds: Int { steps.reduce(0) { $0 + ($1.seconds ?? 0) } }
}

// MARK: - The guides steady offers

extension Guide {
    /// 5-4-3-2-1: come back to the room through the five senses, counting down.
    public static var grounding: Guide { Guide(
        id: "grounding",
        title: tr("5-4-3-2-1 grounding"),
        intro: tr("Let's come back to where you are, one sense at a time. Take it slowly."),
        steps: [
            Step(tr("Look around and name 5 things you can see.")),
            Step(tr("Notice 4 things you can touch or feel: your feet on the floor, the fabric under your hands.")),
            Step(tr("Listen for 3 sounds, near or far.")),
            Step(tr("Find 2 things you can smell, or two scents you like to remember.")),
            Step(tr("Notice 1 thing you can taste, or take a sip of water.")),
        ],
        closing: tr("You are here, in this room, right now. Take one more slow breath before you go on.")) }

    /// Progressive muscle relaxation: tense a group for about five seconds, then let it go,
    /// from the feet upwards.
    public static var muscleRelaxation: Guide { Guide(
        id: "muscle-relaxation",
        title: tr("Progressive muscle relaxation"),
        intro: tr("Tense each part gently for a few seconds, then let go and notice the difference. Skip any part that hurts."),
        steps: [
            (tr("Curl your toes and press your feet down."), tr("Release, and notice the difference in your feet.")),
            (tr("Tighten your calves, pulling your toes towards you."), tr("Release, and notice the difference in your calves.")),
            (tr("Squeeze your thighs together."), tr("Release, and notice the difference in your thighs.")),
            (tr("Make fists with both hands."), tr("Release, and notice the difference in your hands.")),
            (tr("Bend your elbows and tighten your upper arms."), tr("Release, and notice the difference in your arms.")),
            (tr("Lift your shoulders up towards your ears."), tr("Release, and notice the difference in your shoulders.")),
            (tr("Scrunch your face: eyes, forehead, jaw."), tr("Release, and notice the difference in your face.")),
        ].flatMap { tense, release in
            [Step(tense, seconds: 5), Step(release, seconds: 10)]
        },
        closing: tr("Stay a moment with the looser feeling. Your body knows the way back to it.")) }

    /// A short body scan: noticing each region without trying to change anything.
    public static var bodyScan: Guide { Guide(
        id: "body-scan",
        title: tr("A short body scan"),
        intro: tr("Move your attention slowly through your body. Just notice; nothing needs fixing."),
        steps: [
            Step(tr("Start with your feet: warmth, coolness, pressure, or nothing much at all."), seconds: 20),
            Step(tr("Move up through your legs and hips, noticing where they meet the chair or floor."), seconds: 20),
            Step(tr("Notice your belly rise and fall with each breath."), seconds: 20),
            Step(tr("Rest your attention on your chest. Is it tight, open, somewhere in between?"), seconds: 20),
            Step(tr("Let your attention travel through your shoulders, arms and hands."), seconds: 20),
            Step(tr("Notice your neck, jaw and face. Let the jaw loosen if it wants to."), seconds: 20),
            Step(tr("Now take in your whole body at once, breathing as it is."), seconds: 20),
        ],
        closing: tr("Whatever you noticed is useful to know. Come back to the room when you're ready.")) }

    /// Every guide, in the order menus show them.
    public static var all: [Guide] { [.grounding, .muscleRelaxation, .bodyScan] }

    /// The guide whose `id` is `id`, if any.
    public static func named(_ id: String) -> Guide? { all.first { $0.id == id } }
}
