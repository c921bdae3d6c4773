import Foundation

/// The conversions systemd's calendar search uses — `localtime_r`/`mktime` in a time zone, or
/// `gmtime_r`/`timegm` for ` UTC` expressions — reproduced so that non-existent and repeated
/// local times resolve exactly as they do under glibc (2.36) on Linux.
///
/// glibc's `mktime` starts its search from the UTC offset its previous call ended with (a static
/// variable), and for a time in a fall-back overlap the answer depends on that starting guess.
/// `mktimeOffset` carries that state; systemd-analyze runs many searches in one process, and a
/// caller that wants its answers must thread the state the same way.
struct CalendarClock {
    /// nil: UTC arithmetic (`timegm`), never ambiguous.
    let zone: TimeZone?
    /// glibc's `localtime_offset`: result minus naive local seconds of the last `mktime`.
    var mktimeOffset: Int

    init(zone: TimeZone?, mktimeOffset: Int = 0) {
        self.zone = zone
        self.mktimeOffset = mktimeOffset
    }

    /// `localtime_r` (or `gmtime_r`).
    func brokenDown(_ t: Int) -> BrokenDownTime {
        guard let zone else { return BrokenDownTime(naiveSeconds: t, isDST: 0) }
        let date = Date(timeIntervalSince1970: TimeInterval(t))
        let offset = zone.secondsFromGMT(for: date)
        let dst = zone.isDaylightSavingTime(for: date) ? 1 : 0
        return BrokenDownTime(naiveSeconds: t + offset, isDST: dst)
    }

    /// `mktime` (or `timegm`): normalizes `tm` in place and returns the time, nil on failure.
    mutating func makeTime(_ tm: inout BrokenDownTime) -> Int? {
        // Fold the month into the year and compute the (possibly out of range) day of the year.
        let monthRemainder = tm.month % 12
        let negative = monthRemainder < 0 ? 1 : 0
        let year = tm.year + tm.month / 12 - negative
        let leap = CivilDate.isLeap(year + 1900) ? 1 : 0
        let yearDay = CivilDate.daysBeforeMonth[leap][monthRemainder + 12 * negative] - 1 + tm.day

        guard zone != nil else {
            let t = BrokenDownTime.naiveSeconds(year: year, yearDay: yearDay, hour: tm.hour, minute: tm.minute, second: tm.second)
            tm = brokenDown(t)
            return t
        }

        let requestedSecond = tm.second
        let second = min(max(tm.second, 0), 59)
        let isDST = tm.isDST
        let local = BrokenDownTime.naiveSeconds(year: year, yearDay: yearDay, hour: tm.hour, minute: tm.minute, second: second)

        // Probe: start from the previous call's offset and correct by the error each time.
        let t0 = local + mktimeOffset
        var t = t0, t1 = t0, t2 = t0
        var previousWasDST = 0
        var probesLeft = 6
        var found = brokenDown(t)
        var resolved = false
        while true {
            let dt = local - found.naiveSeconds
            if dt == 0 { break }
            let foundDST = found.isDST != 0 ? 1 : 0
            if t == t1 && t != t2
                && (found.isDST < 0 || (isDST < 0 ? previousWasDST <= foundDST : (isDST != 0) != (found.isDST != 0))) {
                // Oscillating around a spring-forward gap: keep this probe, which lies the gap's
                // size away from the requested time (glibc prefers the daylight-saving side).
                resolved = true
                break
            }
            probesLeft -= 1
            if probesLeft == 0 { return nil }
            t1 = t2
            t2 = t
            t += dt
            previousWasDST = foundDST
            found = brokenDown(t)
        }

        if !resolved && Self.isDSTDiffer(isDST, found.isDST) {
            // The requested isdst was not the one found: use a neighbouring offset with that isdst.
            let stride = 601_200
            let bound = 536_454_000 / 2 + stride
            var delta = stride
            var matched = false
            search: while delta < bound {
                for direction in [-1, 1] {
                    let ot = t + delta * direction
                    let other = brokenDown(ot)
                    if !Self.isDSTDiffer(isDST, other.isDST) {
                        t = ot + (local - other.naiveSeconds)
                        found = brokenDown(t)
                        matched = true
                        break search
                    }
                }
                delta += stride
            }
            if !matched {
                // None nearby: glibc assumes a one-hour difference (`2026-03-29 00:30 JDT` in Asia/Tokyo).
                let dstDifference = (isDST == 0 ? 1 : 0) - (found.isDST == 0 ? 1 : 0)
                t += 3600 * dstDifference
                found = brokenDown(t)
            }
        }

        mktimeOffset = t - t0 + mktimeOffset
        if requestedSecond != found.second {
            t += requestedSecond - second
            found = brokenDown(t)
        }
        tm = found
        return t
    }

    static func isDSTDiffer(_ a: Int, _ b: Int) -> Bool {
        ((a == 0) != (b == 0)) && a >= 0 && b >= 0
    }
}
