import Foundation
import SteadyLocalization

/// Parses systemd `OnCalendar` text (systemd.time(7), "Calendar Events") into a `CalendarSpec`.
///
/// It accepts exactly the grammar of systemd 252's `calendar_spec_from_string`, walking the
/// text in the same order, but reports *where* and *why* text is rejected instead of `EINVAL`.
struct CalendarParser {
    private let text: String
    private let bytes: [UInt8]
    private var spec = CalendarSpec()
    /// Every parsed list element with the field it belongs to and its place in the text,
    /// checked against the field's range once the whole text is read.
    private var placed: [(field: Field, component: CalendarComponent, offset: Int, length: Int)] = []

    enum Field {
        case year, month, day, hour, minute, second

        var bounds: (from: Int, to: Int) {
            switch self {
            case .year: (CalendarSpec.minYear, CalendarSpec.maxYear)
            case .month: (1, 12)
            case .day: (1, 31)
            case .hour: (0, 23)
            case .minute: (0, 59)
            case .second: (0, 60 * 1_000_000 - 1)
            }
        }

        var hint: Phrase {
            switch self {
            case .year: Phrase { tr("years are 1970..2199 (two digits: 70..99 mean 19xx, 00..69 mean 20xx)") }
            case .month: Phrase { tr("months are 1..12") }
            case .day: Phrase { tr("days are 1..31") }
            case .hour: Phrase { tr("hours are 0..23") }
            case .minute: Phrase { tr("minutes are 0..59") }
            case .second: Phrase { tr("seconds are 0..59, optionally with up to 6 decimals") }
            }
        }

        /// "hour '25' is out of range": one whole sentence per field.
        func outOfRange(_ source: String) -> Phrase {
            switch self {
            case .year: Phrase { tr("year '%1$@' is out of range", source) }
            case .month: Phrase { tr("month '%1$@' is out of range", source) }
            case .day: Phrase { tr("day '%1$@' is out of range", source) }
            case .hour: Phrase { tr("hour '%1$@' is out of range", source) }
            case .minute: Phrase { tr("minute '%1$@' is out of range", source) }
            case .second: Phrase { tr("second '%1$@' is out of range", source) }
            }
        }

        /// "the hour range '20..8' goes backwards".
        func backwards(_ source: String) -> Phrase {
            switch self {
            case .year: Phrase { tr("the year range '%1$@' goes backwards", source) }
            case .month: Phrase { tr("the month range '%1$@' goes backwards", source) }
            case .day: Phrase { tr("the day range '%1$@' goes backwards", source) }
            case .hour: Phrase { tr("the hour range '%1$@' goes backwards", source) }
            case .minute: Phrase { tr("the minute range '%1$@' goes backwards", source) }
            case .second: Phrase { tr("the second range '%1$@' goes backwards", source) }
            }
        }

        /// "the repetition '59/1' never fires a second time within the minutes".
        func neverRepeats(_ source: String) -> Phrase {
            switch self {
            case .year: Phrase { tr("the repetition '%1$@' never fires a second time within the years", source) }
            case .month: Phrase { tr("the repetition '%1$@' never fires a second time within the months", source) }
            case .day: Phrase { tr("the repetition '%1$@' never fires a second time within the days", source) }
            case .hour: Phrase { tr("the repetition '%1$@' never fires a second time within the hours", source) }
            case .minute: Phrase { tr("the repetition '%1$@' never fires a second time within the minutes", source) }
            case .second: Phrase { tr("the repetition '%1$@' never fires a second time within the seconds", source) }
            }
        }
    }

    /// ("monday", 0), ("mon", 0), ("tuesday", 1) …: each long name before its abbreviation.
    static let weekdayTable: [(name: String, number: Int)] = (0..<7).flatMap { day in
        [(WeekdayName.long[day].lowercased(), day), (WeekdayName.short[day].lowercased(), day)]
    }

    static let shorthands: [String] = [
        "minutely", "hourly", "daily", "weekly", "monthly", "quarterly", "semiannually", "semi-annually",
        "biannually", "bi-annually", "yearly", "annually", "anually",
    ]

    static var syntaxHint: Phrase {
        Phrase { tr("the form is [weekdays] [year-month-day] [hour:minute[:second]] [time zone], e.g. 'Mon..Fri *-*-* 07:30' or 'daily'") }
    }

    /// Where text was not expected: each place gets whole sentences of its own.
    enum Place {
        case afterTime, inDate, afterDate, afterHour, afterMinute, afterSeconds
        /// After a list element such as '12' or '0/15'.
        case afterElement(String)
    }

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    static func parse(_ text: String) throws(CalendarExpressionError) -> CalendarSpec {
        var parser = CalendarParser(text)
        return try parser.run()
    }

    // MARK: - Top level

    private mutating func run() throws(CalendarExpressionError) -> CalendarSpec {
        var end = bytes.count
        var zoneWord: (offset: Int, text: String)?

        if end >= 4, Self.lowercased(bytes[(end - 4)...]) == " utc" {
            spec.utc = true
            end -= 4
        } else if let space = bytes.lastIndex(of: UInt8(ascii: " ")) {
            let word = String(decoding: bytes[(space + 1)...], as: UTF8.self)
            if CalendarTimeZones.isValidName(word) {
                spec.timeZoneName = word
                end = space
            } else {
                zoneWord = (space + 1, word)
            }
        }

        do {
            try parseBody(end: end)
        } catch {
            // A failure inside an unknown trailing word most likely is a misspelled time zone.
            if let zoneWord, error.offset >= zoneWord.offset - 1, Self.looksLikeTimeZone(zoneWord.text) {
                throw unknownTimeZone(zoneWord.text, at: zoneWord.offset)
            }
            throw error
        }

        spec.normalize()
        try validate()
        return spec
    }

    private mutating func parseBody(end: Int) throws(CalendarExpressionError) {
        if end == 0 {
            throw fail(0, max(1, bytes.count), Phrase { tr("the expression is empty") }, hint: Self.syntaxHint)
        }
        let body = Self.lowercased(bytes[0..<end])
        switch body {
        case "minutely":
            spec.microsecond = [CalendarComponent(start: 0)]
        case "hourly":
            spec.minute = [CalendarComponent(start: 0)]
            spec.microsecond = [CalendarComponent(start: 0)]
        case "daily":
            setMidnight()
        case "monthly":
            spec.day = [CalendarComponent(start: 1)]
            setMidnight()
        case "annually", "yearly", "anually":
            spec.month = [CalendarComponent(start: 1)]
            spec.day = [CalendarComponent(start: 1)]
            setMidnight()
        case "weekly":
            spec.weekdays = 1
            setMidnight()
        case "quarterly":
            spec.month = [1, 4, 7, 10].map { CalendarComponent(start: $0) }
            spec.day = [CalendarComponent(start: 1)]
            setMidnight()
        case "biannually", "bi-annually", "semiannually", "semi-annually":
            spec.month = [1, 7].map { CalendarComponent(start: $0) }
            spec.day = [CalendarComponent(start: 1)]
            setMidnight()
        default:
            var p = 0
            try parseWeekdays(&p, end: end)
            let dateWasTimestamp = try parseDate(&p, end: end)
            if !dateWasTimestamp {
                try parseTime(&p, end: end)
            }
            if p != end {
                throw unexpected(at: p, end: end, place: .afterTime)
            }
        }
    }

    private mutating func setMidnight() {
        spec.hour = [CalendarComponent(start: 0)]
        spec.minute = [CalendarComponent(start: 0)]
        spec.microsecond = [CalendarComponent(start: 0)]
    }

    // MARK: - Weekdays

    private func matchWeekday(at p: Int, end: Int) -> (number: Int, length: Int)? {
        for entry in Self.weekdayTable {
            let n = entry.name.utf8.count
            if p + n <= end, Self.lowercased(bytes[p..<(p + n)]) == entry.name {
                return (entry.number, n)
            }
        }
        return nil
    }

    private mutating func parseWeekdays(_ p: inout Int, end: Int) throws(CalendarExpressionError) {
        var rangeStart = -1
        var first = true
        var rangeStartOffset = 0
        while true {
            guard let (number, length) = matchWeekday(at: p, end: end) else {
                if first {
                    // Not a weekday: the date follows. A word here is a misspelling, though.
                    if p < end, Self.isLetter(bytes[p]) {
                        throw unknownWord(at: p, end: end, weekdayOnly: false)
                    }
                    return
                }
                if p < end, Self.isLetter(bytes[p]) {
                    throw unknownWord(at: p, end: end, weekdayOnly: true)
                }
                let found = char(p)
                throw fail(p, 1, p < end ? Phrase { tr("expected a weekday, found '%1$@'", found) } : Phrase { tr("expected a weekday at the end") },
                           hint: Phrase { tr("weekdays are Mon..Sun (or Monday..Sunday)") })
            }
            let next = byteAt(p + length, end: end)
            if ![0, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " ")].contains(next) {
                if Self.isLetter(next) {
                    throw unknownWord(at: p, end: end, weekdayOnly: !first)
                }
                let (weekday, found) = (substring(p, length), char(p + length))
                throw fail(p + length, 1, Phrase { tr("expected a space after the weekday '%1$@', found '%2$@'", weekday, found) },
                           hint: Phrase { tr("separate weekdays from the date or time with a space, e.g. 'Mon 07:30'") })
            }
            if rangeStart >= 0 {
                if rangeStart > number {
                    let range = substring(rangeStartOffset, p + length - rangeStartOffset)
                    throw fail(rangeStartOffset, p + length - rangeStartOffset,
                               Phrase { tr("the weekday range '%1$@' goes backwards", range) },
                               hint: Phrase { tr("weekday ranges run from Mon to Sun; split it, e.g. 'Fri..Sun,Mon'") })
                }
                for j in (rangeStart + 1)..<max(rangeStart + 1, number) { spec.weekdays |= 1 << j }
            }
            if spec.weekdays < 0 { spec.weekdays = 0 }
            spec.weekdays |= 1 << number
            let nameOffset = p
            p += length
            if p == end { return }
            if bytes[p] == UInt8(ascii: " ") {
                skipSpaces(&p, end: end)
                return
            }
            if bytes[p] == UInt8(ascii: ".") {
                if rangeStart >= 0 {
                    throw fail(p, 2, Phrase { tr("a weekday range can't continue with another '..'") },
                               hint: Phrase { tr("use a comma to add more days, e.g. 'Mon..Wed,Fri'") })
                }
                if byteAt(p + 1, end: end) != UInt8(ascii: ".") {
                    throw fail(p, 1, Phrase { tr("a weekday range needs '..', found a single '.'") }, hint: Phrase { tr("e.g. 'Mon..Fri'") })
                }
                rangeStart = number
                rangeStartOffset = nameOffset
                p += 2
            } else if bytes[p] == UInt8(ascii: "-") {
                if rangeStart >= 0 {
                    throw fail(p, 1, Phrase { tr("a weekday range can't continue with another '-'") },
                               hint: Phrase { tr("use a comma to add more days, e.g. 'Mon..Wed,Fri'") })
                }
                rangeStart = number
                rangeStartOffset = nameOffset
                p += 1
            } else if bytes[p] == UInt8(ascii: ",") {
                rangeStart = -1
                p += 1
            }
            if p == end || bytes[p] == UInt8(ascii: " ") {
                if rangeStart >= 0 {
                    let range = substring(rangeStartOffset, p - rangeStartOffset)
                    throw fail(rangeStartOffset, p - rangeStartOffset, Phrase { tr("the weekday range '%1$@' has no end", range) },
                               hint: Phrase { tr("e.g. 'Mon..Fri'") })
                }
                skipSpaces(&p, end: end)
                return
            }
            first = false
        }
    }

    // MARK: - Date

    /// Returns true when the date was an `@timestamp`, which also fixes the time.
    private mutating func parseDate(_ p: inout Int, end: Int) throws(CalendarExpressionError) -> Bool {
        if p == end { return false }
        if bytes[p] == UInt8(ascii: "@") {
            try parseTimestamp(&p, end: end)
            return true
        }
        var t = p
        let first = try parseChain(&t, end: end, microseconds: false)
        let afterFirst = byteAt(t, end: end)
        if afterFirst == 0 || afterFirst == UInt8(ascii: ":") {
            // That was the hour of a time, not a date: leave it to parseTime.
            return false
        }
        if afterFirst == UInt8(ascii: "~") {
            spec.endOfMonth = true
        } else if afterFirst != UInt8(ascii: "-") {
            throw unexpected(at: t, end: end, place: .inDate)
        }
        let firstSeparator = t
        t += 1
        let second = try parseChain(&t, end: end, microseconds: false)
        let afterSecond = byteAt(t, end: end)
        if afterSecond == 0 || afterSecond == UInt8(ascii: " ") {
            skipSpaces(&t, end: end)
            place(first, as: .month)
            place(second, as: .day)
            spec.month = first.chain
            spec.day = second.chain
            p = t
            return false
        } else if spec.endOfMonth {
            throw fail(firstSeparator, 1, Phrase { tr("'~' can only stand between the month and the day") },
                       hint: Phrase { tr("e.g. '*-02~1' for the last day of February, '2025-*~7' for the 7th day from the end") })
        }
        if afterSecond == UInt8(ascii: "~") {
            spec.endOfMonth = true
        } else if afterSecond != UInt8(ascii: "-") {
            throw unexpected(at: t, end: end, place: .inDate)
        }
        t += 1
        let third = try parseChain(&t, end: end, microseconds: false)
        let afterThird = byteAt(t, end: end)
        if afterThird != 0 && afterThird != UInt8(ascii: " ") {
            throw unexpected(at: t, end: end, place: .afterDate)
        }
        skipSpaces(&t, end: end)
        place(first, as: .year)
        place(second, as: .month)
        place(third, as: .day)
        spec.year = first.chain
        spec.month = second.chain
        spec.day = third.chain
        p = t
        return false
    }

    private mutating func parseTimestamp(_ p: inout Int, end: Int) throws(CalendarExpressionError) {
        var t = p + 1
        let digitsStart = t
        var value = 0
        while t < end, Self.isDigit(bytes[t]) {
            let (v1, o1) = value.multipliedReportingOverflow(by: 10)
            let (v2, o2) = v1.addingReportingOverflow(Int(bytes[t] - 48))
            if o1 || o2 {
                let timestamp = substring(p, end - p)
                throw fail(p, end - p, Phrase { tr("the timestamp '%1$@' is too large", timestamp) },
                           hint: Phrase { tr("'@' is followed by seconds since 1970-01-01 UTC") })
            }
            value = v2
            t += 1
        }
        if t == digitsStart {
            throw fail(p, max(1, t - p + 1), Phrase { tr("'@' must be followed by seconds since 1970-01-01 UTC") },
                       hint: Phrase { tr("e.g. '@1735689600'") })
        }
        let days = value.quotientAndRemainderFlooring(dividingBy: 86_400)
        let civil = CivilDate(daysSinceEpoch: days.quotient)
        let secs = days.remainder
        spec.utc = true
        let year = CalendarComponent(start: civil.year)
        spec.year = [year]
        spec.month = [CalendarComponent(start: civil.month)]
        spec.day = [CalendarComponent(start: civil.day)]
        spec.hour = [CalendarComponent(start: secs / 3600)]
        spec.minute = [CalendarComponent(start: secs / 60 % 60)]
        spec.microsecond = [CalendarComponent(start: secs % 60 * 1_000_000)]
        placed.append((.year, year, p, t - p))
        p = t
        if t != end {
            throw fail(t, end - t, Phrase { tr("nothing may follow an '@timestamp'") }, hint: Phrase { tr("'@' fixes date and time at once") })
        }
    }

    // MARK: - Time

    private mutating func parseTime(_ p: inout Int, end: Int) throws(CalendarExpressionError) {
        var t = p
        if t == end {
            setMidnight()
            return
        }
        let h = try parseChain(&t, end: end, microseconds: false)
        if byteAt(t, end: end) != UInt8(ascii: ":") {
            throw unexpected(at: t, end: end, place: .afterHour)
        }
        t += 1
        let m = try parseChain(&t, end: end, microseconds: false)
        place(h, as: .hour)
        place(m, as: .minute)
        spec.hour = h.chain
        spec.minute = m.chain
        if t == end {
            spec.microsecond = [CalendarComponent(start: 0)]
            p = t
            return
        }
        if bytes[t] != UInt8(ascii: ":") {
            throw unexpected(at: t, end: end, place: .afterMinute)
        }
        t += 1
        let s = try parseChain(&t, end: end, microseconds: true)
        if t != end {
            throw unexpected(at: t, end: end, place: .afterSeconds)
        }
        place(s, as: .second)
        spec.microsecond = s.chain
        p = t
    }

    // MARK: - Lists, ranges, repetitions

    private struct ParsedChain {
        var chain: CalendarChain?
        var spans: [(component: CalendarComponent, offset: Int, length: Int)]
    }

    private mutating func place(_ parsed: ParsedChain, as field: Field) {
        for s in parsed.spans { placed.append((field, s.component, s.offset, s.length)) }
    }

    private func parseChain(_ p: inout Int, end: Int, microseconds: Bool) throws(CalendarExpressionError) -> ParsedChain {
        if p < end, bytes[p] == UInt8(ascii: "*") {
            p += 1
            if microseconds {
                return ParsedChain(chain: [CalendarComponent(start: 0, step: 1_000_000)], spans: [])
            }
            return ParsedChain(chain: nil, spans: [])
        }
        var result = ParsedChain(chain: [], spans: [])
        var nesting = 0
        while true {
            if nesting > 240 {
                throw fail(p, 1, Phrase { tr("too many comma-separated values (at most 241 per field)") })
            }
            let elementStart = p
            let start = try parseDecimal(&p, end: end, microseconds: microseconds)
            var stop = -1
            var repeatValue = 0
            if byteAt(p, end: end) == UInt8(ascii: "."), byteAt(p + 1, end: end) == UInt8(ascii: ".") {
                p += 2
                stop = try parseDecimal(&p, end: end, microseconds: microseconds)
                repeatValue = microseconds ? 1_000_000 : 1
            }
            if byteAt(p, end: end) == UInt8(ascii: "/") {
                let slash = p
                p += 1
                repeatValue = try parseDecimal(&p, end: end, microseconds: microseconds)
                if repeatValue == 0 {
                    let step = substring(slash + 1, p - slash - 1)
                    throw fail(slash, p - slash, Phrase { tr("a repetition '/%1$@' must be greater than zero", step) },
                               hint: Phrase { tr("e.g. '*:0/15' for every 15 minutes") })
                }
            } else {
                if start > Int(Int32.max) - repeatValue {
                    throw fail(elementStart, p - elementStart, Phrase { tr("the number is too large") })
                }
                if microseconds && stop >= 0 && start + repeatValue > stop {
                    let range = substring(elementStart, p - elementStart)
                    throw fail(elementStart, p - elementStart, Phrase { tr("the seconds range '%1$@' is shorter than one second", range) },
                               hint: Phrase { tr("give an explicit step for sub-second ranges, e.g. '5..5.5/0.25'") })
                }
            }
            let terminator = byteAt(p, end: end)
            if ![0, UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: ":")].contains(terminator) {
                if terminator == UInt8(ascii: ".") && !microseconds {
                    throw fail(p, 1, Phrase { tr("only seconds may have decimals") }, hint: Phrase { tr("write fractions on the seconds, e.g. '*:*:30.5'") })
                }
                throw unexpected(at: p, end: end, place: .afterElement(substring(elementStart, p - elementStart)))
            }
            let component = CalendarComponent(start: start, stop: stop, step: repeatValue)
            result.chain!.append(component)
            result.spans.append((component, elementStart, p - elementStart))
            if terminator == UInt8(ascii: ",") {
                p += 1
                nesting += 1
                continue
            }
            return result
        }
    }

    private func parseDecimal(_ p: inout Int, end: Int, microseconds: Bool) throws(CalendarExpressionError) -> Int {
        guard p < end, Self.isDigit(bytes[p]) else {
            if p < end, Self.isLetter(bytes[p]) {
                throw unknownWord(at: p, end: end, weekdayOnly: false)
            }
            let found = char(p)
            throw fail(p, 1, p < end ? Phrase { tr("expected a number, found '%1$@'", found) } : Phrase { tr("expected a number at the end") },
                       hint: Self.syntaxHint)
        }
        let numberStart = p
        var value = 0
        var overflow = false
        while p < end, Self.isDigit(bytes[p]) {
            let (v1, o1) = value.multipliedReportingOverflow(by: 10)
            let (v2, o2) = v1.addingReportingOverflow(Int(bytes[p] - 48))
            overflow = overflow || o1 || o2
            value = v2
            p += 1
        }
        if microseconds {
            let (v, o) = value.multipliedReportingOverflow(by: 1_000_000)
            overflow = overflow || o
            value = v
            if byteAt(p, end: end) == UInt8(ascii: "."), byteAt(p + 1, end: end) != UInt8(ascii: ".") {
                p += 1
                guard p < end, Self.isDigit(bytes[p]) else {
                    throw fail(p - 1, 1, Phrase { tr("a decimal point must be followed by digits") }, hint: Phrase { tr("e.g. '*:*:30.5'") })
                }
                var fraction = 0
                var digits = 0
                while digits < 6 {
                    if p < end, Self.isDigit(bytes[p]) {
                        fraction = fraction * 10 + Int(bytes[p] - 48)
                        p += 1
                    } else {
                        fraction *= 10
                    }
                    digits += 1
                }
                // The seventh digit rounds; any further ones are ignored.
                if p < end, bytes[p] >= UInt8(ascii: "5"), bytes[p] <= UInt8(ascii: "9") { fraction += 1 }
                while p < end, Self.isDigit(bytes[p]) { p += 1 }
                value += fraction
            }
        }
        if overflow || value > Int(Int32.max) {
            let number = substring(numberStart, p - numberStart)
            throw fail(numberStart, p - numberStart, Phrase { tr("the number '%1$@' is too large", number) })
        }
        return value
    }

    // MARK: - Range checks (systemd's chain_valid, after normalization)

    private func validate() throws(CalendarExpressionError) {
        for entry in placed.sorted(by: { $0.offset < $1.offset }) {
            var c = entry.component
            if entry.field == .year {
                c.start = CalendarSpec.fixYear(c.start)
                c.stop = CalendarSpec.fixYear(c.stop)
            }
            c.normalize()
            let endOfMonth = entry.field == .day && spec.endOfMonth
            let (from, to) = entry.field.bounds
            if c.isValid(from: from, to: to, endOfMonth: endOfMonth) { continue }
            throw rangeError(entry.field, c, offset: entry.offset, length: entry.length, endOfMonth: endOfMonth)
        }
        // systemd quirk: for '~' days, the bound shrinks by 3 for each further element of the
        // sorted, de-duplicated list (~28 alone, then at most ~25, ~22, …).
        if spec.endOfMonth, let days = spec.day {
            for (k, c) in days.enumerated() where k > 0 {
                let to = 31 - 3 * k
                if c.isValid(from: 1, to: to, endOfMonth: true) { continue }
                let entry = placed.first { e in
                    var n = e.component
                    n.normalize()
                    return e.field == .day && n == c
                }
                throw fail(entry?.offset ?? 0, entry?.length ?? bytes.count,
                           Phrase { tr("with '~', value %1$d of the day list may reach back at most ~%2$d", k + 1, to - 3) },
                           hint: Phrase { tr("systemd allows ~28 for the first (smallest) value of a '~' list and 3 days less for each further one") })
            }
        }
    }

    private func rangeError(_ field: Field, _ c: CalendarComponent, offset: Int, length: Int, endOfMonth: Bool) -> CalendarExpressionError {
        let source = substring(offset, length)
        let (from, boundTo) = field.bounds
        let to = endOfMonth ? boundTo - 3 : boundTo
        let hint = endOfMonth ? Phrase { tr("with '~', days count back from the month's last day: ~1 is the last day, at most ~28") } : field.hint
        let outOfRange = endOfMonth ? Phrase { tr("day from the end of the month '%1$@' is out of range", source) } : field.outOfRange(source)
        if c.start < from || c.start > to || (c.stop >= 0 && (c.stop < from || c.stop > to)) {
            return fail(offset, length, outOfRange, hint: hint)
        }
        if c.stop >= 0 && c.start + c.step > c.stop {
            return fail(offset, length, field.backwards(source), hint: hint)
        }
        if c.step > 0 {
            return fail(offset, length, field.neverRepeats(source), hint: hint)
        }
        return fail(offset, length, outOfRange, hint: hint)
    }

    // MARK: - Errors

    private func fail(_ byteOffset: Int, _ byteLength: Int, _ message: Phrase, hint: Phrase? = nil) -> CalendarExpressionError {
        let start = min(max(0, byteOffset), bytes.count)
        let stop = min(bytes.count, start + max(1, byteLength))
        let charOffset = String(decoding: bytes[0..<start], as: UTF8.self).count
        let charLength = max(1, String(decoding: bytes[start..<stop], as: UTF8.self).count)
        return CalendarExpressionError(expression: text, offset: charOffset, length: charLength, message: message, hint: hint)
    }

    private func unexpected(at p: Int, end: Int, place: Place) -> CalendarExpressionError {
        if p >= end {
            return fail(p, 1, Self.endsTooEarly(place), hint: Self.syntaxHint)
        }
        if Self.isLetter(bytes[p]) {
            return unknownWord(at: p, end: end, weekdayOnly: false)
        }
        if bytes[p] == UInt8(ascii: " ") {
            var q = p
            skipSpaces(&q, end: end)
            if q < end, Self.isLetter(bytes[q]) || bytes[q] == UInt8(ascii: "/") {
                let wordEnd = bytes[q..<end].firstIndex(of: UInt8(ascii: " ")) ?? end
                let word = substring(q, wordEnd - q)
                if wordEnd == bytes.count {
                    return unknownTimeZone(word, at: q)
                }
                return fail(q, wordEnd - q, Self.unexpected(word, place), hint: Self.syntaxHint)
            }
            return fail(q < end ? q : p, 1, Self.unexpectedText(place), hint: Self.syntaxHint)
        }
        let found = char(p)
        if case .afterHour = place {
            return fail(p, 1, Phrase { tr("expected ':' after the hour, found '%1$@'", found) },
                        hint: Phrase { tr("times are hour:minute[:second], e.g. '07:30'") })
        }
        return fail(p, 1, Self.unexpected(found, place), hint: Self.syntaxHint)
    }

    /// "the expression ends too early after the hour".
    static func endsTooEarly(_ place: Place) -> Phrase {
        switch place {
        case .afterTime: Phrase { tr("the expression ends too early after the time") }
        case .inDate: Phrase { tr("the expression ends too early in the date") }
        case .afterDate: Phrase { tr("the expression ends too early after the date") }
        case .afterHour: Phrase { tr("the expression ends too early after the hour") }
        case .afterMinute: Phrase { tr("the expression ends too early after the minute") }
        case .afterSeconds: Phrase { tr("the expression ends too early after the seconds") }
        case .afterElement(let element): Phrase { tr("the expression ends too early after '%1$@'", element) }
        }
    }

    /// "unexpected '/' after the minute": one character, or a word that is not the last one.
    static func unexpected(_ word: String, _ place: Place) -> Phrase {
        switch place {
        case .afterTime: Phrase { tr("unexpected '%1$@' after the time", word) }
        case .inDate: Phrase { tr("unexpected '%1$@' in the date", word) }
        case .afterDate: Phrase { tr("unexpected '%1$@' after the date", word) }
        case .afterHour: Phrase { tr("unexpected '%1$@' after the hour", word) }
        case .afterMinute: Phrase { tr("unexpected '%1$@' after the minute", word) }
        case .afterSeconds: Phrase { tr("unexpected '%1$@' after the seconds", word) }
        case .afterElement(let element): Phrase { tr("unexpected '%1$@' after '%2$@'", word, element) }
        }
    }

    /// "unexpected text after the minute": something after a space that is not a word.
    static func unexpectedText(_ place: Place) -> Phrase {
        switch place {
        case .afterTime: Phrase { tr("unexpected text after the time") }
        case .inDate: Phrase { tr("unexpected text in the date") }
        case .afterDate: Phrase { tr("unexpected text after the date") }
        case .afterHour: Phrase { tr("unexpected text after the hour") }
        case .afterMinute: Phrase { tr("unexpected text after the minute") }
        case .afterSeconds: Phrase { tr("unexpected text after the seconds") }
        case .afterElement(let element): Phrase { tr("unexpected text after '%1$@'", element) }
        }
    }

    private func unknownWord(at p: Int, end: Int, weekdayOnly: Bool) -> CalendarExpressionError {
        var q = p
        while q < end, Self.isLetter(bytes[q]) || bytes[q] == UInt8(ascii: "-") && q + 1 < end && Self.isLetter(bytes[q + 1]) {
            q += 1
        }
        let word = substring(p, q - p)
        let weekdayNames = WeekdayName.short + WeekdayName.long
        let candidates = weekdayOnly || p > 0 ? weekdayNames : weekdayNames + Self.shorthands
        let suggestion = CalendarSuggestion.closest(to: word, among: candidates)
        let isWeekdayish = weekdayOnly || (suggestion.map { weekdayNames.contains($0) } ?? false)
        let message = switch (isWeekdayish, suggestion) {
        case (true, let suggestion?): Phrase { tr("unknown weekday '%1$@' — did you mean '%2$@'?", word, suggestion) }
        case (true, nil): Phrase { tr("unknown weekday '%1$@'", word) }
        case (false, let suggestion?): Phrase { tr("unknown word '%1$@' — did you mean '%2$@'?", word, suggestion) }
        case (false, nil): Phrase { tr("unknown word '%1$@'", word) }
        }
        let hint = isWeekdayish
            ? Phrase { tr("weekdays are Mon..Sun (or Monday..Sunday), in lists 'Sat,Sun' and ranges 'Mon..Fri'") }
            : Phrase { tr("words are weekdays (Mon..Sun) or one of: minutely, hourly, daily, weekly, monthly, quarterly, semiannually, yearly") }
        return fail(p, q - p, message, hint: hint)
    }

    private func unknownTimeZone(_ word: String, at p: Int) -> CalendarExpressionError {
        let message = if let suggestion = CalendarTimeZones.suggestion(for: word) {
            Phrase { tr("unknown time zone '%1$@' — did you mean '%2$@'?", word, suggestion) }
        } else {
            Phrase { tr("unknown time zone '%1$@'", word) }
        }
        return fail(p, word.utf8.count, message, hint: Phrase { tr("use UTC or a tz database name such as 'Europe/Berlin'") })
    }

    // MARK: - Bytes

    private func byteAt(_ i: Int, end: Int) -> UInt8 { i < end ? bytes[i] : 0 }
    private func char(_ i: Int) -> String { i < bytes.count ? String(decoding: bytes[i...i], as: UTF8.self) : "" }
    private func substring(_ i: Int, _ n: Int) -> String {
        let a = min(max(0, i), bytes.count)
        return String(decoding: bytes[a..<min(bytes.count, a + max(0, n))], as: UTF8.self)
    }
    private func skipSpaces(_ p: inout Int, end: Int) {
        while p < end, bytes[p] == UInt8(ascii: " ") { p += 1 }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    static func lowercased(_ s: ArraySlice<UInt8>) -> String {
        String(decoding: s.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
    static func looksLikeTimeZone(_ word: String) -> Bool {
        word.utf8.contains { isLetter($0) || $0 == UInt8(ascii: "/") }
    }
}
