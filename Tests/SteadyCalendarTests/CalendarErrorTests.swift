import Foundation
import Testing
@testable import SteadyCalendar

@Suite("Calendar expressions: errors point at the problem")
struct CalendarErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var offset: Int
        var length: Int
        var message: String
        var hintContains: String

        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Mon..Fry 07:30", offset: 5, length: 3, message: "unknown weekday 'Fry' — did you mean 'Fri'?", hintContains: "Mon..Sun"),
        Case(text: "Thurs 12:00", offset: 0, length: 5, message: "unknown weekday 'Thurs' — did you mean 'Thursday'?", hintContains: "Mon..Sun"),
        Case(text: "dayly", offset: 0, length: 5, message: "unknown word 'dayly' — did you mean 'daily'?", hintContains: "hourly"),
        Case(text: "Fri..Mon", offset: 0, length: 8, message: "the weekday range 'Fri..Mon' goes backwards", hintContains: "Fri..Sun,Mon"),
        Case(text: "Mon.. 12:00", offset: 0, length: 5, message: "the weekday range 'Mon..' has no end", hintContains: "Mon..Fri"),
        Case(text: "25:00", offset: 0, length: 2, message: "hour '25' is out of range", hintContains: "0..23"),
        Case(text: "*:60", offset: 2, length: 2, message: "minute '60' is out of range", hintContains: "0..59"),
        Case(text: "*-13-01", offset: 2, length: 2, message: "month '13' is out of range", hintContains: "1..12"),
        Case(text: "2200-01-01", offset: 0, length: 4, message: "year '2200' is out of range", hintContains: "1970..2199"),
        Case(text: "*-*~29", offset: 4, length: 2, message: "day from the end of the month '29' is out of range", hintContains: "~28"),
        Case(text: "*-*~1,26", offset: 6, length: 2, message: "with '~', value 2 of the day list may reach back at most ~25", hintContains: "3 days less"),
        Case(text: "*:0/0", offset: 3, length: 2, message: "a repetition '/0' must be greater than zero", hintContains: "*:0/15"),
        Case(text: "*:59/1", offset: 2, length: 4, message: "the repetition '59/1' never fires a second time within the minutes", hintContains: "0..59"),
        Case(text: "*:*/2", offset: 3, length: 1, message: "unexpected '/' after the minute", hintContains: "[weekdays]"),
        Case(text: "12", offset: 2, length: 1, message: "the expression ends too early after the hour", hintContains: "[weekdays]"),
        Case(text: "1.5:00", offset: 1, length: 1, message: "only seconds may have decimals", hintContains: "30.5"),
        Case(text: "*:*:5.5..5", offset: 4, length: 6, message: "the seconds range '5.5..5' is shorter than one second", hintContains: "5..5.5/0.25"),
        Case(text: "12:00 Europe/Berlinn", offset: 6, length: 14, message: "unknown time zone 'Europe/Berlinn' — did you mean 'Europe/Berlin'?", hintContains: "Europe/Berlin"),
        Case(text: "12:00 europe/berlin", offset: 6, length: 13, message: "unknown time zone 'europe/berlin' — did you mean 'Europe/Berlin'?", hintContains: "UTC"),
        Case(text: "", offset: 0, length: 1, message: "the expression is empty", hintContains: "daily"),
        Case(text: "@", offset: 0, length: 1, message: "'@' must be followed by seconds since 1970-01-01 UTC", hintContains: "@1735689600"),
        Case(text: "*-*-* 12:00:00 extra", offset: 15, length: 5, message: "unknown time zone 'extra'", hintContains: "UTC"),
    ]

    @Test(arguments: cases)
    func error(_ c: Case) {
        do {
            let e = try CalendarExpression(c.text)
            Issue.record("'\(c.text)' parsed as '\(e)'")
        } catch {
            #expect(error.expression == c.text)
            #expect(error.message == c.message)
            #expect(error.offset == c.offset)
            #expect(error.length == c.length)
            #expect(error.hint?.contains(c.hintContains) == true, "hint: \(error.hint ?? "nil")")
            #expect(error.description == "invalid calendar expression '\(c.text)': \(c.message)")
        }
    }

    @Test func pointerUnderlinesTheOffendingPart() {
        let error = CalendarExpressionError(expression: "Mon..Fry 07:30", offset: 5, length: 3, message: "m")
        #expect(error.pointer == "Mon..Fry 07:30\n     ^^^")
        let atEnd = CalendarExpressionError(expression: "12", offset: 2, length: 1, message: "m")
        #expect(atEnd.pointer == "12\n  ^")
    }
}
