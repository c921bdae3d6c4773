/// One element of a comma-separated list in a calendar field: a value, a range `a..b`,
/// a repetition `a/r` or `a..b/r`.
///
/// Seconds are stored in microseconds (systemd keeps 6 fractional digits); every other field in
/// its natural unit. `stop` is -1 when there is no upper bound; `step` is 0 when the element
/// does not repeat. A plain range `a..b` repeats every 1 (or every 1 s for seconds).
struct CalendarComponent: Sendable, Hashable, Comparable {
    var start: Int
    var stop: Int
    var step: Int

    init(start: Int, stop: Int = -1, step: Int = 0) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    static func < (a: CalendarComponent, b: CalendarComponent) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.stop != b.stop { return a.stop < b.stop }
        return a.step < b.step
    }

    /// systemd's per-element normalization: a range is shortened to a whole number of repeats,
    /// a repetition that can never fire a second time and a range `a..a` become a plain value.
    mutating func normalize() {
        if stop > start && step > 0 {
            stop -= (stop - start) % step
        }
        if (stop > start && step > 0 && start + step > stop) || start == stop {
            step = 0
            stop = -1
        }
    }

    /// Whether this (normalized) element stays inside `from...to`, following systemd's rules.
    /// For days counted from the end of the month (`~`), at most 28 days back are allowed.
    func isValid(from: Int, to: Int, endOfMonth: Bool) -> Bool {
        let to = endOfMonth ? to - 3 : to
        if start < from || start > to { return false }
        if step > to - from { return false }
        if stop >= 0 {
            if stop < from || stop > to { return false }
            if start + step > stop { return false }
        } else {
            if endOfMonth && start - step < from { return false }
            if !endOfMonth && start + step > to { return false }
        }
        return true
    }
}

/// A whole calendar field: `nil` is `*` (any value).
typealias CalendarChain = [CalendarComponent]

enum CalendarChainFormat {
    static let microsecondsPerSecond = 1_000_000

    /// Sorts and de-duplicates a list after normalizing each element, as systemd does.
    static func normalized(_ chain: CalendarChain?) -> CalendarChain? {
        guard var chain else { return nil }
        for i in chain.indices { chain[i].normalize() }
        chain.sort()
        var out: CalendarChain = []
        out.reserveCapacity(chain.count)
        for c in chain where out.last != c { out.append(c) }
        return out
    }

    /// Formats a field the way `systemd-analyze calendar` prints it.
    static func format(_ chain: CalendarChain?, width: Int, microseconds: Bool, into out: inout String) {
        guard let chain, !chain.isEmpty else {
            out += "*"
            return
        }
        let d = microseconds ? microsecondsPerSecond : 1
        if microseconds, chain.count == 1, chain[0].start == 0, chain[0].stop < 0, chain[0].step == d {
            out += "*"
            return
        }
        for (i, c) in chain.enumerated() {
            if i > 0 { out += "," }
            out += padded(c.start / d, width)
            if c.start % d > 0 { out += "." + padded(c.start % d, 6) }
            if c.stop > 0 { out += ".." + padded(c.stop / d, width) }
            if c.stop % d > 0 { out += "." + padded(c.stop % d, 6) }
            if c.step > 0 && !(c.stop > 0 && c.step == d) { out += "/" + String(c.step / d) }
            if c.step % d > 0 { out += "." + padded(c.step % d, 6) }
        }
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
