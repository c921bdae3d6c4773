import BuiltinPractices
import Foundation
import SteadyConfig
import SteadyTestSupport
import Testing

/// Thousands of broken config files through the loader, in-process: the same code
/// `steady config check` and a reloading daemon run on a file's bytes (only reading the file
/// is left out; `ConfigFuzzEndToEndTests` runs a few hundred through the real binary).
/// Each one is either a good config or rejected with the file, a line and a column inside the
/// text — the line of the change where there is only one. Nothing may crash.
///
/// The seed is printed; `STEADY_FUZZ_SEED=<n> swift test --filter ConfigFuzzTests` replays a run,
/// and `STEADY_FUZZ_DUMP=<file>` writes each file there before loading it, so after a crash
/// that file holds the input that caused it.
@Suite struct ConfigFuzzTests {
    let loader = ConfigLoader(registry: BuiltinPractices.registry)
    static let seed = ConfigMutator.seed()
    static let source = "/home/someone/.config/steady/config.toml"

    /// Every setting steady knows, each with a good value (so a change to one line is the only problem).
    static let everyKey = """
        quiet-hours = "22:30..07:00"
        daily-limit = 8
        expire-after = "2h"
        grace-period = "30m"
        snooze = "20m"
        snooze-limit = 3
        back-off = true
        channel = "command"
        command = ["/bin/cat", "-u"]
        answer-command = "/usr/bin/zenity"

        [safety]
        threshold = 9
        contacts = ["Sam"]
        crisis-line = "116 123"

        [practices.morning-mindfulness]
        schedule = ["Mon..Fri 07:30", "Sat,Sun 09:00"]
        technique = "box"
        urgency = "normal"
        during-quiet-hours = "defer"
        random = { between = "10:00..20:00", count = 2, min-gap = "90m" }

        [practices.evening-reflection]
        focus = "rotate"
        enabled = true

        [practices.sleep-wind-down]
        bedtime = "22:30"
        snooze-minutes = 15

        [practices.reach-out]
        people = ["Sam", "my sister"]

        [practices.trigger-journal]
        follow-up-after = "1h"

        [practices.asking]
        follow-up-after = "1d"

        [practices.time-alone]
        minutes = 15
        step = 5
        longest = 120
        """

    static var bases: [(name: String, text: String)] { [("default", DefaultConfig.text), ("every key", everyKey)] }

    @Test func theBaseConfigs_areGood() throws {
        for base in Self.bases {
            #expect(throws: Never.self, "\(base.name)") { try loader.parse(base.text, source: Self.source) }
        }
    }

    @Test func truncatedAtEveryCharacter_isGoodOrRejectedWithItsPlace() {
        check(Self.bases.flatMap { ConfigMutator.truncations(of: $0.text) }, kind: "truncations")
    }

    @Test func randomByteEdits_areGoodOrRejectedWithTheirPlace() {
        var mutator = ConfigMutator(seed: Self.seed)
        check(Self.bases.flatMap { mutator.byteEdits(of: $0.text, count: 1_500) }, kind: "byte edits")
    }

    @Test func invalidUTF8_isRejectedAtTheFirstBadByte() {
        var mutator = ConfigMutator(seed: Self.seed &+ 1)
        let mutants = Self.bases.flatMap { mutator.invalidUTF8(in: $0.text, count: 300) }
        let accepted = check(mutants, kind: "invalid UTF-8")
        #expect(accepted.isEmpty, "text that is not UTF-8 was accepted: \(accepted.prefix(5))")
    }

    @Test func deepNesting_isRejectedWithItsPlace() {
        check(ConfigMutator.deepNesting(), kind: "deep nesting")
    }

    @Test func everyKeyWithEveryWrongType_isGoodOrRejectedOnItsLine() {
        check(Self.bases.flatMap { ConfigMutator.wrongTypes(in: $0.text) }, kind: "wrong types")
    }

    @Test func hugeNumbers_areGoodOrRejectedOnTheirLine() {
        check(Self.bases.flatMap { ConfigMutator.hugeNumbers(in: $0.text) }, kind: "huge numbers")
    }

    // MARK: - What the fuzzer found (each crashed or misled before its fix)

    @Test(arguments: [
        // toml++ asserted (SIGABRT) on a header without a name and on '}' inside an array.
        ("[=\n", 1, 2, "a table header must start with a name"),
        ("quiet-hours = \"off\"\n[\r\n", 2, 2, "a table header must start with a name"),
        ("[é]\n", 1, 2, "a table header must start with a name"),
        ("[[[a]]]\n", 1, 3, "a table header must start with a name"),
        ("a = [\"\",}\n", 1, 9, "'}' where a value or ']' belongs"),
        ("a = [\n  1,\n}\n", 3, 1, "'}' where a value or ']' belongs"),
        // Everything after a NUL was silently dropped: this file was "good".
        ("quiet-hours = \"off\"\u{0}daily-limit = 0\n", 1, 20, "a NUL character"),
        // A lone carriage return.
        ("quiet-hours = \"off\"\rdaily-limit = 1\n", 1, 20, "a carriage return without a line feed"),
        // TimeSpan trapped on overflow (SIGILL).
        ("expire-after = \"99999999999999999999h\"\n", 1, 17, "longer than 100 years"),
        ("snooze = \"9223372036854775807m\"\n", 1, 11, "longer than 100 years"),
        // Settings pass through JSON: inf failed inside JSONEncoder, 3.5 said "not valid JSON", both at the header.
        ("[safety]\nthreshold = inf\n", 2, 1, "expected an integer"),
        ("[safety]\nthreshold = 3.5\n", 2, 1, "expected an integer"),
        ("[practices.time-alone]\nminutes = nan\n", 2, 1, "expected an integer"),
        // With Windows line endings the whole file was one line to the locator.
        ("quiet-hours = \"off\"\r\ndaily-limit = 8\r\nshedule = 1\r\n", 3, 1, "unknown setting 'shedule'"),
    ])
    func foundByTheFuzzer_isRejectedAtItsPlace(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try loader.parse(bytes: Array(text.utf8), source: Self.source) }
        #expect((error.line, error.column) == (line, column), "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.sourceLine?.hasSuffix("\r") == false, "the excerpt shows the line, not its ending: \(error)")
    }

    @Test func dottedKeysAsDeepAsAFileCanHold_areReadWithoutOverflowingTheStack() throws {
        // 40 000 levels overflowed the 8 MiB main-thread stack inside toml++; the largest
        // file holds about 32 000.
        let depth = ConfigLoader.largestFile / 2 - 8
        let text = Array(repeating: "a", count: depth).joined(separator: ".") + " = 1\n"
        let error = try #require(throws: ConfigError.self) { try loader.parse(text, source: Self.source) }
        #expect(error.line == 1 && error.message == "unknown setting 'a'", "\(error)")
        let larger = try #require(throws: ConfigError.self) { try loader.parse(text + text, source: Self.source) }
        #expect(larger.line == 2 && larger.message.hasPrefix("the file goes on past 64 KiB here"), "\(larger)")
    }

    // MARK: - Checking

    /// Loads each mutant; records every rejection that does not name the file, a line and a
    /// column inside the text (the changed line, where known). Returns the mutants accepted.
    @discardableResult
    func check(_ mutants: [ConfigMutator.Mutant], kind: String) -> [ConfigMutator.Mutant] {
        var problems: [String] = []
        var accepted: [ConfigMutator.Mutant] = []
        let start = ContinuousClock.now
        let dump = ProcessInfo.processInfo.environment["STEADY_FUZZ_DUMP"]
        for mutant in mutants {
            if let dump { _ = FileManager.default.createFile(atPath: dump, contents: Data(mutant.bytes)) }
            do {
                _ = try loader.parse(bytes: mutant.bytes, source: Self.source)
                accepted.append(mutant)
            } catch {
                if let problem = Self.problem(with: error, for: mutant) { problems.append(problem) }
            }
        }
        print("config fuzz (seed \(Self.seed)): \(kind): \(mutants.count) files, \(mutants.count - accepted.count) rejected, "
              + "\(accepted.count) accepted, \(problems.count) without a place, in \(ContinuousClock.now - start)")
        #expect(problems.isEmpty, "seed \(Self.seed), \(problems.count) of \(mutants.count):\n\(problems.prefix(8).joined(separator: "\n"))")
        return accepted
    }

    /// What is wrong with a rejection of `mutant`, or nil when it names its place.
    static func problem(with error: ConfigError, for mutant: ConfigMutator.Mutant) -> String? {
        let lines = mutant.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let what = "\(mutant.name): \(error.summary.prefix(300))"
        guard error.file == source else { return "names \(error.file), not the file: \(what)" }
        guard error.line >= 1, error.line <= lines.count else { return "line \(error.line) outside 1...\(lines.count): \(what)" }
        let width = lines[error.line - 1].count
        guard error.column >= 1, error.column <= width + 1 else { return "column \(error.column) outside 1...\(width + 1): \(what)" }
        guard error.description.hasPrefix("\(source):\(error.line):\(error.column): ") else { return "description: \(what)" }
        if let line = mutant.changedLine, error.line != line { return "points at line \(error.line), the change is on line \(line): \(what)" }
        return nil
    }
}
