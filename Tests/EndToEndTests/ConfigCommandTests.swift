import Foundation
import SteadyTestSupport
import Testing

/// `steady config init|check` as a person runs them.
@Suite struct ConfigCommandTests {
    let home = TemporaryDirectory(prefix: "steady-cfg")
    var env: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_CONFIG_HOME"] = home.file("config")
        env["XDG_DATA_HOME"] = home.file("data")
        return env
    }

    func steady(_ arguments: [String]) throws -> CommandResult {
        try ChildProcess.run(SteadyBinary.path, arguments, environment: env)
    }

    @Test func init_writesCommentedDefault_andNeverOverwritesWithoutForce() throws {
        let first = try steady(["config", "init"])
        #expect(first.status == 0)
        let path = home.file("config/steady/config.toml")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("# steady"))
        try "# mine\n".write(toFile: path, atomically: true, encoding: .utf8)
        let second = try steady(["config", "init"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# mine\n")
        let forced = try steady(["config", "init", "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
        #expect(try steady(["config", "check"]).status == 0)
    }

    @Test(arguments: [
        ("quiet-hours = \"22:00..07:00\nx = 1\n", "config.toml:1:", "not valid TOML"),
        ("shedule = \"07:00\"\n", "config.toml:1:1:", "known settings: quiet-hours, daily-limit"),
        ("[practices.morning-mindfulness]\nschedule = \"Mon 7:3O\"\n", "config.toml:2:17:", "hint:"),
        ("[practices.mornig-mindfulness]\n", "config.toml:1:", "did you mean 'morning-mindfulness'?"),
    ])
    func check_reportsBadInput_withLocation_andWritesNothing(config: String, location: String, hint: String) throws {
        let path = home.file("bad/config.toml")
        try FileManager.default.createDirectory(atPath: home.file("bad"), withIntermediateDirectories: true)
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try steady(["config", "check", "--config", path])
        #expect(result.status == 78)
        #expect(result.stderr.contains(location), "\(result.stderr)")
        #expect(result.stderr.contains(hint), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("data")))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == config)
    }
}
