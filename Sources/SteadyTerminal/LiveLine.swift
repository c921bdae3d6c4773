import SteadyLocalization

/// One line of a console redrawn in place: a countdown, a breathing guide.
///
/// On a terminal each `draw` replaces the line (carriage return and erase-line); in plain
/// mode (off a terminal, `TERM=dumb`, `--plain`) nothing is drawn and callers print plain
/// lines with `note` instead, so logs, pipes and screen readers get each step once.
public struct LiveLine {
    public let console: any Console

    public init(console: any Console) { self.console = console }

    /// Whether drawing in place is possible (and wanted).
    public var isLive: Bool { console.redrawsInPlace }

    /// Replaces the line with `text` (terminal only).
    public func draw(_ text: String) {
        guard isLive else { return }
        console.write("\r\u{1B}[2K" + text)
    }

    /// Clears the line so normal output can follow (terminal only).
    public func clear() {
        guard isLive else { return }
        console.write("\r\u{1B}[2K")
    }

    /// Prints a plain line in plain mode; otherwise the live line says it already.
    public func note(_ text: String) {
        guard !isLive else { return }
        console.line(text)
    }
}

/// A text progress bar drawn with block characters, eighths included for a smooth edge.
public enum ProgressBar {
    private static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `width` cells, filled to `fraction` (clamped to 0…1).
    public static func render(_ fraction: Double, width: Int) -> String {
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        let eighths = Int((clamped * Double(width * 8)).rounded())
        let full = eighths / 8
        let partial = eighths % 8
        var bar = String(repeating: "█", count: full)
        if full < width {
            bar += partial > 0 ? partials[partial] : " "
            bar += String(repeating: " ", count: width - full - 1)
        }
        return "▕" + bar + "▏"
    }
}

/// `m:ss` for a number of seconds.
public func clockText(_ seconds: Int) -> String {
    let s = max(0, seconds)
    return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
}

/// A length of time as words: "90 seconds", "2 minutes", "1 hour 30 minutes".
public func spokenDuration(_ seconds: Int) -> String {
    func secondsText(_ n: Int) -> String { trn("%1$d second", "%1$d seconds", n) }
    func minutesText(_ n: Int) -> String { trn("%1$d minute", "%1$d minutes", n) }
    if seconds < 120 && seconds % 60 != 0 { return secondsText(seconds) }
    let minutes = seconds / 60
    let rest = seconds % 60
    if minutes < 60 { return minutesText(minutes) + (rest > 0 ? " " + secondsText(rest) : "") }
    let hours = minutes / 60
    return trn("%1$d hour", "%1$d hours", hours) + (minutes % 60 > 0 ? " " + minutesText(minutes % 60) : "")
}
