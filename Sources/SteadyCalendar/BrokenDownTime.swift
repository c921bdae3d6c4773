/// C's `struct tm`, with the same field conventions, because systemd's search walks these
/// fields (and relies on their normalization) step by step.
struct BrokenDownTime: Sendable, Equatable {
    /// Years since 1900.
    var year: Int
    /// 0...11 (may be out of range before normalization).
    var month: Int
    /// 1...31 (may be out of range before normalization).
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// -1: unknown (let the conversion decide), 0: standard time, 1: daylight saving time.
    var isDST: Int
    /// 0 = Sunday.
    var weekday: Int = 0
    /// 0-based day of the year.
    var yearDay: Int = 0

    /// Local seconds since 1970-01-01 00:00 of the (normalized) fields, as if the zone were UTC.
    var naiveSeconds: Int {
        BrokenDownTime.naiveSeconds(year: year, yearDay: yearDay, hour: hour, minute: minute, second: second)
    }

    static func naiveSeconds(year: Int, yearDay: Int, hour: Int, minute: Int, second: Int) -> Int {
        let days = CivilDate.daysBeforeYear(year + 1900) + yearDay
        return ((days * 24 + hour) * 60 + minute) * 60 + second
    }

    /// The fields of the local time `local` (seconds, as if the zone were UTC).
    init(naiveSeconds local: Int, isDST: Int) {
        let (days, secs) = local.quotientAndRemainderFlooring(dividingBy: 86_400)
        let civil = CivilDate(daysSinceEpoch: days)
        year = civil.year - 1900
        month = civil.month - 1
        day = civil.day
        hour = secs / 3600
        minute = secs / 60 % 60
        second = secs % 60
        self.isDST = isDST
        weekday = (days + 4).modulo(7)
        yearDay = days - CivilDate.daysBeforeYear(civil.year)
    }

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, isDST: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.isDST = isDST
    }
}

extension Int {
    func quotientAndRemainderFlooring(dividingBy d: Int) -> (quotient: Int, remainder: Int) {
        var q = self / d
        var r = self % d
        if r < 0 {
            q -= 1
            r += d
        }
        return (q, r)
    }

    func modulo(_ d: Int) -> Int {
        let r = self % d
        return r < 0 ? r + d : r
    }
}
