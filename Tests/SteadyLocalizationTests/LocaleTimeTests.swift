import SteadyLocalization
import Testing

/// glibc's own locale data, read through `LocaleTime`, for the two locales the tests install
/// (scripts/install-deps test generates de_DE.UTF-8 and en_US.UTF-8 when missing).
@Suite struct LocaleTimeTests {
    /// Thursday 3 December 2026, 21:14:05.
    static let evening = LocaleTime.Moment(year: 2026, month: 12, day: 3, hour: 21, minute: 14, second: 5, weekday: 4)

    static func locale(_ name: String) throws -> LocaleTime {
        do { return try LocaleTime(name) } catch {
            Issue.record("\(error); run scripts/install-deps test")
            throw error
        }
    }

    @Test func german_writesA24HourClock_MondayFirst_andGermanNames() throws {
        let german = try Self.locale("de_DE.UTF-8")
        #expect(!german.usesTwelveHourClock)
        #expect(german.time(Self.evening) == "21:14")
        #expect(german.date(Self.evening) == "03.12.2026")
        #expect(german.weekdayName(4) == "Donnerstag")
        #expect(german.weekdayName(0, abbreviated: true) == "So")
        #expect(german.monthName(12) == "Dezember")
        #expect(german.monthName(3, abbreviated: true) == "Mär")
        #expect(german.firstWeekday == 1)
        #expect(german.weekdaysInOrder == [1, 2, 3, 4, 5, 6, 0])
        #expect(german.format(Self.evening, "%A, %e. %B") == "Donnerstag,  3. Dezember")
    }

    @Test func usEnglish_writesA12HourClock_SundayFirst() throws {
        let english = try Self.locale("en_US.UTF-8")
        #expect(english.usesTwelveHourClock)
        #expect(english.time(Self.evening) == "9:14 PM")
        #expect(english.time(LocaleTime.Moment(year: 2026, month: 12, day: 3, hour: 10, minute: 5, weekday: 4)) == "10:05 AM")
        #expect(english.date(Self.evening) == "12/03/2026")
        #expect(english.weekdayName(4) == "Thursday")
        #expect(english.monthName(12) == "December")
        #expect(english.firstWeekday == 0)
        #expect(english.weekdaysInOrder.first == 0)
    }

    @Test func theCLocale_isAlwaysThere_with24Hours() {
        let c = LocaleTime.c
        #expect(c.name == "C")
        #expect(c.time(Self.evening) == "21:14")
        #expect(c.weekdayName(4, abbreviated: true) == "Thu")
    }

    @Test func aLocaleThatIsNotInstalled_saysSo_andHowToGetOne() {
        #expect(throws: LocaleTimeError.notInstalled("xx_XX.UTF-8")) { try LocaleTime("xx_XX.UTF-8") }
        #expect(LocaleTimeError.notInstalled("xx_XX.UTF-8").description.contains("locale -a"))
    }

    @Test func aMomentFromTheEpoch_readsTheLocalTimeZone() {
        let moment = LocaleTime.Moment(secondsSinceEpoch: 0)
        #expect(moment.year == 1970 || moment.year == 1969)
        #expect((0...6).contains(moment.weekday))
    }
}
