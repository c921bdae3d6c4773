/// The next-elapse search of systemd 252 (`find_next` in src/shared/calendarspec.c), step for
/// step: fields are matched from the year down to the microsecond, each change is normalized
/// through `mktime`, and whatever normalization does at DST transitions decides the result.
/// Matching that walk (rather than computing an "ideal" answer) is what makes elapses around
/// spring-forward gaps and fall-back overlaps come out exactly as systemd's.
struct CalendarSearch {
    enum Outcome: Equatable {
        case elapse(microseconds: Int)
        /// The expression never elapses after the base time (systemd: -ENOENT).
        case never
        /// systemd gives up (-EDEADLK after 1000 rounds, or a failed conversion).
        case failed
    }

    static let maxIterations = 1000
    static let usecPerSec = 1_000_000

    let spec: CalendarSpec
    var clock: CalendarClock

    /// `calendar_spec_next_usec_impl`: the first elapse strictly after `base` (µs since the epoch).
    mutating func next(after base: Int) -> Outcome {
        // systemd refuses to search from after USEC_TIMESTAMP_FORMATTABLE_MAX (9999-12-30).
        if base > Int(CalendarTimestamp.latest) { return .failed }
        let usec = base + 1
        let (seconds, fraction) = usec.quotientAndRemainderFlooring(dividingBy: Self.usecPerSec)
        var tm = clock.brokenDown(seconds)
        var tmUsec = fraction
        if let failure = findNext(&tm, &tmUsec) { return failure }
        guard let t = clock.makeTime(&tm), t >= 0 else { return .failed }
        return .elapse(microseconds: t * Self.usecPerSec + tmUsec)
    }

    // MARK: - Helpers mirroring calendarspec.c

    /// Last-day-relative day `day` (1 = last day) of `tm`'s month, or -1.
    private mutating func endOfMonth(_ tm: BrokenDownTime, _ day: Int) -> Int {
        var t = tm
        t.month += 1
        t.day = 1 - day
        guard clock.makeTime(&t) != nil, t.month == tm.month else { return -1 }
        return t.day
    }

    /// The earliest value >= `value` matched by `chain`: 1 if it changed, 0 if `value` matches,
    /// -1 if nothing matches any more.
    private mutating func matchComponent(_ chain: CalendarChain?, isDay: Bool, _ tm: BrokenDownTime, _ value: inout Int) -> Int {
        guard let chain else { return 0 }
        let fromEnd = isDay && spec.endOfMonth
        var best = -1
        var bestSet = false
        for c in chain {
            var start = c.start
            var stop = c.stop
            if fromEnd {
                start = endOfMonth(tm, c.start)
                stop = endOfMonth(tm, c.stop)
                if stop > 0 { swap(&start, &stop) }
            }
            if start >= value {
                if !bestSet || start < best {
                    best = start
                    bestSet = true
                }
            } else if c.step > 0 {
                let k = start + c.step * ((value - start + c.step - 1) / c.step)
                if (!bestSet || k < best) && (stop < 0 || k <= stop) {
                    best = k
                    bestSet = true
                }
            }
        }
        guard bestSet else { return -1 }
        let changed = value != best
        value = best
        return changed ? 1 : 0
    }

    /// 1: `tm` is a real time; 0: it normalized forward (tm updated); < 0: out of range or backwards.
    private mutating func withinBounds(_ tm: inout BrokenDownTime) -> Int {
        if tm.year + 1900 > CalendarSpec.maxYear { return -1 }
        var t = tm
        guard clock.makeTime(&t) != nil else { return -1 }
        var cmp: Int
        if t.year != tm.year {
            cmp = t.year < tm.year ? -1 : 1
            t.month = 0
        } else if t.month != tm.month {
            cmp = t.month < tm.month ? -1 : 1
            t.day = 1
        } else if t.day != tm.day {
            cmp = t.day < tm.day ? -1 : 1
            t.hour = 0
        } else if t.hour != tm.hour {
            cmp = t.hour < tm.hour ? -1 : 1
            t.minute = 0
        } else if t.minute != tm.minute {
            cmp = t.minute < tm.minute ? -1 : 1
            t.second = 0
        } else {
            cmp = t.second < tm.second ? -1 : (t.second > tm.second ? 1 : 0)
        }
        if cmp < 0 { return -2 }
        if cmp > 0 { tm = t }
        return cmp == 0 ? 1 : 0
    }

    /// Compares broken-down fields (year … second, then microseconds): > 0 when `a` is later.
    /// systemd counts a result as stuck when it is not after the start, i.e. `start >= found + 1µs`.
    static func fieldsCompare(_ a: BrokenDownTime, _ aUsec: Int, _ b: BrokenDownTime, _ bUsec: Int) -> Int {
        let lhs = [a.year, a.month, a.day, a.hour, a.minute, a.second]
        let rhs = [b.year, b.month, b.day, b.hour, b.minute, b.second]
        for (x, y) in zip(lhs, rhs) where x != y { return x < y ? -1 : 1 }
        let found = bUsec + 1
        return aUsec < found ? -1 : (aUsec > found ? 1 : 0)
    }

    private mutating func matchesWeekday(_ tm: BrokenDownTime) -> Bool {
        if spec.weekdays < 0 || spec.weekdays >= CalendarSpec.allWeekdays { return true }
        var t = tm
        guard clock.makeTime(&t) != nil else { return false }
        let k = t.weekday == 0 ? 6 : t.weekday - 1
        return spec.weekdays & (1 << k) != 0
    }

    // MARK: - find_next

    /// nil when found (the result is then in `tm` and `usec`), else why not.
    private mutating func findNext(_ tm: inout BrokenDownTime, _ usec: inout Int) -> Outcome? {
        var c = tm
        var tmUsec = usec
        let dst = -1
        // Set once the walk found a time before its start (a DST transition made it step back):
        // from then on the isdst that normalization yields is kept instead of "let mktime decide".
        var keepNormalizedDST = false
        for _ in 0..<Self.maxIterations {
            _ = clock.makeTime(&c)
            if !keepNormalizedDST { c.isDST = dst }

            var year = c.year + 1900
            var r = matchComponent(spec.year, isDay: false, c, &year)
            c.year = year - 1900
            if r > 0 {
                c.month = 0
                c.day = 1
                c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0
            }
            if r < 0 { return .never }
            if withinBounds(&c) <= 0 { return .never }

            var month = c.month + 1
            r = matchComponent(spec.month, isDay: false, c, &month)
            c.month = month - 1
            if r > 0 {
                c.day = 1
                c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0
            }
            if r >= 0 { r = withinBounds(&c) }
            if r < 0 {
                c.year += 1
                c.month = 0
                c.day = 1
                c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0
                continue
            }
            if r == 0 { continue }

            var day = c.day
            r = matchComponent(spec.day, isDay: true, c, &day)
            c.day = day
            if r > 0 { c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0 }
            if r >= 0 { r = withinBounds(&c) }
            if r < 0 {
                c.month += 1
                c.day = 1
                c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0
                continue
            }
            if r == 0 { continue }

            if !matchesWeekday(c) {
                c.day += 1
                c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0
                continue
            }

            var hour = c.hour
            r = matchComponent(spec.hour, isDay: false, c, &hour)
            c.hour = hour
            if r > 0 { c.minute = 0; c.second = 0; tmUsec = 0 }
            if r >= 0 { r = withinBounds(&c) }
            if r < 0 {
                c.day += 1
                c.hour = 0; c.minute = 0; c.second = 0; tmUsec = 0
                continue
            }
            if r == 0 { continue }

            var minute = c.minute
            r = matchComponent(spec.minute, isDay: false, c, &minute)
            c.minute = minute
            if r > 0 { c.second = 0; tmUsec = 0 }
            if r >= 0 { r = withinBounds(&c) }
            if r < 0 {
                c.hour += 1
                c.minute = 0; c.second = 0; tmUsec = 0
                continue
            }
            if r == 0 { continue }

            var micro = c.second * Self.usecPerSec + tmUsec
            r = matchComponent(spec.microsecond, isDay: false, c, &micro)
            tmUsec = micro % Self.usecPerSec
            c.second = micro / Self.usecPerSec
            if r >= 0 { r = withinBounds(&c) }
            if r < 0 {
                c.minute += 1
                c.second = 0; tmUsec = 0
                continue
            }
            if r == 0 { continue }

            if Self.fieldsCompare(tm, usec, c, tmUsec) >= 0 {
                // Stuck before the start: move on an hour and let normalization pick the side of
                // the transition (systemd's fix for zones like Europe/Dublin, in 252.39 as well).
                keepNormalizedDST = true
                c.hour += 1
                continue
            }
            tm = c
            usec = tmUsec
            return nil
        }
        return .failed
    }
}
