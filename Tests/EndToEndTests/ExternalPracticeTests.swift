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
        let check = try DaemonEndToEndTests.steady(["config", "check", "--run-programs"], env)
        #expect(check.status == 0, "\(check.stderr)")
        let practices = try DaemonEndToEndTests.steady(["practices"], env)
        #expect(practices.stdout.contains("kind-act — external practice"), "\(practices.stdout)")

        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil, "\(daemon.stderr)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT practice, outcome FROM prompt") == "kind-act|pending")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
    }

    /// A program that writes the kind of each request it gets to `marks`, then replies as a
    /// well-behaved practice would.
    static func spyProgram(in home: Home, marks: String) throws -> String {
        let path = try home.root.write("spy.sh", """
            #!/bin/sh
            read -r request
            case "$request" in
            *'"request":"describe"'*) echo describe >> '\(marks)'; echo '{"protocol":1,"name":"Spy","summary":"Leaves a mark."}' ;;
            *'"request":"prompt"'*) echo prompt >> '\(marks)'; echo '{"protocol":1,"title":"A spy","body":"Here?","answer":{"kind":"choices","choices":[{"key":"yes","label":"Yes"}]}}' ;;
            *) echo answer >> '\(marks)'; echo '{"protocol":1}' ;;
            esac

            """)
        chmod(path, 0o755)
        return path
    }

    @Test func loadingTheConfig_startsNoProgram_fromAnyCommand_butTheDaemonAsksIt() throws {
        let home = try Home()
        let marks = home.root.file("marks")
        let spy = try Self.spyProgram(in: home, marks: marks)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.spy]
            exec = "\(spy)"
            schedule = "\(slot)"
            """)
        let env = home.environment(desktop: nil, notifySocket: nil)
        func marked() -> String { (try? String(contentsOfFile: marks, encoding: .utf8)) ?? "" }

        // Every command that reads the config, with no daemon running.
        let check = try DaemonEndToEndTests.steady(["config", "check"], env)
        #expect(check.status == 0, "\(check.stderr)")
        let practices = try DaemonEndToEndTests.steady(["practices"], env)
        #expect(practices.stdout.contains("spy — external practice"), "\(practices.stdout)")
        #expect(practices.stdout.contains(spy), "\(practices.stdout)")
        let status = try DaemonEndToEndTests.steady(["status"], env)
        #expect(status.stdout.contains("spy"), "\(status.stdout)")
        let kit = try DaemonEndToEndTests.steady(["kit"], env)
        #expect(kit.status == 0, "\(kit.stderr)")
        let breathe = try DaemonEndToEndTests.steady(["breathe", "box", "--rounds", "1", "--speed", "40"], env, input: "5\n3\n")
        #expect(breathe.status == 0, "\(breathe.stderr)")
        #expect(marked() == "", "a command started the program: \(marked())")

        // The daemon asks the program to describe itself, then for its prompt.
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: home.environment(desktop: nil, notifySocket: notify.path))
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil, "\(daemon.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
        #expect(marked() == "describe\nprompt\n")

        // Answering with no daemon records the answer without starting the program.
        try FileManager.default.removeItem(atPath: marks)
        let id = try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt WHERE practice = 'spy'")
        let answer = try DaemonEndToEndTests.steady(["answer", id, "yes"], env)
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT outcome FROM prompt WHERE id = \(id)") == "answered")
        #expect(marked() == "", "steady answer started the program: \(marked())")
    }

    @Test func brokenProgram_isAConfigError_namingTheExecLine() throws {
        let home = try Home()
        let broken = try home.root.write("broken.sh", "#!/bin/sh\necho 'not json'\n")
        chmod(broken, 0o755)
        try home.root.write("config/steady/config.toml", "[practices.mine]\nexec = \"\(broken)\"\n")
        let env = home.environment(desktop: nil, notifySocket: nil)
        // Only when asked to run the programs: a plain check does not start them.
        #expect(try DaemonEndToEndTests.steady(["config", "check"], env).status == 0)
        let check = try DaemonEndToEndTests.steady(["config", "check", "--run-programs"], env)
        #expect(check.status == 78)
        #expect(check.stderr.contains("config.toml:2:"), "\(check.stderr)")
        #expect(check.stderr.contains("external-practices.md"))
        // The daemon asks the program, and refuses to start on the same config error.
        let daemon = try DaemonEndToEndTests.steady(["daemon"], env)
        #expect(daemon.status == 78, "\(daemon.stderr)")
        #expect(daemon.stderr.contains("config.toml:2:"), "\(daemon.stderr)")
    }

    @Test func builtinName_cannotRunAProgram() throws {
        let home = try Home()
        try home.root.write("config/steady/config.toml", "[practices.wins]\nexec = \"/bin/true\"\n")
        let check = try DaemonEndToEndTests.steady(["config", "check"], home.environment(desktop: nil, notifySocket: nil))
        #expect(check.status == 78)
        #expect(check.stderr.contains("built-in practice"))
    }
}
