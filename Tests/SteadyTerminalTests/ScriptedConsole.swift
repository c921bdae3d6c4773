import SteadyTerminal

/// A console for tests: input lines given up front, output and errors recorded, and a
/// clock that jumps straight to each deadline (so a paced session takes no real time).
///
/// `interruptAt` makes the wait that would pass that moment end with Ctrl-C instead;
/// `interruptOnRead` turns the n-th read (0-based) into Ctrl-C.
final class ScriptedConsole: Console {
    let inputIsTerminal: Bool
    let outputIsTerminal: Bool
    var usesStyles: Bool { false }

    private var input: [String]
    var output = ""
    var errors: [String] = []
    private(set) var clock = 0.0
    var interruptAt: Double?
    var interruptOnRead: Int?
    private(set) var reads = 0
    private(set) var waits: [Double] = []
    private(set) var liveDepth = 0

    init(input: [String], terminal: Bool = false) {
        self.input = input
        inputIsTerminal = terminal
        outputIsTerminal = terminal
    }

    /// Input lines not read yet.
    var unread: [String] { input }

    func write(_ text: String) { output += text }
    func error(_ line: String) { errors.append(line) }

    func readLine() -> ConsoleInput {
        defer { reads += 1 }
        if reads == interruptOnRead { return .interrupted }
        guard !input.isEmpty else { return .end }
        return .line(input.removeFirst())
    }

    func now() -> Double { clock }

    func wait(until deadline: Double, endOnEnter: Bool) -> WaitEnd {
        waits.append(deadline)
        if let interruptAt, deadline > interruptAt {
            clock = max(clock, interruptAt)
            self.interruptAt = nil
            return .interrupted
        }
        clock = max(clock, deadline)
        return .elapsed
    }

    func beginLive() { liveDepth += 1 }
    func endLive() { liveDepth -= 1 }
}
