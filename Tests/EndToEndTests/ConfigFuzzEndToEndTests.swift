import Foundation
import SteadyTestSupport
import Testing

/// Broken config files through the real binary: `steady config check` on a few hundred of
/// them (the thousands run in-process in `ConfigFuzzTests`), and a running daemon that is
/// sent SIGHUP with broken files and keeps scheduling on its old settings, saying why in
/// `steady status` and in the `STATUS=` line systemd shows.
///
/// The seed is printed; `STEADY_FUZZ_SEED=<n>` replays a run.
@Suite(.serialized) struct ConfigFuzzEndToEndTests {
    static let seed = ConfigMutator.seed()

    /// A sample of every kind of damage done to `text`, about `400` files.
    static func sample(of text: String, seed: UInt64) -> [ConfigMutator.Mutant] {
        var mutator = ConfigMutator(seed: seed)
        var generator = SplitMix64(seed: seed)
        func some(_ mutants: [ConfigMutator.Mutant], _ count: Int) -> [ConfigMutator.Mutant] {
            Array(mutants.shuffled(using: &generator).prefix(count))
        }
        return some(ConfigMutator.truncations(of: text), 80)
            + mutator.byteEdits(of: text, count: 120)
            + mutator.invalidUTF8(in: text, count: 30)
            + ConfigMutator.deepNesting()
            + some(ConfigMutator.wrongTypes(in: text), 90)
            + some(ConfigMutator.hugeNumbers(in: text), 30)
    }

    @Test func configCheck_onHundredsOfBrokenFiles_exits0or78_andNamesFileLineColumn() throws {
        let home = try ServiceHome()
        let environment = home.environment(notify: nil)
        let initialized = try ChildProcess.run(SteadyBinary.path, ["config", "init"], environment: environment)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let mutants = Self.sample(of: try String(contentsOfFile: home.configPath, encoding: .utf8), seed: Self.seed)
        let path = home.root.file("fuzz.toml")
        var failures: [String] = []
        var rejected = 0
        let start = ContinuousClock.now
        for mutant in mutants {
            FileManager.default.createFile(atPath: path, contents: Data(mutant.bytes))
            let child = ChildProcess(SteadyBinary.path, ["config", "check", "--config", path], environment: environment)
            try child.start()
            guard child.waitForExit(timeout: 30) != nil else {
                child.stopHard()
                failures.append("\(mutant): did not finish within 30 s")
                continue
            }
            child.waitForOutput()
            let firstLine = child.stderr.split(separator: "\n").first.map(String.init) ?? ""
            switch (child.process.terminationReason, child.process.terminationStatus) {
            case (.uncaughtSignal, let signal):
                failures.append("\(mutant): killed by signal \(signal): \(child.stderr.prefix(300))")
            case (.exit, 0):
                if !child.stdout.hasPrefix("\(path): good") { failures.append("\(mutant): exit 0 but said \(child.stdout)") }
            case (.exit, 78):
                rejected += 1
                if firstLine.range(of: "^\(NSRegularExpression.escapedPattern(for: path)):[1-9][0-9]*:[1-9][0-9]*: ", options: .regularExpression) == nil {
                    failures.append("\(mutant): no file:line:column in \(firstLine.prefix(300))")
                }
            case (_, let status):
                failures.append("\(mutant): exit status \(status): \(child.stderr.prefix(300))")
            }
        }
        let elapsed = ContinuousClock.now - start
        print("config fuzz (seed \(Self.seed)): steady config check ran on \(mutants.count) files: \(rejected) exited 78, "
              + "\(mutants.count - rejected - failures.count) were good, \(failures.count) failures, in \(elapsed)")
        #expect(failures.isEmpty, "seed \(Self.seed): \(failures.count) of \(mutants.count):\n\(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test func runningDaemon_reloadingBrokenFiles_keepsItsSchedule_andSaysWhy() throws {
        let home = try ServiceHome()
        let slot = ServiceHome.slot(inSeconds: 12)
        let good = """
            quiet-hours = "off"
            daily-limit = 8
            expire-after = "2h"
            [practices.wins]
            schedule = "\(slot)"
            [practices.time-alone]
            enabled = false
            minutes = 15
            """
        try home.writeConfig(good)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        let ready = try #require(notify.wait(forLine: "READY=1", timeout: 20), "stderr: \(daemon.stderr)")
        let running = try #require(ready.notifyField("STATUS"))
        #expect(running.hasPrefix("next: wins at "), "\(running)")

        // Only files `config check` rejects: a good one would rightly replace the settings.
        let environment = home.environment(notify: nil)
        var broken: [ConfigMutator.Mutant] = []
        var generator = SplitMix64(seed: Self.seed)
        for mutant in Self.sample(of: good + "\n", seed: Self.seed &+ 7).shuffled(using: &generator) where broken.count < 25 {
            FileManager.default.createFile(atPath: home.configPath, contents: Data(mutant.bytes))
            if try ChildProcess.run(SteadyBinary.path, ["config", "check"], environment: environment).status == 78 { broken.append(mutant) }
        }
        #expect(broken.count == 25)

        let start = ContinuousClock.now
        for mutant in broken {
            FileManager.default.createFile(atPath: home.configPath, contents: Data(mutant.bytes))
            let check = try ChildProcess.run(SteadyBinary.path, ["config", "check"], environment: environment)
            let reason = String(check.stderr.split(separator: "\n").first ?? "")
            let place = try #require(reason.range(of: "^[^ ]+:[0-9]+:[0-9]+", options: .regularExpression).map { String(reason[$0]) })
            daemon.signal(SIGHUP)
            let reloaded = notify.wait(forLine: "READY=1", timeout: 10)
            let status = reloaded?.notifyField("STATUS") ?? "no READY=1; stderr: \(daemon.stderr.suffix(500))"
            #expect(status.hasPrefix("next: wins at ") || status.contains("1 pending"), "\(mutant): \(status)")
            #expect(status.contains("config error, previous settings kept: \(place)"), "\(mutant): \(status)")
            let shown = try ChildProcess.run(SteadyBinary.path, ["status"], environment: environment)
            #expect(shown.stdout.contains("The config has a problem; the previous settings are still in use:\n  \(place)"),
                    "\(mutant): \(shown.stdout)")
            #expect(shown.stdout.contains("  Wins and evidence\n"), "\(mutant): the old schedule is gone: \(shown.stdout)")
        }
        print("config fuzz (seed \(Self.seed)): the daemon reloaded \(broken.count) broken files in \(ContinuousClock.now - start), "
              + "kept its settings each time")
        #expect(daemon.isRunning)

        // Still scheduling as before: the wins prompt comes at its slot.
        #expect(try home.waitForRow("SELECT count(*) FROM prompt WHERE practice = 'wins'", toBe: "1", timeout: 30),
                "no wins prompt at \(slot); stderr: \(daemon.stderr.suffix(500))")
    }
}
