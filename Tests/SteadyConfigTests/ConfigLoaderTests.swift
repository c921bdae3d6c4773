import BuiltinPractices
import Foundation
import SteadyConfig
import SteadyKit
import SteadyTestSupport
import Testing

@Suite struct ConfigLoaderTests {
    let loader = ConfigLoader(registry: BuiltinPractices.registry)

    private func parse(_ text: String) throws(ConfigError) -> Config {
        try loader.parse(text, source: "test.toml")
    }

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func embeddedDefault_turnsOnEveryPracticeButTheOptionalOnes_soAWeekMeetsThemAll() throws {
        let config = try parse(DefaultConfig.text)
        #expect(config.practices.map(\.id) == [
            "asking", "evening-reflection", "morning-mindfulness", "reach-out", "self-assessment", "self-compassion",
            "sleep-wind-down", "trigger-journal", "wins",
        ])
        // Boundaries and time alone are there to turn on (`enabled = true`), off until then.
        #expect(Set(config.practices.map(\.id)).union(["boundaries", "time-alone"]) == Set(BuiltinPractices.registry.ids),
                "every built-in practice")
        #expect(config.practice("sleep-wind-down")?.schedule.map(\.description) == ["*-*-* 22:00:00"])
        #expect(config.practice("trigger-journal")?.schedule.isEmpty == true)
        #expect(config.sparing.dailyLimit == 8)
        #expect(config.sparing.expireAfter == .hours(2))
        #expect(config.sparing.quietHours == TimeOfDayRange("22:30..07:00"))
        #expect(config.practice("morning-mindfulness")?.schedule.count == 2)
    }

    @Test func missingFile_withoutExplicitPath_usesEmbeddedDefault() throws {
        let home = TemporaryDirectory()
        let config = try loader.load(path: nil, environment: ["XDG_CONFIG_HOME": home.path, "HOME": home.path])
        #expect(config.source == DefaultConfig.sourceName)
    }

    @Test func explicitMissingFile_isAnErrorWithAHint() {
        do {
            _ = try loader.load(path: "/nonexistent/steady.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "no such file")
            #expect(error.hint?.contains("steady config init") == true)
        }
    }

    @Test func settingsAndSchedules_areApplied() throws {
        let config = try parse("""
            quiet-hours = "off"
            daily-limit = 3
            expire-after = "90m"
            [practices.morning-mindfulness]
            schedule = "Mon..Fri 07:30"
            technique = "4-7-8"
            """)
        #expect(config.sparing.quietHours == nil)
        #expect(config.sparing.dailyLimit == 3)
        #expect(config.sparing.expireAfter == .minutes(90))
        #expect(config.practices.map(\.id) == ["morning-mindfulness"])
        #expect(config.practice("morning-mindfulness")?.schedule.map(\.description) == ["Mon..Fri *-*-* 07:30:00"])
    }

    @Test func disabledPractice_isLeftOut() throws {
        let config = try parse("""
            [practices.evening-reflection]
            enabled = false
            """)
        #expect(config.practices.isEmpty)
    }

    @Test func malformedTOML_pointsAtLineAndColumn() throws {
        let problem = try #require(error("daily-limit = 8\nquiet-hours = \"22:00..07:00\n"))
        #expect(problem.file == "test.toml")
        #expect(problem.line == 2)
        #expect(problem.column > 1)
        #expect(problem.message.hasPrefix("not valid TOML"))
    }

    @Test func unknownTopLevelKey_suggestsTheNearest() throws {
        let problem = try #require(error("daily-limt = 4\n"))
        #expect(problem.line == 1 && problem.column == 1)
        #expect(problem.message == "unknown setting 'daily-limt'")
        #expect(problem.hint == "did you mean 'daily-limit'?")
    }

    @Test func terminalPlain_isReadFromItsTable_offByDefault_andAWrongValueIsPlaced() throws {
        #expect(try parse("").terminal.plain == false)
        #expect(try parse("[terminal]\nplain = true\n").terminal.plain == true)
        let wrongType = try #require(error("[terminal]\nplain = \"yes\"\n"))
        #expect(wrongType.line == 2 && wrongType.message == "plain must be true or false")
        let unknown = try #require(error("[terminal]\nplane = true\n"))
        #expect(unknown.line == 2 && unknown.message == "unknown setting 'plane' in [terminal]")
        #expect(error("terminal = true\n")?.message == "terminal must be a table")
    }

    @Test func unknownPractice_suggestsTheNearest() throws {
        let problem = try #require(error("daily-limit = 4\n\n[practices.mornig-mindfulness]\nschedule = \"07:00\"\n"))
        #expect(problem.line == 3)
        #expect(problem.column == 2)
        #expect(problem.message == "unknown practice 'mornig-mindfulness'")
        #expect(problem.hint == "did you mean 'morning-mindfulness'?")
        #expect(problem.description.contains("test.toml:3:2: unknown practice"))
    }

    @Test func unknownPracticeSetting_isReportedAtItsKey() throws {
        let problem = try #require(error("[practices.morning-mindfulness]\n  tecnique = \"box\"\n"))
        #expect(problem.line == 2)
        #expect(problem.column == 3)
        #expect(problem.message == "unknown key 'tecnique'")
        #expect(problem.hint == "did you mean 'technique'?")
    }

    @Test func badOptionValue_listsTheOptions() throws {
        let problem = try #require(error("[practices.morning-mindfulness]\ntechnique = \"boxx\"\n"))
        #expect(problem.line == 2)
        #expect(problem.message.contains("box"))
        #expect(problem.message.contains("4-7-8"))
    }

    @Test func badTime_inSchedule_pointsIntoTheString() throws {
        let problem = try #require(error("[practices.evening-reflection]\nschedule = [\"21:00\", \"25:00\"]\n"))
        #expect(problem.line == 2)
        #expect(problem.column >= 22)
        #expect(problem.hint != nil || !problem.message.isEmpty)
    }

    @Test func badQuietHours_isExplained() throws {
        let problem = try #require(error("quiet-hours = \"late..early\"\n"))
        #expect(problem.line == 1)
        #expect(problem.column == 16)
        #expect(problem.hint?.contains("HH:MM..HH:MM") == true)
    }

    @Test func badSpan_isExplained() throws {
        let problem = try #require(error("expire-after = \"2 fortnights\"\n"))
        #expect(problem.message.contains("unknown unit 'fortnights'"))
    }

    @Test func wrongType_forDailyLimit() throws {
        let problem = try #require(error("daily-limit = \"eight\"\n"))
        #expect(problem.message.contains("whole number"))
    }
}
