import BuiltinPractices
import Foundation
import CLocale  // dgettext, to look up each marked sentence
import SteadyCalendar
@testable import SteadyConfig
import SteadyTestSupport
import Testing

/// A schedule the calendar cannot read is explained in the person's language (`steady
/// calendar`, `steady config check`) and in English for systemd (`STATUS=`, the log).
///
/// (In SteadyConfigTests, which already has the catalogues and the config loader at hand.)
@Suite struct CalendarErrorLanguageTests {
    /// One bad expression for every sentence the parser can say: each throw site, each field,
    /// each place in the expression, with and without a suggestion.
    static let badExpressions = [
        "", "Mon..Fry 07:30", "Mon,Qqqqqqqq", "dayly", "zzzzzzzz", "Mon,,Tue", "Mon07:30", "Fri..Mon", "Mon..Wed..Fri",
        "Mon.Fri", "Mon-Wed-Fri", "Mon.. 12:00", "2025~01-01", "5 foo bar", "5 7", "*-5:00", "2024-01-01-01", "12",
        "*-*-* 12 foo bar", "*-*-* 12 5", "*-*-* 12-5", "12:00 foo bar", "12:00 5", "*:*/2", "12:00:00 foo bar",
        "12:00:00 5", "12:00:00:00", "1;2:00", "*:0/0", "2147483647..2147483647:00", "*:*:5.5..5", "1.5:00", "*:*:5.",
        "99999999999:00", "1,:00", "1,", Array(repeating: "0", count: 242).joined(separator: ",") + ":00",
        "@", "@99999999999999999999", "@123x",
        "25:00", "*:60", "*-13-01", "2200-01-01", "*-*-32", "*:*:61", "*-*~29",
        "2030..2020-01-01", "*-12..1-01", "*-*-20..10", "20..8:00", "*:50..10", "*:*:5..4/1",
        "2199/1-01-01", "*-12/1-01", "*-*-31/1", "23/1:00", "*:59/1", "*:*:59/1",
        "*-*~1,26", "12:00 Europe/Berlinn", "*-*-* 12:00:00 extra",
    ]

    /// Sentences no text reaches (the parser's order rules them out), kept for safety; they
    /// are translated all the same (checked below).
    static let unreachable: Set<String> = [
        "expected a weekday at the end",
        "the expression ends too early after the time", "the expression ends too early in the date",
        "the expression ends too early after the date", "the expression ends too early after the minute",
        "the expression ends too early after the seconds", "the expression ends too early after '%1$@'",
        "unexpected '%1$@' after the time", "unexpected text after the time", "unexpected text after the date",
        "unexpected text after '%1$@'",
        "the next elapse could not be determined (the search did not converge)",
    ]

    /// Every literal marked with `tr` in Sources/SteadyCalendar.
    static func markedSentences() throws -> [String] {
        let folder = Catalogues.repository + "/Sources/SteadyCalendar"
        let call = try NSRegularExpression(pattern: #"\btr\("((?:[^"\\]|\\.)*)""#)
        var found: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for match in call.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append(String(text[Range(match.range(at: 1), in: text)!]).replacingOccurrences(of: #"\""#, with: "\""))
            }
        }
        return found
    }

    /// Whether `text` is `template` with its placeholders filled.
    static func matches(_ text: String, _ template: String) -> Bool {
        let placeholder = try! NSRegularExpression(pattern: #"%[0-9]+\$[@d]"#)
        var pattern = "^"
        var last = template.startIndex
        for match in placeholder.matches(in: template, range: NSRange(template.startIndex..., in: template)) {
            let range = Range(match.range, in: template)!
            pattern += NSRegularExpression.escapedPattern(for: String(template[last..<range.lowerBound])) + ".+"
            last = range.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(template[last...])) + "$"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    static func germanError(_ text: String) throws -> CalendarExpressionError {
        try Catalogues.inLocale("de_DE.UTF-8") {
            do {
                let parsed = try CalendarExpression(text)
                throw TestSupportError("'\(text)' parsed as '\(parsed)'")
            } catch let error as CalendarExpressionError {
                return error
            }
        }
    }

    @Test(arguments: badExpressions)
    func everyCalendarError_readsInGerman_andKeepsItsEnglish(text: String) throws {
        let german = try Self.germanError(text)
        let germanDescription = try Catalogues.inLocale("de_DE.UTF-8") { german.description }
        let english: CalendarExpressionError
        do {
            _ = try CalendarExpression(text)
            Issue.record("'\(text)' parsed in English")
            return
        } catch {
            english = error
        }
        // The English is what the C locale always said, byte for byte.
        #expect(german.message == english.message)
        #expect(german.hint == english.hint)
        #expect(german.messagePhrase.localized != german.message, "untranslated: \(german.message)")
        if let hint = german.hintPhrase {
            #expect(hint.localized != hint.english, "untranslated hint: \(hint.english)")
        }
        #expect(german.english == english.description)
        #expect(germanDescription.hasPrefix("ungültiger Kalenderausdruck '"), "\(germanDescription)")
        #expect(german.offset == english.offset && german.length == english.length)
    }

    @Test func theBadExpressions_reachEverySentenceTheCalendarSays() throws {
        var said: [String] = []
        for text in Self.badExpressions {
            do {
                _ = try CalendarExpression(text)
            } catch {
                said += [error.message, error.english] + (error.hint.map { [$0] } ?? [])
            }
        }
        let late = CalendarReport.render(["daily"], iterations: 1, base: Date(timeIntervalSince1970: 253_402_300_800),
                                         now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC")!)
        #expect(late.errors.count == 1)
        said += late.errors.map(\.message)

        let marked = try Self.markedSentences()
        #expect(marked.count > 80, "found only \(marked.count) marked sentences")
        let unsaid = Set(marked.filter { template in !said.contains { Self.matches($0, template) } })
        #expect(unsaid == Self.unreachable, "not reached: \(unsaid.subtracting(Self.unreachable)); reached after all: \(Self.unreachable.subtracting(unsaid))")
    }

    @Test func everySentenceTheCalendarSays_hasAGermanTranslation() throws {
        let marked = try Self.markedSentences()
        let untranslated = try Catalogues.inLocale("de_DE.UTF-8") {
            marked.filter { String(cString: dgettext("steady", $0)) == $0 }
        }
        #expect(untranslated.isEmpty, "no German for: \(untranslated)")
    }

    @Test func aBadSchedule_isGermanInTheConfigProblem_andEnglishInItsSummary() throws {
        let loader = ConfigLoader(registry: BuiltinPractices.registry)
        let text = "[practices.morning-mindfulness]\nschedule = \"Mon..Fry 07:30\"\n"
        let (error, description) = try Catalogues.inLocale("de_DE.UTF-8") { () throws -> (ConfigError, String) in
            do {
                _ = try loader.parse(text, source: "c.toml")
                throw TestSupportError("parsed without a problem")
            } catch let error as ConfigError {
                return (error, error.description)
            }
        }
        #expect(description == "c.toml:2:18: unbekannter Wochentag 'Fry' — meintest du 'Fri'?\n"
                + "    schedule = \"Mon..Fry 07:30\"\n"
                + "    " + String(repeating: " ", count: 17) + "^\n"
                + "  Tipp: Wochentage sind Mon..Sun (oder Monday..Sunday), in Listen 'Sat,Sun' und Bereichen 'Mon..Fri'")
        #expect(error.summary == "c.toml:2:18: unknown weekday 'Fry' — did you mean 'Fri'? "
                + "(weekdays are Mon..Sun (or Monday..Sunday), in lists 'Sat,Sun' and ranges 'Mon..Fri')")
    }

    @Test func aPracticesOwnBadSchedule_isGerman_withTheCalendarsWordsInGermanToo() throws {
        let error = try Self.germanError("25:00")
        let phrase = try Catalogues.inLocale("de_DE.UTF-8") { ConfigLoader.invalidSuggestedSchedule("25:00", error) }
        #expect(phrase.localized == "die Übung schlägt einen Zeitplan vor, der nicht passt, '25:00': die Stunde '25' liegt außerhalb des Bereichs")
        #expect(phrase.english == "the practice suggests an invalid schedule '25:00': hour '25' is out of range")
    }
}
