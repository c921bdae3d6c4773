import Foundation

/// Timestamps as systemd reads them (systemd.time(7), "PARSING TIMESTAMPS"; systemd 252's
/// `parse_timestamp`), e.g. for `steady calendar --base-time`: `2026-03-29 00:30:00`,
/// `Sun 2026-03-29 00:30:00.5 UTC`, `26-03-29 00:30`, `Mar 29 00:30:00`, `00:30`, `now`,
/// `today`, `yesterday`, `tomorrow`, `+3h30min`, `-5s`, `11min ago`, `2 days left`,
/// `@1700000000`, a trailing `UTC`, the local zone's abbreviation (`CEST` in Europe/Berlin) or a
/// tz database name (`2026-03-29 00:30 Europe/Berlin`, `tomorrow Pacific/Auckland`).
public enum CalendarTimestamp {
    /// The parsed time, or nil when systemd would refuse `text`.
    ///
    /// `now` is what `now`, `today`, `+3h` and the date of a bare time count from; `timeZone` is
    /// the zone a time without a zone is read in (the process's `TZ`, as systemd reads it).
    /// `@infinity` means `now`, as it does for `systemd-analyze calendar --base-time`.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) -> Date? {
        switch microseconds(text, now: CalendarExpression.microseconds(now), timeZone: timeZone) {
        case nil: return nil
        case .some(.max): return now
        case .some(let usec): return Date(timeIntervalSince1970: Double(usec / 1_000_000) + Double(usec % 1_000_000) / 1_000_000)
        }
    }

    /// systemd's `USEC_TIMESTAMP_FORMATTABLE_MAX`: 9999-12-30 23:59:59 UTC.
    static let latest: UInt64 = 253_402_214_399_000_000

    /// `parse_timestamp`: microseconds since the epoch, `UInt64.max` for `@infinity`.
    static func microseconds(_ text: String, now: Int, timeZone: TimeZone) -> UInt64? {
        let t = Array(text.utf8)
        guard !t.contains(0), now >= 0 else { return nil }
        // A last word naming a zone file: systemd parses the rest in a child with TZ=:<zone>.
        if let space = t.lastIndex(of: UInt8(ascii: " ")) {
            let name = String(decoding: t[(space + 1)...], as: UTF8.self)
            if ZoneInfo.isZoneFile(name), !endsWithNoCase(t[...], " UTC") {
                guard let zone = CalendarTimeZones.zone(named: name) else { return nil }
                let names = ZoneInfo.file(named: name)?.tzname
                // When the name is one of the zone's own abbreviations (CET, EST) the whole text is
                // parsed there, the name taken as that abbreviation; otherwise the name is cut off.
                let withZone = !(names.map { $0.standard == name || $0.daylight == name } ?? false)
                return Parser(zone: zone, names: names, now: now)
                    .parse(withZone ? t[..<space] : t[...], withZone: withZone)
            }
        }
        return Parser(zone: timeZone, names: localNames(timeZone), now: now).parse(t[...], withZone: false)
    }

    /// glibc's `tzname[]` for a zone, read from its zone file (nil when there is none).
    static func localNames(_ zone: TimeZone) -> (standard: String, daylight: String)? {
        ZoneInfo.file(named: zone.identifier == "GMT" ? "UTC" : zone.identifier)?.tzname
    }

    static func endsWithNoCase(_ t: ArraySlice<UInt8>, _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        guard t.count >= s.count else { return false }
        return zip(t.suffix(s.count), s).allSatisfy { lower($0) == lower($1) }
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// `parse_timestamp_impl` in one zone.
    struct Parser {
        let zone: TimeZone
        let names: (standard: String, daylight: String)?
        let now: Int

        func parse(_ text: ArraySlice<UInt8>, withZone: Bool) -> UInt64? {
            var t = text
            if t.first == UInt8(ascii: "@") && !withZone { return CalendarTimestamp.seconds(t.dropFirst()) }
            let result = UInt64(now)
            let plus: UInt64 = 0, minus: UInt64 = 0
            var utc = false
            var dst = -1
            relative: if !withZone {
                if t.elementsEqual("now".utf8) { return finish(result, plus: 0, minus: 0) }
                if t.first == UInt8(ascii: "+") {
                    guard let span = CalendarTimestamp.seconds(t.dropFirst()) else { return nil }
                    return finish(result, plus: span, minus: 0)
                }
                if t.first == UInt8(ascii: "-") {
                    guard let span = CalendarTimestamp.seconds(t.dropFirst()) else { return nil }
                    return finish(result, plus: 0, minus: span)
                }
                if t.count >= 4, t.suffix(4).elementsEqual(" ago".utf8) {
                    guard let span = CalendarTimestamp.seconds(t.dropLast(4)) else { return nil }
                    return finish(result, plus: 0, minus: span)
                }
                if t.count >= 5, t.suffix(5).elementsEqual(" left".utf8) {
                    guard let span = CalendarTimestamp.seconds(t.dropLast(5)) else { return nil }
                    return finish(result, plus: span, minus: 0)
                }
                if CalendarTimestamp.endsWithNoCase(t, " UTC") {
                    utc = true
                    t = t.dropLast(4)
                    break relative
                }
                // The local zone's own abbreviations (tzname[0], tzname[1]) as the last word.
                guard let names else { break relative }
                for (j, name) in [names.standard, names.daylight].enumerated() where !name.isEmpty {
                    let n = name.utf8.count
                    guard t.count > n, CalendarTimestamp.endsWithNoCase(t, name), t[t.endIndex - n - 1] == UInt8(ascii: " ") else {
                        continue
                    }
                    t = t.dropLast(n + 1)
                    dst = j
                    break
                }
            }

            var clock = CalendarClock(zone: utc ? nil : zone)
            var tm = clock.brokenDown(Int(result / 1_000_000))
            tm.isDST = dst
            var fraction: UInt64 = 0

            switch String(decoding: t, as: UTF8.self) {
            case "today", "yesterday", "tomorrow":
                tm.hour = 0
                tm.minute = 0
                tm.second = 0
                if t.elementsEqual("yesterday".utf8) { tm.day -= 1 }
                if t.elementsEqual("tomorrow".utf8) { tm.day += 1 }
                return fromTM(&tm, clock: &clock, weekday: -1, fraction: 0, plus: plus, minus: minus)
            default:
                break
            }

            var weekday = -1
            for day in 0..<7 {
                let sundayFirst = (day + 1) % 7  // WeekdayName counts from Monday, tm_wday from Sunday
                var found = false
                for name in [WeekdayName.long[day], WeekdayName.short[day]] {
                    let n = name.utf8.count
                    guard t.count > n, zip(t.prefix(n), name.utf8).allSatisfy({ CalendarTimestamp.lower($0) == CalendarTimestamp.lower($1) }),
                          t[t.startIndex + n] == UInt8(ascii: " ") else { continue }
                    weekday = sundayFirst
                    t = t.dropFirst(n + 1)
                    found = true
                    break
                }
                if found { break }
            }

            let copy = tm
            // The formats systemd tries, in its order; those marked true may end in ".fraction".
            let formats: [(String, Bool, Clear)] = [
                ("%y-%m-%d %H:%M:%S", true, .none), ("%Y-%m-%d %H:%M:%S", true, .none), ("%b %d %H:%M:%S", true, .none),
                ("%y-%m-%d %H:%M", false, .seconds), ("%Y-%m-%d %H:%M", false, .seconds),
                ("%y-%m-%d", false, .time), ("%Y-%m-%d", false, .time),
                ("%H:%M:%S", true, .none), ("%H:%M", false, .seconds),
            ]
            for (format, fractional, clear) in formats {
                tm = copy
                guard let k = Strptime.parse(t, format: format, into: &tm) else { continue }
                if k == t.endIndex {
                    if clear != .none { tm.second = 0 }
                    if clear == .time {
                        tm.hour = 0
                        tm.minute = 0
                    }
                    return fromTM(&tm, clock: &clock, weekday: weekday, fraction: 0, plus: plus, minus: minus)
                }
                if fractional && t[k] == UInt8(ascii: ".") {
                    guard let f = CalendarTimestamp.fractionalPart(t[(k + 1)...]) else { return nil }
                    fraction = f
                    return fromTM(&tm, clock: &clock, weekday: weekday, fraction: fraction, plus: plus, minus: minus)
                }
            }
            return nil
        }

        private enum Clear { case none, seconds, time }

        private func fromTM(_ tm: inout BrokenDownTime, clock: inout CalendarClock, weekday: Int, fraction: UInt64,
                            plus: UInt64, minus: UInt64) -> UInt64?
        {
            if weekday >= 0 && tm.weekday != weekday { return nil }
            guard let x = clock.makeTime(&tm), x >= 0 else { return nil }
            let (scaled, overflow) = UInt64(x).multipliedReportingOverflow(by: 1_000_000)
            guard !overflow else { return nil }
            let result = scaled &+ fraction
            guard result <= CalendarTimestamp.latest else { return nil }
            return finish(result, plus: plus, minus: minus)
        }

        private func finish(_ value: UInt64, plus: UInt64, minus: UInt64) -> UInt64? {
            let (sum, overflow) = value.addingReportingOverflow(plus)
            guard !overflow, sum <= CalendarTimestamp.latest, sum >= minus else { return nil }
            return sum - minus
        }
    }

    // MARK: - Spans (`parse_sec`) and fractions

    static let whitespace: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]

    /// systemd's time units, matched as prefixes in this order (so `5mins` is `5min` + `s`).
    static let units: [(suffix: [UInt8], usec: UInt64)] = [
        ("seconds", 1_000_000), ("second", 1_000_000), ("sec", 1_000_000), ("s", 1_000_000),
        ("minutes", 60_000_000), ("minute", 60_000_000), ("min", 60_000_000),
        ("months", 2_629_800_000_000), ("month", 2_629_800_000_000), ("M", 2_629_800_000_000),
        ("msec", 1000), ("ms", 1000), ("m", 60_000_000),
        ("hours", 3_600_000_000), ("hour", 3_600_000_000), ("hr", 3_600_000_000), ("h", 3_600_000_000),
        ("days", 86_400_000_000), ("day", 86_400_000_000), ("d", 86_400_000_000),
        ("weeks", 604_800_000_000), ("week", 604_800_000_000), ("w", 604_800_000_000),
        ("years", 31_557_600_000_000), ("year", 31_557_600_000_000), ("y", 31_557_600_000_000),
        ("usec", 1), ("us", 1), ("\u{3BC}s", 1), ("\u{B5}s", 1),
    ].map { (Array($0.0.utf8), $0.1) }

    /// `parse_sec`: a span such as `3h30min`, `1.5h`, `90` (seconds), in microseconds;
    /// `UInt64.max` for `infinity`.
    static func seconds(_ text: ArraySlice<UInt8>) -> UInt64? {
        var p = text.startIndex
        let end = text.endIndex
        func skipWhitespace(_ i: inout Int) { while i < end, whitespace.contains(text[i]) { i += 1 } }
        skipWhitespace(&p)
        if text[p...].starts(with: "infinity".utf8) {
            var s = p + 8
            skipWhitespace(&s)
            return s == end ? .max : nil
        }
        var total: UInt64 = 0
        var something = false
        while true {
            skipWhitespace(&p)
            if p == end { return something ? total : nil }
            if text[p] == UInt8(ascii: "-") { return nil }
            guard let (l, e) = strtoll(text, from: p), l >= 0 else { return nil }
            if e < end && text[e] == UInt8(ascii: ".") {
                p = e + 1
                while p < end, isDigit(text[p]) { p += 1 }
            } else if e == p {
                return nil
            } else {
                p = e
            }
            var afterSpace = p
            skipWhitespace(&afterSpace)
            var multiplier: UInt64 = 1_000_000
            var s = afterSpace
            for unit in units where text[afterSpace...].starts(with: unit.suffix) {
                multiplier = unit.usec
                s = afterSpace + unit.suffix.count
                break
            }
            if s == p && s != end { return nil }
            p = s
            guard UInt64(l) < UInt64.max / multiplier else { return nil }
            let k = UInt64(l) * multiplier
            guard k < UInt64.max - total else { return nil }
            total += k
            something = true
            if e < end && text[e] == UInt8(ascii: ".") {
                var m = multiplier / 10
                var b = e + 1
                while b < end, isDigit(text[b]) {
                    let k = UInt64(text[b] - 48) * m
                    guard k < UInt64.max - total else { return nil }
                    total += k
                    b += 1
                    m /= 10
                }
                if b == e + 1 { return nil }
            }
        }
    }

    /// C's `strtoll(p, &e, 10)`: the value and where it stopped (`from` when there are no
    /// digits); nil when it overflows.
    static func strtoll(_ text: ArraySlice<UInt8>, from start: Int) -> (Int64, Int)? {
        var i = start
        let end = text.endIndex
        while i < end, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(text[i]) { i += 1 }
        var negative = false
        if i < end, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        let digitsStart = i
        var value: Int64 = 0
        var overflow = false
        while i < end, isDigit(text[i]) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(text[i] - 48))
            if o1 || o2 { overflow = true } else { value = a }
            i += 1
        }
        if i == digitsStart { return (0, start) }
        if overflow { return nil }
        return (negative ? -value : value, i)
    }

    /// `parse_fractional_part_u(…, 6, …)`: microseconds from the digits after a full stop (the
    /// seventh digit rounds); nil unless the text is all digits, at least one.
    static func fractionalPart(_ text: ArraySlice<UInt8>) -> UInt64? {
        var s = text.startIndex
        var value: UInt64 = 0
        for i in 0..<6 {
            guard s < text.endIndex, isDigit(text[s]) else {
                if i == 0 { return nil }
                for _ in i..<6 { value *= 10 }
                break
            }
            value = value * 10 + UInt64(text[s] - 48)
            s += 1
        }
        if s < text.endIndex, text[s] >= UInt8(ascii: "5") && text[s] <= UInt8(ascii: "9") { value += 1 }
        while s < text.endIndex, isDigit(text[s]) { s += 1 }
        return s == text.endIndex ? value : nil
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}

/// The part of glibc's `strptime` systemd's timestamp formats use (`%y %Y %m %d %H %M %S %b`),
/// in the C locale.
enum Strptime {
    /// Fills `tm` from `text`; returns where the match ended, nil when it fails.
    static func parse(_ text: ArraySlice<UInt8>, format: String, into tm: inout BrokenDownTime) -> Int? {
        var rp = text.startIndex
        let end = text.endIndex
        var wantWeekday = false
        var f = Array(format.utf8)[...]
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        func number(_ from: Int, _ to: Int, _ digits: Int) -> Int? {
            while rp < end, isSpace(text[rp]) { rp += 1 }
            guard rp < end, CalendarTimestamp.isDigit(text[rp]) else { return nil }
            var value = 0
            var n = digits
            repeat {
                value = value * 10 + Int(text[rp] - 48)
                rp += 1
                n -= 1
            } while n > 0 && value * 10 <= to && rp < end && CalendarTimestamp.isDigit(text[rp])
            return value >= from && value <= to ? value : nil
        }
        while let c = f.first {
            f = f.dropFirst()
            if isSpace(c) {
                while rp < end, isSpace(text[rp]) { rp += 1 }
                continue
            }
            guard c == UInt8(ascii: "%"), let directive = f.first else {
                guard rp < end, text[rp] == c else { return nil }
                rp += 1
                continue
            }
            f = f.dropFirst()
            switch directive {
            case UInt8(ascii: "y"):
                guard let v = number(0, 99, 2) else { return nil }
                tm.year = v >= 69 ? v : v + 100
                wantWeekday = true
            case UInt8(ascii: "Y"):
                guard let v = number(0, 9999, 4) else { return nil }
                tm.year = v - 1900
                wantWeekday = true
            case UInt8(ascii: "m"):
                guard let v = number(1, 12, 2) else { return nil }
                tm.month = v - 1
                wantWeekday = true
            case UInt8(ascii: "d"):
                guard let v = number(1, 31, 2) else { return nil }
                tm.day = v
                wantWeekday = true
            case UInt8(ascii: "H"):
                guard let v = number(0, 23, 2) else { return nil }
                tm.hour = v
            case UInt8(ascii: "M"):
                guard let v = number(0, 59, 2) else { return nil }
                tm.minute = v
            case UInt8(ascii: "S"):
                guard let v = number(0, 61, 2) else { return nil }
                tm.second = v
            case UInt8(ascii: "b"):
                // The longest full or abbreviated English month name, any case.
                var longest: (end: Int, month: Int)?
                for month in 0..<12 {
                    for candidate in [MonthName.long[month], MonthName.short[month]] {
                        let bytes = Array(candidate.utf8)
                        guard rp + bytes.count <= end,
                              zip(text[rp..<rp + bytes.count], bytes).allSatisfy({ CalendarTimestamp.lower($0) == CalendarTimestamp.lower($1) })
                        else { continue }
                        if rp + bytes.count > (longest?.end ?? rp) { longest = (rp + bytes.count, month) }
                    }
                }
                guard let longest else { return nil }
                rp = longest.end
                tm.month = longest.month
                wantWeekday = true
            default:
                return nil
            }
        }
        if wantWeekday && tm.year >= -1900 { tm.weekday = dayOfTheWeek(tm) }
        return rp
    }

    /// glibc's `day_of_the_week`, with C's truncating division.
    static func dayOfTheWeek(_ tm: BrokenDownTime) -> Int {
        let corrYear = 1900 + tm.year - (tm.month < 2 ? 1 : 0)
        let q = corrYear / 4
        let yday = CivilDate.daysBeforeMonth[0][max(0, min(11, tm.month))]
        let wday = -473 + 365 * (tm.year - 70) + q - (q / 25) + ((q % 25) < 0 ? 1 : 0) + ((q / 25) / 4) + yday + tm.day - 1
        return ((wday % 7) + 7) % 7
    }
}
