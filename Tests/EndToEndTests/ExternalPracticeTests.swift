import Foundation
import SteadyTestSupport
import Testing

/// An external practice (`exec = …`) from the config to a prompt in the journal, with the
/// example program under examples/.
@Suite(.serialized) struct ExternalPracticeTests {
    typealias Home = DaemonEndToEndTests.Home

    static var example: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/external-practice/kind-act.py").path
    }

    @Test func examplePractice_isListed_andItsPromptIsRecorded() throws {
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.kind-act]
            exec = "\(Self.example)"
            schedule = "\(slot)"
            ideas = ["a cup of tea", "a short walk"]
            """)
        let env = home.environment(desktop: nil, notifySocket: notify.path)
        let check = try DaemonEndToEndTests.steady(["config", "check"], env)
        #expect(check.status == 0, "\(check.stderr)")
        let practices = try DaemonEndToEndTests.steady(["practices"], env)
        #expect(practices.stdout.contains("kind-act — A small kindness"), "\(practices.stdout)")

        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil, "\(daemon.stderr)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT practice, outcome FROM prompt") == "kind-act|pending")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
    }

    @Test func brokenProgram_isAConfigError_namingTheExecLine() throws {
        let home = try Home()
        let broken = try home.root.write("broken.sh", "#!/bin/sh\necho 'not json'\n")
        chmod(broken, 0o755)
        try home.root.write("config/steady/config.toml", "[practices.mine]\nexec = \"\(broken)\"\n")
        let check = try DaemonEndToEndTests.steady(["config", "check"], home.environment(desktop: nil, notifySocket: nil))
        #expect(check.status == 78)
        #expect(check.stderr.contains("config.toml:2:"), "\(check.stderr)")
        #expect(check.stderr.contains("external-practices.md"))
    }

    @Test func builtinName_cannotRunAProgram() throws {
        let home = try Home()
        try home.root.write("config/steady/config.toml", "[practices.wins]\nexec = \"/bin/true\"\n")
        let check = try DaemonEndToEndTests.steady(["config", "check"], home.environment(desktop: nil, notifySocket: nil))
        #expect(check.status == 78)
        #expect(check.stderr.contains("built-in practice"))
    }
}
