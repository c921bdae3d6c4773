import Foundation
import SteadyExternal
import SteadyKit
import SteadyTestSupport
import Testing

/// The example under examples/ speaks the protocol end to end: describe, prompt, answer,
/// and the follow-up it asks for.
@Suite struct ExamplePracticeTests {
    /// examples/external-practice/kind-act.py, found from this file's path.
    static let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/external-practice/kind-act.py").path

    /// Python's start-up is slow on a busy test machine: a generous limit here; the limits
    /// themselves are tested with shell programs below.
    static let timeout = 20.0

    func practice(settings: [String: SettingValue] = [:]) throws -> ExternalPractice {
        try ExternalPractice(id: "kind-act", executable: Self.example, settings: settings, timeout: Self.timeout)
    }

    @Test func describe_givesNameSummaryAndSchedule() throws {
        let description = try practice().describe()
        #expect(description.displayName == "A small kindness")
        #expect(description.defaultSchedule == ["Sat,Sun 10:30"])
        #expect(!description.summary.isEmpty)
    }

    @Test func prompt_usesTheSettings_andAnswerAsksForAFollowUp() throws {
        let practice = try practice(settings: ["ideas": .array([.string("a cup of tea"), .string("a walk")])])
        let occasion = Occasion.scheduled(at: Date(timeIntervalSince1970: 1_750_000_000), timeZone: TimeZone(identifier: "UTC")!)
        let prompt = try practice.prompt(for: occasion)
        #expect(prompt.title == "Something kind for you")
        #expect(prompt.request == .choices([
            Choice(key: "idea-1", label: "a cup of tea"), Choice(key: "idea-2", label: "a walk"),
            Choice(key: "not-today", label: "Not today"),
        ]))

        let answer = Answer(promptID: 1, value: .choice("idea-2"), answeredAt: occasion.slot, channel: .terminal)
        let reaction = try practice.react(to: answer, prompt: prompt)
        #expect(reaction.followUps == [FollowUp(after: 7200, key: "how-was-it")])
        #expect(reaction.acknowledgement?.isEmpty == false)
        #expect(!reaction.skips)

        let followUp = Occasion(reason: .followUp(key: "how-was-it", after: .choice("idea-2")), slot: occasion.slot, dayNumber: 1)
        let second = try practice.prompt(for: followUp)
        #expect(second.request == .scale(Scale(1...5, low: "not much", high: "lovely")))

        let notToday = Answer(promptID: 2, value: .choice("not-today"), answeredAt: occasion.slot, channel: .notification)
        #expect(try practice.react(to: notToday, prompt: prompt).skips)
    }

    @Test func configure_wrapsItForTheEngine() throws {
        let configured = try ExternalPractice.configure(id: "kind-act", executable: Self.example, settings: [:], timeout: Self.timeout)
        #expect(configured.id == "kind-act")
        #expect(configured.displayName == "A small kindness")
        #expect(configured.suggestedSchedule == ["Sat,Sun 10:30"])
        let prompt = configured.prompt(for: .scheduled(at: Date(), timeZone: TimeZone(identifier: "UTC")!))
        #expect(prompt.title == "Something kind for you")
    }
}

/// Programs that misbehave in every way we could think of: each is stopped or rejected with
/// a clear error, within the time limit, and the caller carries on.
@Suite struct MisbehavingPracticeTests {
    let directory = TemporaryDirectory(prefix: "steady-ext")

    /// Writes an executable shell script and returns its path.
    func program(_ name: String, _ body: String) throws -> String {
        let path = try directory.write(name, "#!/bin/sh\n" + body + "\n")
        chmod(path, 0o755)
        return path
    }

    func practice(_ path: String, timeout: Double = 1) throws(ExternalPracticeError) -> ExternalPractice {
        try ExternalPractice(id: "odd", executable: path, timeout: timeout)
    }

    /// The `ExternalPracticeError` that `body` throws, or nil when it succeeds (any other error fails the test).
    func error(_ body: () throws -> Void) -> ExternalPracticeError? {
        do {
            try body()
            return nil
        } catch let error as ExternalPracticeError {
            return error
        } catch {
            Issue.record("unexpected error: \(error)")
            return nil
        }
    }

    static let goodPrompt = #"{"protocol": 1, "title": "Hello", "body": "A body", "answer": {"kind": "done"}}"#

    @Test func aWellBehavedShellProgram_works() throws {
        let path = try program("good", "cat > /dev/null; echo '\(Self.goodPrompt)'")
        let prompt = try practice(path).prompt(for: .scheduled(at: Date()))
        #expect(prompt == PromptContent(title: "Hello", body: "A body", request: .done))
    }

    @Test func theRequest_isOneJSONObjectWithTheProtocolVersion() throws {
        let seen = directory.file("request.json")
        let path = try program("spy", "cat > '\(seen)'; echo '\(Self.goodPrompt)'")
        _ = try ExternalPractice(id: "spy", executable: path, settings: ["n": .integer(3)], timeout: 1)
            .prompt(for: Occasion(reason: .followUp(key: "k", after: .number(4)), slot: Date(timeIntervalSince1970: 0), dayNumber: 0))
        let request = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: seen))) as? [String: Any])
        #expect(request["protocol"] as? Int == 1)
        #expect(request["request"] as? String == "prompt")
        #expect(request["practice"] as? String == "spy")
        #expect((request["settings"] as? [String: Any])?["n"] as? Int == 3)
        let occasion = try #require(request["occasion"] as? [String: Any])
        #expect(occasion["reason"] as? String == "follow-up")
        #expect(occasion["key"] as? String == "k")
        #expect(occasion["slot"] as? String == "1970-01-01T00:00:00Z")
        #expect((occasion["after"] as? [String: Any])?["value"] as? Int == 4)
    }

    @Test func crash_isReportedAsASignal() throws {
        let path = try program("crash", "kill -SEGV $$")
        let failure = error { _ = try practice(path).describe() }
        #expect(failure?.code == .killed, "\(String(describing: failure))")
        #expect(failure?.description.contains("signal 11") == true)
    }

    @Test func nonZeroExit_isReported_evenWithAGoodReply() throws {
        let path = try program("exit3", "echo '\(Self.goodPrompt)'; exit 3")
        let failure = error { _ = try practice(path).prompt(for: .scheduled(at: Date())) }
        #expect(failure?.code == .exited)
        #expect(failure?.description.contains("status 3") == true)
    }

    @Test(arguments: [
        ("garbage", "echo 'hello there'", ExternalPracticeError.Code.notJSON),
        ("empty", "true", ExternalPracticeError.Code.notJSON),
        ("array", "echo '[1, 2]'", ExternalPracticeError.Code.notJSON),
        ("noversion", #"echo '{"name": "x"}'"#, ExternalPracticeError.Code.wrongProtocol),
        ("future", #"echo '{"protocol": 2, "name": "x"}'"#, ExternalPracticeError.Code.wrongProtocol),
        ("noname", #"echo '{"protocol": 1}'"#, ExternalPracticeError.Code.badReply),
        ("wrongtype", #"echo '{"protocol": 1, "name": 5}'"#, ExternalPracticeError.Code.badReply),
        ("longname", #"echo '{"protocol": 1, "name": "\#(String(repeating: "x", count: 61))"}'"#, ExternalPracticeError.Code.badReply),
    ])
    func badReplies_toDescribe_areRejected(name: String, body: String, code: ExternalPracticeError.Code) throws {
        let path = try program(name, body)
        let failure = error { _ = try practice(path).describe() }
        #expect(failure?.code == code, "\(name): \(String(describing: failure))")
    }

    @Test(arguments: [
        #"{"protocol": 1, "title": "", "body": "", "answer": {"kind": "done"}}"#,
        #"{"protocol": 1, "title": "T", "body": "", "answer": {"kind": "choices", "choices": []}}"#,
        #"{"protocol": 1, "title": "T", "body": "", "answer": {"kind": "choices", "choices": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}]}}"#,
        #"{"protocol": 1, "title": "T", "body": "", "answer": {"kind": "scale", "from": 5, "to": 1}}"#,
        #"{"protocol": 1, "title": "T", "body": "", "answer": {"kind": "slider"}}"#,
        #"{"protocol": 1, "title": "T", "body": ""}"#,
    ])
    func badPrompts_areRejected(reply: String) throws {
        let path = try program("badprompt", "echo '\(reply)'")
        let failure = error { _ = try practice(path).prompt(for: .scheduled(at: Date())) }
        #expect(failure?.code == .badReply, "\(reply): \(String(describing: failure))")
    }

    @Test(arguments: [
        #"{"protocol": 1, "follow-ups": [{"after": 5, "key": "k"}]}"#,
        #"{"protocol": 1, "snooze": 0}"#,
        #"{"protocol": 1, "follow-ups": [{"key": "k"}]}"#,
    ])
    func badReactions_areRejected(reply: String) throws {
        let path = try program("badreact", "echo '\(reply)'")
        let answer = Answer(promptID: 1, value: .done, answeredAt: Date(), channel: .terminal)
        let failure = error { _ = try practice(path).react(to: answer, prompt: PromptContent(title: "T", body: "", request: .done)) }
        #expect(failure?.code == .badReply, "\(reply): \(String(describing: failure))")
    }

    @Test func hang_isStoppedAtTheTimeLimit_withItsChildren() throws {
        // The script starts a child that would outlive it, records both pids, then hangs.
        let pids = directory.file("pids")
        let path = try program("hang", "sleep 300 & echo \"$$ $!\" > '\(pids)'; wait")
        let failure = error { _ = try practice(path, timeout: 1).describe() }
        #expect(failure?.code == .timedOut, "\(String(describing: failure))")
        let recorded = try String(contentsOfFile: pids, encoding: .utf8).split(separator: " ")
            .compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(recorded.count == 2)
        for pid in recorded {
            // Both are gone (the script is reaped by us; its orphaned child by init, soon after).
            #expect(Self.waitUntilGone(pid), "process \(pid) is still running")
        }
    }

    @Test func aProgramThatNeverReadsItsInput_cannotBlockTheCaller() throws {
        // A request much larger than a socket buffer, to a program that never reads it.
        let path = try program("deaf", "exec sleep 300")
        let answer = Answer(promptID: 1, value: .text(String(repeating: "words ", count: 200_000)), answeredAt: Date(), channel: .terminal)
        let failure = error { _ = try practice(path, timeout: 0.5).react(to: answer, prompt: PromptContent(title: "T", body: "", request: .text(placeholder: ""))) }
        #expect(failure?.code == .timedOut)
    }

    @Test func aProgramThatExitsWithoutReading_doesNotRaiseSIGPIPE() throws {
        // If a write to its closed stdin raised SIGPIPE, this test process would die here.
        let path = try program("early", "echo '\(Self.goodPrompt)'; exec 0<&-")
        let answer = Answer(promptID: 1, value: .text(String(repeating: "words ", count: 200_000)), answeredAt: Date(), channel: .terminal)
        let failure = error {
            _ = try practice(path).react(to: answer, prompt: PromptContent(title: "T", body: "", request: .done))
        }
        // Its reply decides: a prompt-shaped reply is still a valid (empty) reaction.
        #expect(failure == nil, "\(String(describing: failure))")
    }

    @Test func hugeOutput_isCutOffAtTheLimit() throws {
        let path = try program("flood", "exec yes '{\"protocol\": 1}'")
        let failure = error { _ = try practice(path, timeout: 5).describe() }
        #expect(failure?.code == .tooMuchOutput, "\(String(describing: failure))")
        #expect(failure?.description.contains("64 KiB") == true)
    }

    @Test func closingStdoutButNotExiting_isStopped() throws {
        let path = try program("lingers", "echo '\(Self.goodPrompt)'; exec >&-; sleep 300")
        let failure = error { _ = try practice(path, timeout: 0.5).prompt(for: .scheduled(at: Date())) }
        #expect(failure?.code == .timedOut)
    }

    @Test(arguments: [("relative/path", "absolute"), ("/nonexistent/steady-practice", "does not exist"), ("/tmp", "is a directory")])
    func badExecPaths_areRejectedUpFront(path: String, words: String) {
        let failure = error { _ = try ExternalPractice(id: "x", executable: path) }
        #expect(failure?.code == .notExecutable)
        #expect(failure?.description.contains(words) == true, "\(String(describing: failure))")
    }

    @Test func aFileWithoutTheExecutableBit_isRejectedWithTheFix() throws {
        let path = try directory.write("plain", "#!/bin/sh\n")
        let failure = error { _ = try ExternalPractice(id: "x", executable: path) }
        #expect(failure?.code == .notExecutable)
        #expect(failure?.description.contains("chmod +x") == true)
    }

    @Test func errors_neverContainWhatThePersonWrote() throws {
        // The program echoes its request (with the person's words) back as not-quite-JSON.
        let path = try program("echo", "printf 'oops '; cat")
        let answer = Answer(promptID: 1, value: .text("my private words"), answeredAt: Date(), channel: .terminal)
        let failure = try #require(error { _ = try practice(path).react(to: answer, prompt: PromptContent(title: "T", body: "", request: .done)) })
        #expect(failure.code == .notJSON)
        #expect(!failure.description.contains("private"))
    }

    // MARK: - Through the engine's closures

    @Test func configuredPractice_fallsBackAndReports_whenTheProgramBreaksLater() throws {
        // Describe works at load time; afterwards the program crashes on every request.
        let flag = directory.file("broken")
        let path = try program("flaky", """
            if [ -e '\(flag)' ]; then kill -SEGV $$; fi
            echo '{"protocol": 1, "name": "Flaky", "schedule": ["09:00"]}'
            """)
        let reports = Reports()
        let configured = try ExternalPractice.configure(id: "flaky", executable: path, settings: [:], timeout: 1) { reports.add($0) }
        try "".write(toFile: flag, atomically: true, encoding: .utf8)

        let prompt = configured.prompt(for: .scheduled(at: Date()))
        #expect(prompt == ExternalPractice.fallbackPrompt(displayName: "Flaky"))
        let answer = Answer(promptID: 1, value: .done, answeredAt: Date(), channel: .terminal)
        #expect(configured.react(to: answer, prompt: prompt) == Reaction.none)
        #expect(reports.codes == [.killed, .killed])
    }

    @Test func configuredPractice_whenTheProgramHangs_returnsTheFallbackInTime() throws {
        let flag = directory.file("hang-now")
        let path = try program("sleepy", """
            if [ -e '\(flag)' ]; then exec sleep 300; fi
            echo '{"protocol": 1, "name": "Sleepy"}'
            """)
        let reports = Reports()
        let configured = try ExternalPractice.configure(id: "sleepy", executable: path, settings: [:], timeout: 0.5) { reports.add($0) }
        try "".write(toFile: flag, atomically: true, encoding: .utf8)
        #expect(configured.prompt(for: .scheduled(at: Date())).request == .done)
        #expect(reports.codes == [.timedOut])
    }

    @Test func fallbackPrompt_isGentle() {
        let prompt = ExternalPractice.fallbackPrompt(displayName: "A small kindness")
        #expect(prompt.title == "A small kindness")
        #expect(!prompt.body.contains("!"))
        #expect(prompt.request == .done)
    }

    /// Whether `pid` ends within 5 s: SIGKILL is delivered asynchronously, and nothing
    /// announces the end of a process that is not our child, so this looks every 10 ms.
    static func waitUntilGone(_ pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if isGone(pid) { return true }
            usleep(10_000)
        }
        return isGone(pid)
    }

    static func isGone(_ pid: pid_t) -> Bool {
        // A zombie still answers kill(0); /proc says whether it is only a zombie.
        guard kill(pid, 0) == 0 else { return errno == ESRCH }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}

/// Errors reported through `configure`'s `report`, collected across threads.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [ExternalPracticeError] = []
    func add(_ error: ExternalPracticeError) { lock.withLock { errors.append(error) } }
    var codes: [ExternalPracticeError.Code] { lock.withLock { errors.map(\.code) } }
}

@Suite struct ExecPathTests {
    @Test(arguments: [
        ("/opt/p.py", "/home/me/.config/steady/config.toml", "/opt/p.py"),
        ("~/bin/p.py", "/home/me/.config/steady/config.toml", "/home/me/bin/p.py"),
        ("p.py", "/home/me/.config/steady/config.toml", "/home/me/.config/steady/p.py"),
        ("../../bin/p.py", "/home/me/.config/steady/config.toml", "/home/me/bin/p.py"),
        ("p.py", nil, "p.py"),
    ])
    func resolve_expandsHomeAndConfigRelativePaths(exec: String, configFile: String?, expected: String) {
        #expect(ExternalPractice.resolve(exec: exec, configFile: configFile, home: "/home/me") == expected)
    }
}

/// What a program did, in the person's language for them and in English for the log.
@Suite struct ExternalPracticeErrorLanguageTests {
    @Test func aFailingProgram_isDescribedInGerman_andSummarizedInEnglish() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("exit3.sh", "#!/bin/sh\nexit 3\n")
        chmod(path, 0o755)
        let failure = try Catalogues.inLocale("de_DE.UTF-8") { () -> ExternalPracticeError? in
            do throws(ExternalPracticeError) {
                _ = try ExternalPractice(id: "mine", executable: path, timeout: 20).describe()
                return nil
            } catch {
                return error
            }
        }
        let error = try #require(failure)
        #expect(error.description == "\(path): endete mit Status 3.")
        #expect(error.english == "\(path): exited with status 3.")
        #expect(error.reason.english == "exited with status 3.")
    }

    @Test func theFallbackPrompt_isGerman() throws {
        let prompt = try Catalogues.inLocale("de_DE.UTF-8") { ExternalPractice.fallbackPrompt(displayName: "Kind act") }
        #expect(prompt.body == "Ein Moment für diese Übung, wenn du magst. Ihre eigenen Worte ließen sich gerade nicht holen.")
    }
}
