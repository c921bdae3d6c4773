/// A length of time written the way systemd writes spans: `90m`, `2h`, `1h 30min`, `45s`, `1d`.
///
/// Units: `s`/`sec`/`second(s)`, `m`/`min`/`minute(s)`, `h`/`hr`/`hour(s)`, `d`/`day(s)`,
/// `w`/`week(s)`. A bare number is seconds. Parts add up.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Whole seconds.
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func minutes(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 60) }
    public static func hours(_ n: Int) -> TimeSpan { TimeSpan(seconds: n * 3600) }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }

    private static let units: [(names: [String], seconds: Int)] = [
        (["s", "sec", "secs", "second", "seconds"], 1),
        (["m", "min", "mins", "minute", "minutes"], 60),
        (["h", "hr", "hrs", "hour", "hours"], 3600),
        (["d", "day", "days"], 86_400),
        (["w", "week", "weeks"], 604_800),
    ]

    /// The longest span steady reads (100 years): longer ones would overflow the clock
    /// arithmetic of timers, and nothing a person configures needs them.
    public static let longest = TimeSpan(seconds: 3_155_760_000)

    /// Parses a span; throws a `TimeSpanError` that says which part is wrong.
    public init(parsing text: String) throws(TimeSpanError) {
        let chars = Array(text)
        var index = 0
        var total = 0
        var sawPart = false
        func skipSpaces() { while index < chars.count, chars[index] == " " { index += 1 } }
        skipSpaces()
        while index < chars.count {
            let numberStart = index
            while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
            guard index > numberStart else {
                throw TimeSpanError(text: text, message: "expected a number at '\(String(chars[numberStart...]))'")
            }
            let tooLong = TimeSpanError(text: text, message: "it is longer than \(Self.longest.seconds / 31_557_600) years")
            guard let number = Int(String(chars[numberStart..<index])) else { throw tooLong }
            skipSpaces()
            let unitStart = index
            while index < chars.count, chars[index].isLetter { index += 1 }
            let unit = String(chars[unitStart..<index]).lowercased()
            guard let size = unit.isEmpty ? 1 : Self.units.first(where: { $0.names.contains(unit) })?.seconds else {
                throw TimeSpanError(text: text, message: "unknown unit '\(unit)'")
            }
            let (part, overflow) = number.multipliedReportingOverflow(by: size)
            guard !overflow, part <= Self.longest.seconds - total else { throw tooLong }
            total += part
            sawPart = true
            skipSpaces()
        }
        guard sawPart else { throw TimeSpanError(text: text, message: "the span is empty") }
        seconds = total
    }

    /// The shortest systemd-style form: `1h 30min`, `20min`, `45s`.
    public var description: String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var parts: [String] = []
        for (name, size) in [("d", 86_400), ("h", 3600), ("min", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(name)")
            rest %= size
        }
        return parts.joined(separator: " ")
    }
}

/// A time span that could not be read.
public struct TimeSpanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var message: String
    public var description: String {
        "'\(text)' is not a time span: \(message) (write e.g. '90m', '2h', '1h 30min')"
    }
}
