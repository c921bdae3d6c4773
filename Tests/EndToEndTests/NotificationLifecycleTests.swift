import Foundation
import SteadyTestSupport
import Testing

/// The daemon with a real dunst: a bubble dismissed is not an answer, a server restart shows
/// waiting prompts once (not lost, not doubled), "Later" puts a prompt off, and a text prompt
/// is answered through the answer dialog.
@Suite(.serialized) struct NotificationLifecycleTests {
    typealias Home = DaemonEndToEndTests.Home

    /// Starts the daemon with `config` (and `extraEnvironment`), waits for READY=1 and, unless
    /// `pending` is nil, until that many prompts wait.
    static func startDaemon(_ home: Home, desktop: DesktopSession, notify: NotifySocket, config: String, pending: Int?,
                            extraEnvironment: [String: String] = [:]) throws -> ChildProcess {
        try home.root.write("config/steady/config.toml", config)
        let environment = home.environment(desktop: desktop, notifySocket: notify.path).merging(extraEnvironment) { $1 }
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: environment)
        try daemon.start()
        guard notify.wait(forLine: "READY=1", timeout: 20) != nil else { throw TestSupportError("no READY=1: \(daemon.stderr)") }
        guard let pending else { return daemon }
        guard notify.wait(timeout: 20, for: { $0.notifyField("STATUS")?.contains("\(pending) pending") == true }) != nil else {
            throw TestSupportError("never \(pending) pending: \(daemon.stderr)")
        }
        return daemon
    }

    @Test func dismissedBubble_leavesThePromptPending_andServerRestartShowsItOnce() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try Self.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "\(slot)"
            """, pending: 1)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)

        // Dismissed by the person (reason 2): not an answer.
        try desktop.dismiss()
        try desktop.waitForDisplayedCount(0)
        let status = try DaemonEndToEndTests.steady(["status", "--json"], home.environment(desktop: desktop, notifySocket: nil))
        #expect(status.stdout.contains("\"practice\" : \"evening-reflection\""), "\(status.stdout)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT outcome FROM prompt") == "pending")

        // The server goes away and comes back: the waiting prompt is shown once more, once.
        try desktop.killDunst()
        try desktop.startDunst()
        try desktop.waitForDisplayedCount(1)
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM prompt") == "1")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM event WHERE kind = 'delivered'") == "2")

        // Answering it from the terminal takes the bubble down (CloseNotification).
        let id = try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt")
        let answer = try DaemonEndToEndTests.steady(["answer", id, "5"], home.environment(desktop: desktop, notifySocket: nil))
        #expect(answer.status == 0, "\(answer.stderr)")
        // Its next question, a feeling word, follows in a bubble; letting it pass from the
        // terminal takes that one down too.
        let next = try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt WHERE follow_up_key = 'feeling'")
        let skipped = try DaemonEndToEndTests.steady(["answer", next, "skip"], home.environment(desktop: desktop, notifySocket: nil))
        #expect(skipped.status == 0, "\(skipped.stderr)")
        try desktop.waitForDisplayedCount(0)
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT p.outcome, a.number, a.channel FROM prompt p JOIN answer a ON a.prompt_id = p.id")
                == "answered|5|terminal")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func later_saysWhenInPlace_andThePromptComesBackInTheSameBubble() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try Self.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            snooze = "3s"
            [practices.morning-mindfulness]
            schedule = "\(slot)"
            """, pending: 1)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)
        try desktop.invokeAction(matching: ",steady:later]")

        // On the wire: the prompt; in its place a notice saying when; three seconds later the
        // prompt again, in the same bubble (replaces_id), still with "Later" (1 of 3 used).
        let calls = try monitor.waitForNotifies(3, timeout: .seconds(15))
        let (prompt, notice, again) = (calls[0], calls[1], calls[2])
        let bubble = try #require(prompt.returnedID, "\(calls)")
        #expect(prompt.replacesID == 0 && prompt.actions.contains("steady:later"), "\(calls)")
        #expect(notice.replacesID == bubble && notice.returnedID == bubble, "\(calls)")
        #expect(notice.plainBody.hasPrefix("Later, then. I'll ask again at ") && notice.actions.isEmpty, "\(calls)")
        #expect(notice.expireTimeout == 6_000, "\(calls)")
        #expect(again.replacesID == bubble && again.returnedID == bubble, "\(calls)")
        #expect(again.summary == prompt.summary && again.actions == prompt.actions, "\(calls)")
        #expect(calls.count == 3, "nothing else was shown: \(calls)")
        #expect(try desktop.displayedCount() == 1)

        let row = try DaemonEndToEndTests.sqlite(home.journal, "SELECT outcome, snoozes FROM prompt")
        #expect(row == "pending|1", "\(row)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM event WHERE kind = 'delivered'") == "2")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM answer") == "0")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func triggerCheckIn_isAnsweredInItsBubble_withTheSecondQuestionInPlace() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        let daemon = try Self.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.trigger-journal]
            follow-up-after = "10s"
            """, pending: nil)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        let env = home.environment(desktop: desktop, notifySocket: notify.path)

        // The entry, written in the terminal, asks the daemon for its check-in.
        let logged = try DaemonEndToEndTests.steady(["log", "trigger"], env, input: "a reply that took long\n\n\n\n\n7\n\n")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("steady will ask how it settled"), "\(logged.stdout)")

        // Ten seconds later: how long did it take to settle? Then, in the same bubble, how strong now.
        try desktop.waitForDisplayedCount(1, timeout: .seconds(20))
        let first = try monitor.waitForNotifies(1)[0]
        #expect(first.summary == "Looking back at earlier" && first.actions.contains("half-hour"), "\(first)")
        #expect(!first.plainBody.contains("reply that took long"), "what was written stays in the journal")
        try desktop.invokeAction(matching: ",half-hour]")
        let second = try monitor.waitForNotifies(2)[1]
        #expect(second.replacesID == first.returnedID && second.returnedID == first.returnedID, "\(second)")
        #expect(second.plainBody == "And how strong is it now, from 1 to 10?" && second.actions.contains("10"), "\(second)")
        try desktop.invokeAction(matching: ",4]")
        let third = try monitor.waitForNotifies(3)[2]
        #expect(third.replacesID == first.returnedID && third.actions.isEmpty, "\(third)")
        #expect(third.plainBody == "Thank you for looking back. Both answers are in your journal.", "\(third)")

        #expect(try DaemonEndToEndTests.sqlite(home.journal, """
            SELECT p.follow_up_key, p.entry_id, a.kind, coalesce(a.text, a.number), a.channel
            FROM prompt p JOIN answer a ON a.prompt_id = p.id ORDER BY p.id
            """) == "settle|1|choice|half-hour|notification\nintensity-now|1|number|4|notification")
        // Followed up on the notification, the entry no longer waits for `--follow-up`.
        let again = try DaemonEndToEndTests.steady(["log", "trigger", "--follow-up"], env, input: "")
        #expect(again.status == 66, "\(again.stdout) \(again.stderr)")
        let history = try DaemonEndToEndTests.steady(["history"], env)
        #expect(history.stdout.contains("Trigger journal"), "\(history.stdout)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func guideMe_opensTheBreathingGuide_whichAnswersTheCheckIn() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        // A terminal stand-in: runs what it is given (`-e steady breathe box`) quickly, with
        // Enter for both ratings, and notes what it ran.
        let ran = home.root.file("terminal-ran")
        let terminal = try home.root.write("terminal.sh", """
            #!/bin/sh
            [ "$1" = "-e" ] || exit 2
            shift
            echo "$@" > '\(ran)'
            printf '\\n\\n' | "$@" --speed 50 --rounds 1 >> '\(ran)' 2>&1
            """)
        chmod(terminal, 0o755)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try Self.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "\(slot)"
            technique = "4-7-8"
            """, pending: 1, extraEnvironment: ["TERMINAL": terminal])
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)
        try desktop.invokeAction(matching: ",steady:guide]")

        // The guided session ends and answers the check-in with the pattern it breathed.
        #expect(notify.wait(timeout: 30) { $0.notifyField("STATUS").map { !$0.contains("pending") } ?? false } != nil,
                "\(daemon.stderr) \((try? String(contentsOfFile: ran, encoding: .utf8)) ?? "")")
        let command = try String(contentsOfFile: ran, encoding: .utf8)
        #expect(command.hasPrefix("/") && command.contains("/steady breathe 4-7-8"), "\(command)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT a.text, a.channel FROM answer a") == "4-7-8|terminal")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM entry") == "1", "the session itself is kept")
        try desktop.waitForDisplayedCount(0)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func textPrompt_isAnsweredThroughTheAnswerDialog() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        // A dialog stand-in: what a person would type into zenity's entry field.
        let dialog = try home.root.write("dialog.sh", "#!/bin/sh\n[ -n \"$STEADY_PROMPT_ID\" ] || exit 1\necho 'finished the draft, & it was fine <3'\n")
        chmod(dialog, 0o755)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try Self.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            answer-command = "\(dialog)"
            [practices.wins]
            schedule = "\(slot)"
            """, pending: 1)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)
        try desktop.invokeAction(matching: ",steady:answer]")
        #expect(notify.wait(timeout: 10) { $0.notifyField("STATUS").map { !$0.contains("pending") } ?? false } != nil, "\(daemon.stderr)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT a.kind, a.text, a.channel FROM answer a")
                == "text|finished the draft, & it was fine <3|notification")
        // Privacy: the daemon's log lines never carry what was written.
        #expect(!daemon.stderr.contains("finished the draft"))
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func commandChannel_passesPromptsToTheProgram() throws {
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let received = home.root.file("received.jsonl")
        let bridge = try home.root.write("bridge.sh", "#!/bin/sh\ncat >> '\(received)'\necho >> '\(received)'\n")
        chmod(bridge, 0o755)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            channel = "command"
            command = "\(bridge)"
            [practices.evening-reflection]
            schedule = "\(slot)"
            """)
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: home.environment(desktop: nil, notifySocket: notify.path))
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil)
        // Once the program has taken the prompt the delivery is recorded and STATUS is sent again.
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS") != nil } != nil)
        let id = try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT delivered_at IS NOT NULL FROM prompt") == "1")
        let message = try String(contentsOfFile: received, encoding: .utf8)
        #expect(message.contains("\"type\":\"show\""))
        #expect(message.contains("\"id\":\(id)"))
        #expect(message.contains("\"practice\":\"evening-reflection\""))
        let answer = try DaemonEndToEndTests.steady(["answer", id, "3"], home.environment(desktop: nil, notifySocket: nil))
        #expect(answer.status == 0)
        // The program hears that the prompt was answered elsewhere (it runs on its own; wait for its write).
        let deadline = Date().addingTimeInterval(10)
        var text = ""
        while !text.contains("\"type\":\"withdraw\""), Date() < deadline {
            text = (try? String(contentsOfFile: received, encoding: .utf8)) ?? ""
            if !text.contains("withdraw") { usleep(20_000) }
        }
        #expect(text.contains("\"type\":\"withdraw\",\"id\":\(id)") || text.contains("\"id\":\(id),\"type\":\"withdraw\""), "\(text)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
    }
}
