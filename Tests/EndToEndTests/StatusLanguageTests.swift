import Foundation
import SteadyTestSupport
import Testing

/// `steady status` shows a config problem as the person reads it — the diagnostic in their
/// language, with the line, a caret and the hint — while `--json` keeps the one-line English
/// summary the daemon's STATUS= line and log use.
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
}
