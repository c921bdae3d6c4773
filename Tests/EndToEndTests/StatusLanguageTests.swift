import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTestSupport
import Testing

/// `steady status` shows a config problem as the person reads it — the diagnostic in their
/// language, with the line, a caret and the hint — while `--json` keeps the one-line English
/// summary the daemon's STATUS= line and log use. What comes next and what waits are named by
/// the practice's name in the person's language; `--json` keeps the ids.
@Suite struct StatusLanguageTests {
    static let broken = "[practices.mornig-mindfulness]\nenabled = true"

    static func environment(_ home: ServiceHome, language: String) throws -> [String: String] {
        var environment = home.environment(notify: nil)
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "COLUMNS"] { environment[name] = nil }
        environment["LANG"] = language
        environment["STEADY_LOCALEDIR"] = try Catalogues.bound()
        return environment
    }

    @Test func aConfigProblem_isTheGermanDiagnostic_withLANGde_andJSONKeepsTheEnglishSummary() throws {
        let home = try ServiceHome()
        try home.writeConfig(Self.broken)
        let german = try ChildProcess.run(SteadyBinary.path, ["status"], environment: try Self.environment(home, language: "de_DE.UTF-8"))
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.contains("""
            Die Konfiguration hat ein Problem:
              \(home.configPath):1:2: unbekannte Übung 'mornig-mindfulness'
                  [practices.mornig-mindfulness]
                   ^
                Tipp: meintest du 'morning-mindfulness'?

            """), "\(german.stdout)")

        let english = try ChildProcess.run(SteadyBinary.path, ["status"], environment: try Self.environment(home, language: "C.UTF-8"))
        #expect(english.stdout.contains("""
            The config has a problem:
              \(home.configPath):1:2: unknown practice 'mornig-mindfulness'
                  [practices.mornig-mindfulness]
                   ^
                hint: did you mean 'morning-mindfulness'?

            """), "\(english.stdout)")

        let json = try ChildProcess.run(SteadyBinary.path, ["status", "--json"], environment: try Self.environment(home, language: "de_DE.UTF-8"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        #expect(object["configProblem"] as? String
                == "\(home.configPath):1:2: unknown practice 'mornig-mindfulness' (did you mean 'morning-mindfulness'?)")
    }

    /// The running daemon reports its reload problem in English (STATUS=); `steady status`
    /// reads the same file and shows that problem in the person's language.
    @Test func aRunningDaemonsReloadProblem_isShownInGerman_withLANGde() throws {
        let home = try ServiceHome()
        try home.writeConfig("[practices.wins]\nschedule = \"*-*-* 03:00:00\"")
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify, extra: ["LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""])
        defer { daemon.stopHard() }
        try #require(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")

        try home.writeConfig(Self.broken)
        daemon.signal(SIGHUP)
        let reloaded = try #require(notify.wait(forLine: "READY=1", timeout: 10), "no READY=1 after SIGHUP; stderr: \(daemon.stderr)")
        #expect(reloaded.notifyField("STATUS")?.contains("config error, previous settings kept: \(home.configPath):1:2: unknown practice") == true,
                "\(reloaded)")

        let german = try ChildProcess.run(SteadyBinary.path, ["status"], environment: try Self.environment(home, language: "de_DE.UTF-8"))
        #expect(german.stdout.contains("""
            Die Konfiguration hat ein Problem; die bisherigen Einstellungen gelten weiter:
              \(home.configPath):1:2: unbekannte Übung 'mornig-mindfulness'
                  [practices.mornig-mindfulness]
            """), "\(german.stdout)")
        let json = try ChildProcess.run(SteadyBinary.path, ["status", "--json"], environment: try Self.environment(home, language: "de_DE.UTF-8"))
        #expect(json.stdout.contains("\"configProblem\" : \"\(home.configPath):1:2: unknown practice 'mornig-mindfulness'"), "\(json.stdout)")
    }

    /// "Next:" and the waiting prompts name each practice as the person knows it, in their
    /// language; a practice steady does not know (an external one, not run to describe
    /// itself, or since removed) keeps its id; `--json` keeps the ids in any language.
    @Test func nextAndWaiting_nameThePractice_inEnglishAndGerman_andJSONKeepsTheIds() throws {
        let home = try ServiceHome()
        try home.writeConfig("quiet-hours = \"off\"\n[practices.wins]\nschedule = \"*-*-* 03:00:00\"")
        let journal = try Journal(path: home.journalPath)
        let now = Date()
        for practice: PracticeID in ["evening-reflection", "my-stretch"] {
            _ = try journal.recordPrompt(practice: practice, slot: now.addingTimeInterval(-60),
                                         content: PromptContent(title: "A title", body: "A body", request: .choices([Choice(key: "done", label: "Done")])),
                                         createdAt: now.addingTimeInterval(-60), dueAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        }

        let english = try ChildProcess.run(SteadyBinary.path, ["status"], environment: try Self.environment(home, language: "C.UTF-8"))
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Next:\n") && english.stdout.contains("  Wins and evidence\n"), "\(english.stdout)")
        #expect(english.stdout.contains("  #1  Evening reflection · "), "\(english.stdout)")
        #expect(english.stdout.contains("  #2  my-stretch · "), "\(english.stdout)")
        #expect(!english.stdout.contains("  wins\n") && !english.stdout.contains("evening-reflection"), "\(english.stdout)")

        let german = try ChildProcess.run(SteadyBinary.path, ["status"], environment: try Self.environment(home, language: "de_DE.UTF-8"))
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.contains("  Erfolge und Gegenbeweise\n"), "\(german.stdout)")
        #expect(german.stdout.contains("  #1  Abendlicher Rückblick · "), "\(german.stdout)")
        #expect(german.stdout.contains("  #2  my-stretch · "), "\(german.stdout)")

        let json = try ChildProcess.run(SteadyBinary.path, ["status", "--json"], environment: try Self.environment(home, language: "de_DE.UTF-8"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        #expect((object["upcoming"] as? [[String: Any]])?.compactMap { $0["practice"] as? String }.allSatisfy { $0 == "wins" } == true, "\(json.stdout)")
        #expect((object["pending"] as? [[String: Any]])?.compactMap { $0["practice"] as? String } == ["evening-reflection", "my-stretch"], "\(json.stdout)")
    }

    /// A waiting prompt suggests its choices as the bubble words them, in the language it was
    /// asked in, and `steady answer` takes such a word; `--json` keeps the keys.
    @Test func aWaitingPrompt_suggestsItsChoicesInGerman_andAGermanChoiceIsTaken() throws {
        let home = try ServiceHome()
        try home.writeConfig("quiet-hours = \"off\"")
        let journal = try Journal(path: home.journalPath)
        let now = Date()
        let german = try Self.environment(home, language: "de_DE.UTF-8")
        let choices = try Catalogues.inLocale("de_DE.UTF-8") {
            [Choice(key: "calm", label: tr("calm")), Choice(key: "tired", label: tr("tired"))]
        }
        try #require(choices.map(\.label) != ["calm", "tired"], "no German catalogue for the labels")
        let prompt = try #require(try journal.recordPrompt(practice: "evening-reflection", slot: now.addingTimeInterval(-60),
                                              content: PromptContent(title: "Ein Wort", body: "Wenn eins passt.", request: .choices(choices)),
                                              createdAt: now.addingTimeInterval(-60), dueAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600)))

        let status = try ChildProcess.run(SteadyBinary.path, ["status"], environment: german)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("steady answer \(prompt.id) <\(choices[0].label) | \(choices[1].label)>\n"), "\(status.stdout)")
        let json = try ChildProcess.run(SteadyBinary.path, ["status", "--json"], environment: german)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        #expect((object["pending"] as? [[String: Any]])?.first?["choices"] as? [String] == ["calm", "tired"], "\(json.stdout)")

        let answered = try ChildProcess.run(SteadyBinary.path, ["answer", "\(prompt.id)", choices[1].label.uppercased()], environment: german)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(try journal.prompt(prompt.id)?.outcome == .answered)
    }
}
