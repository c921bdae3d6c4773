import BuiltinPractices
import Foundation
import SteadyConfig
import SteadyTestSupport
import Testing

/// A practice's settings, the schedule values and an external program explain their problems
/// in the person's language (`description`, what `steady config check` prints), while the
/// `summary` that `STATUS=` and the log keep stays English.
@Suite struct PracticeSettingsLanguageTests {
    let loader = ConfigLoader(registry: BuiltinPractices.registry)

    /// The problem in `text`, found in German, with its `description` rendered there.
    func problem(_ text: String) throws -> ConfigError {
        try germanConfigProblem(text).error
    }

    @Test func aPluginsOwnCheck_isGermanWithItsHint_andEnglishInTheSummary() throws {
        let (error, description) = try germanConfigProblem("[practices.sleep-wind-down]\nbedtime = \"late\"\n")
        #expect(description == "c.toml:2:1: 'late' ist keine Uhrzeit\n    bedtime = \"late\"\n    ^\n"
                + "  Tipp: schreib sie als HH:MM im 24-Stunden-Format, z. B. \"22:30\"")
        #expect(error.summary == "c.toml:2:1: 'late' is not a time of day (write it as HH:MM on a 24-hour clock, e.g. \"22:30\")")
    }

    @Test func anOptionWithATypo_listsTheOptions_inBothLanguages() throws {
        let error = try problem("[practices.morning-mindfulness]\ntechnique = \"boxx\"\n")
        #expect(error.localizedMessage == "'boxx' gibt es hier nicht; möglich ist eins von: 4-7-8, box, coherent (meintest du 'box'?)")
        #expect(error.message == "'boxx' is not an option; expected one of: 4-7-8, box, coherent (did you mean 'box'?)")
    }

    @Test func anUnknownKey_andAWrongType_areGerman_andEnglishInTheSummary() throws {
        let unknown = try problem("[practices.wins]\nmood = 1\n")
        #expect(unknown.localizedSummary == "c.toml:2:1: unbekannte Einstellung 'mood' (diese Übung hat keine Einstellungen)")
        #expect(unknown.summary == "c.toml:2:1: unknown key 'mood' (this practice has no settings)")

        let wrongType = try problem("[safety]\nthreshold = \"high\"\n")
        #expect(wrongType.localizedMessage == "erwartet wird eine ganze Zahl")
        #expect(wrongType.message == "expected an integer")

        let inAList = try problem("[practices.reach-out]\npeople = [\"Sam\", 3]\n")
        #expect(inAList.localizedMessage == "erwartet wird ein Text in Anführungszeichen")
        #expect(inAList.message == "expected a string")
    }

    @Test func theSafetyThreshold_isGerman_andEnglishInTheSummary() throws {
        let error = try problem("[safety]\nthreshold = 11\n")
        #expect(error.localizedSummary == "c.toml:2:1: 11 liegt nicht auf der Stärkeskala von 1–10 (wähl eine ganze Zahl von 1 bis 10; 10 ist die Voreinstellung)")
        #expect(error.summary == "c.toml:2:1: 11 is not on the 1–10 intensity scale (pick a whole number from 1 to 10; 10 is the default)")
    }

    @Test func aFollowUpDelay_namesItsExamples_inBothLanguages() throws {
        let error = try problem("[practices.asking]\nfollow-up-after = \"soon\"\n")
        #expect(error.localizedHint == "schreib sie wie \"1d\" oder \"6h\", oder \"off\" für keine Nachfrage")
        #expect(error.hint == "write it like \"1d\" or \"6h\", or \"off\" for no check-in")
    }

    @Test func aSpanLongerThanACentury_isGerman_inThePluralForm() throws {
        let error = try problem("expire-after = \"200 years\"\n")
        #expect(error.localizedMessage == "'200 years' ist keine Zeitspanne: unbekannte Einheit 'years' (schreib z. B. '90m', '2h', '1h 30min')")
        let long = try problem("expire-after = \"40000d\"\n")
        #expect(long.localizedMessage == "'40000d' ist keine Zeitspanne: sie ist länger als 100 Jahre (schreib z. B. '90m', '2h', '1h 30min')")
        #expect(long.summary == "c.toml:1:17: '40000d' is not a time span: it is longer than 100 years (write e.g. '90m', '2h', '1h 30min')")
    }

    @Test func aRandomWindowTooTight_countsItsTimes_inGerman() throws {
        let error = try problem("[practices.wins]\nrandom = { between = \"10:00..11:00\", count = 3, min-gap = \"45m\" }\n")
        #expect(error.localizedMessage == "random: 3 Zeitpunkte im Abstand von 45min passen nicht in ein Fenster von 1h; "
                + "senk count oder min-gap, oder mach das Fenster weiter")
        #expect(error.message == "random: 3 times 45min apart do not fit in a 1h window; lower count or min-gap, or widen the window")
    }

    @Test func aMissingProgram_isGermanForThePerson_andEnglishInTheSummary() throws {
        let directory = TemporaryDirectory()
        let absent = directory.file("absent.sh")
        let error = try problem("[practices.mine]\nexec = \"\(absent)\"\n")
        #expect(error.localizedSummary == "c.toml:2:9: gibt es nicht; prüf den Pfad in `exec`. (mehr dazu in docs/external-practices.md)")
        #expect(error.summary == "c.toml:2:9: does not exist; check the path in `exec`. (see docs/external-practices.md)")
    }

    /// A program that prints `output` and exits 0, loaded and described in German (as
    /// `steady config check --run-programs` does): one byte is the singular form, more the plural.
    func describedInGerman(printing output: String) throws -> (error: ConfigError, description: String) {
        let directory = TemporaryDirectory()
        let path = try directory.write("practice.sh", "#!/bin/sh\nprintf '%s' '\(output)'\n")
        chmod(path, 0o755)
        let file = try directory.write("config.toml", "[practices.mine]\nexec = \"\(path)\"\n")
        return try Catalogues.inLocale("de_DE.UTF-8") {
            do {
                _ = try ExternalPractices().describeAll(loader.load(path: file))
                throw TestSupportError("described without a problem")
            } catch let error as ConfigError {
                return (error, error.description)
            }
        }
    }

    @Test func aProgramThatPrintsGarbage_isGerman_inTheRightPluralForm_andEnglishInTheSummary() throws {
        let one = try describedInGerman(printing: "x").error
        #expect(one.localizedMessage == "hat 1 Byte ausgegeben, das kein einzelnes JSON-Objekt ist.")
        #expect(one.message == "printed 1 byte that is not one JSON object.")
        let (nine, description) = try describedInGerman(printing: "not json!")
        #expect(nine.localizedMessage == "hat 9 Bytes ausgegeben, die kein einzelnes JSON-Objekt sind.")
        #expect(nine.message == "printed 9 bytes that are not one JSON object.")
        #expect(nine.summary.hasSuffix(":2:9: printed 9 bytes that are not one JSON object. (see docs/external-practices.md)"), "\(nine.summary)")
        #expect(description.contains(":2:9: hat 9 Bytes ausgegeben, die kein einzelnes JSON-Objekt sind.\n"), "\(description)")
        #expect(description.contains("\n  Tipp: mehr dazu in docs/external-practices.md"), "\(description)")
    }
}
