/// Where an on-demand tool reads the person's answers and writes what they see.
///
/// `SystemConsole` is the real terminal (or pipe); tests drive the tools through a scripted
/// console. Everything a tool does with the terminal goes through this protocol, so every
/// command behaves the same: answers are read a line at a time, Ctrl-C ends things gently,
/// and time is measured on a monotonic clock.
public protocol Console: AnyObject {
    /// Whether answers come from a person at a terminal (rather than a pipe or file).
    var inputIsTerminal: Bool { get }
    /// Whether output goes to a terminal.
    var outputIsTerminal: Bool { get }
    /// Whether output may be redrawn in place with carriage returns and ANSI sequences (a
    /// live countdown, a breathing bar). False in plain mode: off a terminal, with
    /// `TERM=dumb`, or when asked for (`--plain`, `[terminal] plain = true`). Then each step
    /// is printed once, as a new line, when it begins — what a screen reader or braille
    /// display can follow.
    var redrawsInPlace: Bool { get }
    /// Whether bold and dim text may be used (redrawing allowed, and `NO_COLOR` unset or empty).
    var usesStyles: Bool { get }

    /// Writes text as it is (add the newline yourself), flushed at once.
    func write(_ text: String)
    /// Writes one line for the person about something that went wrong (stderr).
    func error(_ line: String)

    /// Reads one line of input, without its newline.
    func readLine() -> ConsoleInput

    /// Seconds on a monotonic clock (any origin).
    func now() -> Double
    /// Waits until `deadline` (on the `now()` clock), or until Ctrl-C, or — when
    /// `endOnEnter` is true and a person is at the terminal — until they press Enter.
    func wait(until deadline: Double, endOnEnter: Bool) -> WaitEnd

    /// Enters live mode for a paced guide: hides the cursor and stops typed keys from
    /// echoing over the redrawn line. `endLive()` undoes it; both are no-ops off a terminal.
    func beginLive()
    func endLive()
}

/// What reading a line gave.
public enum ConsoleInput: Sendable, Hashable {
    /// A line, without its newline.
    case line(String)
    /// The input ended (Ctrl-D at a terminal, the end of a pipe or file).
    case end
    /// The person pressed Ctrl-C (or the process was asked to stop).
    case interrupted
}

/// Why a wait ended.
public enum WaitEnd: Sendable, Hashable {
    /// The deadline came.
    case elapsed
    /// The person pressed Enter to move on.
    case enter
    /// The person pressed Ctrl-C (or the process was asked to stop).
    case interrupted
}

extension Console {
    /// A console that does not say otherwise redraws whenever its output is a terminal.
    public var redrawsInPlace: Bool { outputIsTerminal }

    /// Writes `text` and a newline.
    public func line(_ text: String = "") { write(text + "\n") }

    /// `text` in bold when styles are on.
    public func bold(_ text: String) -> String { usesStyles ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    /// `text` dimmed when styles are on.
    public func dim(_ text: String) -> String { usesStyles ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
