import Foundation
import SteadyTestSupport
import Testing

/// The `steady` executable's own words (`--help`, its messages and errors) in the person's
/// language, and unchanged in English.
@Suite struct CommandLineLanguageTests {
    static func run(_ arguments: [String], _ variables: [String: String]) throws -> CommandResult {
        let home = try LanguageEndToEndTests.Home()
        return try ChildProcess.run(SteadyBinary.path, arguments, environment: try home.environment(variables), timeout: 30)
    }

    @Test func steadyHelp_isGerman_withLANGde() throws {
        let german = try Self.run(["--help"], ["LANG": "de_DE.UTF-8"])
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.contains("Sanfte, gut getimte Check-ins für einen ängstlichen Bindungsstil"), "\(german.stdout)")
        #expect(german.stdout.contains("Antworte in der Benachrichtigung oder später mit `steady answer`."), "\(german.stdout)")
        #expect(german.stdout.contains("Einen Check-in im Terminal beantworten."), "\(german.stdout)")
        #expect(german.stdout.contains("Im Terminal mit einem ruhigen Atemmuster mitatmen."), "\(german.stdout)")
        #expect(!german.stdout.contains("Answer a prompt from the terminal."), "\(german.stdout)")

        let english = try Self.run(["--help"], ["LANG": "C.UTF-8"])
        #expect(english.stdout.hasPrefix("OVERVIEW: Gentle, well-timed check-ins for an anxious attachment style, kept in\na private journal.\n"))
        #expect(english.stdout.contains("  answer                  Answer a prompt from the terminal.\n"), "\(english.stdout)")
    }

    @Test func answerHelp_isGerman_withLANGde_andTheSameInEveryEnglishLocale() throws {
        let german = try Self.run(["answer", "--help"], ["LANG": "de_DE.UTF-8"])
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.contains("Einen Check-in im Terminal beantworten."), "\(german.stdout)")
        #expect(german.stdout.contains("Eine private Notiz, die bei der Antwort bleibt."), "\(german.stdout)")
        #expect(german.stdout.contains("Exit-Status: 0 gespeichert, 65 der Wert passt nicht zum Check-in"), "\(german.stdout)")

        let c = try Self.run(["answer", "--help"], ["LANG": "C"])
        let english = try Self.run(["answer", "--help"], ["LANG": "en_US.UTF-8"])
        #expect(c.stdout == english.stdout)
        #expect(c.stdout.contains("A private note to keep with the answer.\n"), "\(c.stdout)")
        #expect(c.stdout.contains("""
            Works whether or not the daemon runs; when it runs, the notification is taken
            down. The answer is stored before this command says so.
            """), "\(c.stdout)")
    }

    /// A number in the help: "1 Satz" / "24 Sätze" come from the plural forms.
    @Test func assessHelp_countsItsSentences_inGermanPlural() throws {
        let german = try Self.run(["assess", "--help"], ["LANG": "de_DE.UTF-8"])
        #expect(german.stdout.range(of: #"[0-9]+ Sätze in [0-9]+ Bereichen"#, options: .regularExpression) != nil, "\(german.stdout)")
        let english = try Self.run(["assess", "--help"], ["LANG": "C"])
        #expect(english.stdout.range(of: #"[0-9]+ sentences in [0-9]+ areas"#, options: .regularExpression) != nil, "\(english.stdout)")
    }

    @Test func anError_isGerman_withLANGde() throws {
        let german = try Self.run(["answer", "3", "yes"], ["LANG": "de_DE.UTF-8"])
        #expect(german.status == 66, "\(german.stderr)")
        #expect(german.stderr == "steady: noch gibt es keine Check-ins: das Journal entsteht, wenn steady zum ersten Mal läuft.\n")
        let english = try Self.run(["answer", "3", "yes"], ["LANG": "C"])
        #expect(english.stderr == "steady: there are no prompts yet: the journal is created when steady first runs.\n")

        let badNumber = try Self.run(["answer", "zwölf"], ["LANG": "de_DE.UTF-8"])
        #expect(badNumber.stderr.contains("'zwölf' ist keine Check-in-Nummer"), "\(badNumber.stderr)")
    }

    /// A message with a count: `steady config check` on the embedded default.
    @Test func configCheck_countsThePractices_inGermanPlural() throws {
        let german = try Self.run(["config", "check"], ["LANG": "de_DE.UTF-8"])
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.range(of: #"^<embedded default>: in Ordnung — [0-9]+ Übungen eingeschaltet \("#, options: .regularExpression) != nil,
                "\(german.stdout)")
        let english = try Self.run(["config", "check"], ["LANG": "C"])
        #expect(english.stdout.range(of: #"^<embedded default>: good — [0-9]+ practices enabled \("#, options: .regularExpression) != nil,
                "\(english.stdout)")
    }
}
