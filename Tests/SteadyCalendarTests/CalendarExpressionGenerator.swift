import Foundation

/// SplitMix64: a tiny deterministic PRNG, so a seed reproduces a differential run exactly.
struct CalendarSplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Random *valid* calendar expressions over the whole syntax systemd 252 accepts — except the
/// parts listed in `excluded`, which are known differences (docs/calendar.md) and are therefore
/// never generated.
struct CalendarExpressionGenerator {
    /// What the generator deliberately never produces, and why (mirrors docs/calendar.md).
    static let excluded: [String] = [
        "local time zone abbreviations as suffix ('12:00 CET' under TZ=Europe/Berlin): systemd's meaning depends on the process TZ's tzname[]; SteadyCalendar reads such a word as the tz database zone of that name",
        "trailing zones that are zone files Foundation cannot load (posix/…, right/…, posixrules, localtime): systemd accepts them, SteadyCalendar cannot search in them",
        "'@' followed by a sign or whitespace (strtoul quirks): SteadyCalendar accepts only digits after '@'",
        "zones whose isdst flag differs between ICU and tzdata (negative DST: Europe/Dublin, Africa/Casablanca, Africa/El_Aaiun, Africa/Windhoek)",
    ]

    /// Zones named at the end of expressions (the process zone is chosen separately).
    static let suffixZones = [
        "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago",
        "Etc/UTC", "Asia/Tokyo", "America/St_Johns", "Pacific/Chatham", "Europe/London",
    ]

    var rng: CalendarSplitMix64
    /// Local hours (and the minutes of a transition, for half-hour and 45-minute zones) to
    /// favour, so times inside spring-forward gaps and fall-back overlaps are generated often.
    var focusHours: [Int] = []
    var focusMinutes: [Int] = []

    mutating func expression() -> String {
        let roll = rng.int(0...99)
        var text: String
        if roll < 8 {
            text = shorthand()
        } else if roll < 10 {
            text = "@\(rng.int(0...7_258_118_399))"
        } else {
            var parts: [String] = []
            if rng.chance(0.4) { parts.append(weekdays()) }
            if rng.chance(0.65) { parts.append(date()) }
            if rng.chance(0.85) || parts.isEmpty { parts.append(time()) }
            text = parts.joined(separator: rng.chance(0.05) ? "  " : " ")
        }
        let zoneRoll = rng.int(0...99)
        if zoneRoll < 15 {
            text += rng.pick([" UTC", " UTC", " utc"])
        } else if zoneRoll < 35 {
            text += " " + rng.pick(Self.suffixZones)
        }
        return text
    }

    // MARK: - Parts

    private mutating func shorthand() -> String {
        let word = rng.pick(["minutely", "hourly", "daily", "weekly", "monthly", "quarterly", "semiannually",
                             "semi-annually", "biannually", "bi-annually", "yearly", "annually", "anually"])
        return rng.chance(0.2) ? word.uppercased() : word
    }

    private mutating func weekdayName(_ n: Int) -> String {
        let long = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][n]
        var name = rng.chance(0.25) ? long : String(long.prefix(3))
        if rng.chance(0.1) { name = name.lowercased() } else if rng.chance(0.05) { name = name.uppercased() }
        return name
    }

    private mutating func weekdays() -> String {
        var items: [String] = []
        for _ in 0..<rng.int(1...3) {
            let a = rng.int(0...6)
            if rng.chance(0.4) {
                let b = rng.int(a...6)
                items.append(weekdayName(a) + (rng.chance(0.85) ? ".." : "-") + weekdayName(b))
            } else {
                items.append(weekdayName(a))
            }
        }
        return items.joined(separator: ",") + (rng.chance(0.03) ? "," : "")
    }

    private mutating func date() -> String {
        let endOfMonth = rng.chance(0.15)
        let separator = endOfMonth ? "~" : "-"
        let day = endOfMonth ? chain(from: 1, to: 28, endOfMonth: true, star: 0.15) : chain(from: 1, to: 31, star: 0.35)
        let month = chain(from: 1, to: 12, star: 0.5)
        if rng.chance(0.3) { return month + separator + day }
        return year() + "-" + month + separator + day
    }

    private mutating func year() -> String {
        if rng.chance(0.45) { return "*" }
        var items: [String] = []
        for _ in 0..<rng.int(1...2) {
            let style = rng.int(0...9)
            if style < 1 {
                items.append(String(format: "%02d", rng.int(20...40)))  // two-digit years
            } else if style < 6 {
                items.append(String(rng.int(2019...2035)))
            } else if style < 8 {
                let a = rng.int(2019...2032)
                items.append("\(a)..\(rng.int(a...2040))" + (rng.chance(0.4) ? "/\(rng.int(1...4))" : ""))
            } else if style < 9 {
                items.append("\(rng.int(2019...2030))/\(rng.int(1...5))")
            } else {
                items.append(String(rng.int(2150...2199)))
            }
        }
        return items.joined(separator: ",")
    }

    /// A field for year-less integer components: `*`, or 1–3 comma-separated values, ranges and
    /// repetitions that pass systemd's range checks.
    private mutating func chain(from: Int, to: Int, endOfMonth: Bool = false, star: Double, width: Int = 0) -> String {
        if rng.chance(star) { return "*" }
        var items: [String] = []
        for _ in 0..<(rng.chance(0.7) ? 1 : rng.int(2...3)) {
            items.append(element(from: from, to: to, endOfMonth: endOfMonth, width: width))
        }
        return items.joined(separator: ",")
    }

    private mutating func number(_ v: Int, _ width: Int) -> String {
        rng.chance(0.5) && width > 0 ? String(format: "%0\(width)d", v) : String(v)
    }

    private mutating func element(from: Int, to: Int, endOfMonth: Bool, width: Int) -> String {
        let span = to - from
        switch rng.int(0...9) {
        case 0...4:
            return number(rng.int(from...to), width)
        case 5...6:
            let a = rng.int(from...(to - 1))
            let b = rng.int((a + 1)...to)
            return number(a, width) + ".." + number(b, width)
        case 7:
            let a = rng.int(from...(to - 1))
            let b = rng.int(a...to)
            return number(a, width) + ".." + number(b, width) + "/" + String(rng.int(1...max(1, min(span, 12))))
        default:
            if endOfMonth {
                let a = rng.int((from + 1)...to)
                return number(a, width) + "/" + String(rng.int(1...(a - from)))
            }
            let r = rng.int(1...max(1, min(span, 20)))
            return number(rng.int(from...(to - r)), width) + "/" + String(r)
        }
    }

    private mutating func time() -> String {
        var hour = chain(from: 0, to: 23, star: 0.25, width: 2)
        var minute = chain(from: 0, to: 59, star: 0.2, width: 2)
        if !focusHours.isEmpty && rng.chance(0.7) {
            let h = rng.pick(focusHours)
            switch rng.int(0...3) {
            case 0: hour = String(h)
            case 1: hour = "\(h),\(min(23, h + 1))"
            case 2: hour = "\(max(0, h - 1))..\(min(23, h + 1))"
            default: hour = "*"
            }
            if rng.chance(0.5) {
                minute = rng.pick(focusMinutes + [0, 15, 30, 45, 59])
                    .description
            } else if rng.chance(0.5) {
                minute = "0/\(rng.pick([5, 10, 15, 20, 30]))"
            }
        }
        if rng.chance(0.45) { return hour + ":" + minute }
        return hour + ":" + minute + ":" + seconds()
    }

    /// Seconds, possibly with fractions (systemd keeps 6 decimals and rounds on the 7th).
    private mutating func seconds() -> String {
        if rng.chance(0.2) { return "*" }
        var items: [String] = []
        for _ in 0..<(rng.chance(0.75) ? 1 : rng.int(2...3)) {
            switch rng.int(0...9) {
            case 0...4:
                items.append(secondValue(max: 59_999_999))
            case 5...6:
                let a = rng.int(0...58)
                let b = rng.int((a + 1)...59)
                items.append("\(a)..\(b)")
            case 7:
                let a = rng.int(0...57)
                let b = rng.int((a + 1)...59)
                items.append("\(a)..\(b)/\(rng.chance(0.5) ? String(rng.int(1...10)) : fraction(maxSeconds: 3))")
            default:
                let step = rng.chance(0.5) ? String(rng.int(1...30)) : fraction(maxSeconds: 20)
                let stepUsec = Self.microseconds(step)
                let maxStart = 59_999_999 - stepUsec
                items.append(maxStart >= 0 ? secondValue(max: maxStart) + "/" + step : "0/1")
            }
        }
        return items.joined(separator: ",")
    }

    private mutating func secondValue(max bound: Int) -> String {
        // One below the bound: rounding on a seventh digit may add a microsecond.
        let usec = rng.int(0...max(0, bound - 1))
        let whole = usec / 1_000_000
        let pad = rng.chance(0.5) ? String(format: "%02d", whole) : String(whole)
        switch rng.int(0...5) {
        case 0...2:
            return pad
        case 3:
            return pad + "." + String(rng.int(0...9))
        case 4:
            return pad + "." + String(format: "%06d", usec % 1_000_000)
        default:
            // Seven or more digits: the seventh rounds. Stay below the bound after rounding.
            let base = String(format: "%06d", min(usec % 1_000_000, 999_998))
            return pad + "." + base + String(rng.int(0...9)) + (rng.chance(0.3) ? "3" : "")
        }
    }

    private mutating func fraction(maxSeconds: Int) -> String {
        let whole = rng.int(0...maxSeconds)
        let frac = rng.int(1...999_999)
        let digits = rng.pick([1, 3, 6])
        let text = String(format: "%06d", frac).prefix(digits)
        if Int(text) == 0 && whole == 0 { return "0.5" }
        return "\(whole).\(text)"
    }

    static func microseconds(_ decimal: String) -> Int {
        let parts = decimal.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        var frac = 0
        if parts.count > 1 {
            let digits = String(parts[1].prefix(6)).padding(toLength: 6, withPad: "0", startingAt: 0)
            frac = Int(digits) ?? 0
        }
        return whole * 1_000_000 + frac
    }

    // MARK: - Mutants (near-valid text: acceptance must agree with systemd either way)

    mutating func mutant(of text: String) -> String {
        var chars = Array(text)
        let alphabet = Array("0123456789*,.~:/- ")
        switch rng.int(0...2) {
        case 0 where !chars.isEmpty:
            chars.remove(at: rng.int(0...(chars.count - 1)))
        case 1:
            chars.insert(rng.pick(alphabet), at: rng.int(0...chars.count))
        default:
            if !chars.isEmpty { chars[rng.int(0...(chars.count - 1))] = rng.pick(alphabet) }
        }
        return String(chars)
    }
}
