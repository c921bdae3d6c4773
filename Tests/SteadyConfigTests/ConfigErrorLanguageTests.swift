import BuiltinPractices
import Foundation
import SteadyConfig
import SteadyTestSupport
import Testing

/// A config problem carries two texts: the person's language for `description` (what
/// `steady config check` and the daemon's stderr print) and English for `summary` (what
/// `STATUS=`, the log and the reload record keep).
@Suite struct ConfigErrorLanguageTests {
    func problem(_ text: String) throws -> (error: ConfigError, description: String) { try germanConfigProblem(text) }

    @Test func aProblem_isGermanForThePerson_andEnglishInTheSummary() throws {
        let (error, description) = try problem("snooze-limit = 11\n")
        #expect(description == "c.toml:1:1: snooze-limit braucht eine ganze Zahl von 0 bis 10\n    snooze-limit = 11\n    ^\n  Tipp: z. B. snooze-limit = 3")
        #expect(error.localizedSummary == "c.toml:1:1: snooze-limit braucht eine ganze Zahl von 0 bis 10 (z. B. snooze-limit = 3)")
        #expect(error.summary == "c.toml:1:1: snooze-limit must be a whole number from 0 to 10 (e.g. snooze-limit = 3)")
    }

    @Test func aPlaceTheParserMustNotSee_isGermanForThePerson_andEnglishInTheSummary() throws {
        let error = try problem("daily-limit = 3\0\n").error
        #expect(error.localizedMessage == "kein gültiges TOML: ein NUL-Zeichen, das TOML nicht erlaubt")
        #expect(error.localizedHint == "nimm es heraus; „unsichtbare Zeichen anzeigen“ im Editor findet es")
        #expect(error.summary == "c.toml:1:16: not valid TOML: a NUL character, which TOML does not allow "
                + "(remove it; an editor's \"show invisible characters\" finds it)")
    }

    @Test func anUnknownSetting_listsTheKnownOnes_inBothLanguages() throws {
        let error = try problem("[terminal]\nfancy = true\n").error
        #expect(error.localizedMessage == "unbekannte Einstellung 'fancy' in [terminal]")
        #expect(error.message == "unknown setting 'fancy' in [terminal]")
        #expect(error.hint == "[terminal] takes plain = true or false")
    }
}
