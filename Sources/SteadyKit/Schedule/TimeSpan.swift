import SteadyLocalization

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
                throw TimeSpanError(text: text, problem: .numberExpected(at: String(chars[numberStart...])))
            }
            let tooLong = TimeSpanError(text: text, problem: .tooLong(years: Self.longest.seconds / 31_557_600))
            guard let number = Int(String(chars[numberStart..<index])) else { throw tooLong }
            skipSpaces()
            let unitStart = index
            while index < chars.count, chars[index].isLetter { index += 1 }
            let unit = String(chars[unitStart..<index]).lowercased()
            guard let size = unit.isEmpty ? 1 : Self.units.first(where: { $0.names.contains(unit) })?.seconds else {
                throw TimeSpanError(text: text, problem: .unknownUnit(unit))
            }
            let (part, overflow) = number.multipliedReportingOverflow(by: size)
            guard !overflow, part <= Self.longest.seconds - total else { throw tooLong }
            total += part
            sawPart = true
            skipSpaces()
        }
        guard sawPart else { throw TimeSpanError(text: text, problem: .empty) }
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

/// A time span that could not be read. Its texts are in the language in use when they are
/// read, so `Phrase { error.description }` holds it in the person's language and in English.
public struct TimeSpanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which part of the text is wrong.
    public enum Problem: Sendable, Equatable {
        /// No number where one belongs, at the rest of the text given.
        case numberExpected(at: String)
        /// Longer than `TimeSpan.longest`, given in whole years.
        case tooLong(years: Int)
        /// A unit that is not one of `s`, `min`, `h`, `d`, `w` and their spellings.
        case unknownUnit(String)
        /// Nothing but spaces.
        case empty
    }

    /// The text as it was given.
    public var text: String
    public var problem: Problem

    public init(text: String, problem: Problem) {
        self.text = text
        self.problem = problem
    }

    /// Which part is wrong, in the current language.
    public var message: String {
        switch problem {
        // TRANSLATORS: %1$@ is the rest of the span as written, from where a number belongs.
        case .numberExpected(let rest): tr("expected a number at '%1$@'", rest)
        case .tooLong(let years): trn("it is longer than %1$d year", "it is longer than %1$d years", years)
        // TRANSLATORS: %1$@ is the unit as written; the units themselves (s, min, h, d, w) are not translated.
        case .unknownUnit(let unit): tr("unknown unit '%1$@'", unit)
        case .empty: tr("the span is empty")
        }
    }

    /// The whole problem with an example, in the current language.
    public var description: String {
        // TRANSLATORS: %1$@ is the text as written, %2$@ what is wrong with it; the examples are spans as the config writes them.
        tr("'%1$@' is not a time span: %2$@ (write e.g. '90m', '2h', '1h 30min')", text, message)
    }
}
