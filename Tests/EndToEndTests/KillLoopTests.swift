import Foundation
import SteadyTestSupport
import Testing

/// The daemon killed -9 at random moments, over and over, while answers arrive on the bubble
/// (real dunst, real clicks through its menu) and from the terminal (`steady answer` with a
/// value, "skip" or "later", and `steady wins add`). Afterwards:
///
/// - every acknowledged item is in the journal: a command that exited 0, or a click that the
///   daemon answered on the bus (the thank-you, "Later, then…", the next question, or the
///   blank that takes a skipped bubble down — each sent only after the choice was stored);
/// - `PRAGMA integrity_check` says ok;
/// - no prompt is shown twice: a prompt is never shown once it has ended, and no prompt ever
///   has two live bubbles at once;
/// - a restarted daemon leaves exactly one live bubble per prompt waiting to be answered.
///
/// One thing a daemon cannot know: the id of a bubble the server created while the daemon was
/// being killed, before it read the server's reply and recorded it. Such a bubble (counted,
/// and named in failures) is the only second bubble tolerated; the journal is read at each kill
/// to tell it from a recorded one, which the next daemon must take over.
@Suite(.serialized) struct KillLoopTests {
    typealias Home = DaemonEndToEndTests.Home

    static let config = """
        quiet-hours = "off"
        daily-limit = 100000
        back-off = false
        expire-after = "20s"
        snooze = "2s"
        snooze-limit = 2
        [practices.morning-mindfulness]
        schedule = "*:*:0/3"
        [practices.sleep-wind-down]
        schedule = "*:*:1/3"
        """

    @Test func daemonKilledAtRandomMoments_losesNothingAcknowledged_andShowsNoPromptTwice() throws {
        let seed = ProcessInfo.processInfo.environment["STEADY_KILL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max >> 1)
        let cycles = ProcessInfo.processInfo.environment["STEADY_KILL_CYCLES"].flatMap(Int.init) ?? 200
        let run = try KillLoop(seed: seed)
        defer { run.finish() }
        try run.run(cycles: cycles)
        let report = try run.verify()
        print("kill -9 loop: \(report)")
        #expect(report.cycles == cycles, "seed \(seed)")
        #expect(report.acknowledged >= cycles, "too few acknowledgements to prove anything; seed \(seed): \(report)")
        #expect(report.bubbleAcknowledged > 0 && report.terminalAcknowledged > 0 && report.entriesAcknowledged > 0,
                "every kind of answer was acknowledged at least once; seed \(seed): \(report)")
        #expect(report.lost.isEmpty, "acknowledged but not in the journal (seed \(seed)): \(report.lost)")
        #expect(report.integrity == "ok", "seed \(seed)")
        #expect(report.duplicates.isEmpty, "shown twice (seed \(seed)): \(report.duplicates)")
        #expect(report.finalBubbles.isEmpty, "after the last restart (seed \(seed)): \(report.finalBubbles)")
    }
}

extension KillLoopTests {
    /// One prompt on screen, the daemon killed -9, then started again.
    static func promptLeftByAKilledDaemon() throws -> (DesktopSession, Home, BusMonitor, NotifySocket, id: String, bubble: UInt32) {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        let daemon = try NotificationLifecycleTests.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "\(DaemonEndToEndTests.slot(inSeconds: 2).expression)"
            """, pending: 1)
        try desktop.waitForDisplayedCount(1)
        let bubble = try #require(try monitor.waitForNotifies(1)[0].returnedID)
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 5)
        #expect(try desktop.displayedCount() == 1, "the server keeps the bubble of a killed daemon")
        return (desktop, home, monitor, notify, try DaemonEndToEndTests.sqlite(home.journal, "SELECT id FROM prompt"), bubble)
    }

    @Test func daemonRestartedAfterKill9_showsTheWaitingPromptInItsOldBubble_whichAnswers() throws {
        let (desktop, home, monitor, notify, id, bubble) = try Self.promptLeftByAKilledDaemon()
        let again = ChildProcess(SteadyBinary.path, ["daemon"], environment: home.environment(desktop: desktop, notifySocket: notify.path))
        try again.start()
        defer { again.stopHard() }
        let shown = try monitor.waitForNotifies(2)[1]
        #expect(shown.replacesID == bubble && shown.returnedID == bubble, "in place of the dead daemon's bubble: \(monitor.notifies)")
        try desktop.waitForDisplayedCount(1)
        #expect(monitor.live.count == 1, "one live bubble: \(monitor.live)")
        // The bubble is the new daemon's now: a click on it is heard and answered.
        try desktop.invokeAction(matching: "[\(bubble),heading-to-bed]")
        _ = try monitor.waitForNotifies(3)
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT outcome FROM prompt WHERE id = \(id)") == "answered")
    }

    @Test func promptAnsweredWhileTheDaemonWasKilled_hasItsBubbleTakenDown_atTheNextStart() throws {
        let (desktop, home, monitor, notify, id, bubble) = try Self.promptLeftByAKilledDaemon()
        let answered = try DaemonEndToEndTests.steady(["answer", id, "heading-to-bed"], home.environment(desktop: desktop, notifySocket: nil))
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(try desktop.displayedCount() == 1, "nobody has taken the dead bubble down yet")
        let again = ChildProcess(SteadyBinary.path, ["daemon"], environment: home.environment(desktop: desktop, notifySocket: notify.path))
        try again.start()
        defer { again.stopHard() }
        try desktop.waitForDisplayedCount(0)
        #expect(monitor.live.isEmpty, "\(monitor.notifies)")
        #expect(!monitor.notifies.dropFirst().contains { $0.summary == monitor.notifies[0].summary && !$0.actions.isEmpty },
                "the answered prompt is never shown again: \(monitor.notifies)")
        _ = bubble
    }
}

/// A small, seeded generator (SplitMix64), so a failing run can be repeated with its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One run of the loop: a desktop with dunst, a bus monitor, a home, and the daemon started,
/// answered and killed `cycles` times.
final class KillLoop {
    struct Report: CustomStringConvertible {
        var seed: UInt64
        var cycles = 0
        var bubbleAcknowledged = 0
        var terminalAcknowledged = 0
        var entriesAcknowledged = 0
        var acknowledged: Int { bubbleAcknowledged + terminalAcknowledged + entriesAcknowledged }
        var lost: [String] = []
        var integrity = ""
        var duplicates: [String] = []
        var finalBubbles: [String] = []
        var unrecordedAtKill: Set<String> = []
        /// Clicks whose bubble was taken down because its prompt ended another way meanwhile.
        var takenDownForAnotherReason: [String] = []
        var promptsShown = 0
        var seconds = 0.0
        var description: String {
            "seed \(seed), \(cycles) cycles in \(String(format: "%.1f", seconds)) s, \(acknowledged) acknowledged "
                + "(\(bubbleAcknowledged) on the bubble, \(terminalAcknowledged) steady answer, \(entriesAcknowledged) entries), "
                + "\(lost.count) lost, integrity \(integrity), \(promptsShown) prompt bubbles shown, \(duplicates.count) shown twice, "
                + "\(unrecordedAtKill.count) bubble(s) created as the daemon died (not yet recorded: \(unrecordedAtKill.sorted())), "
                + "\(takenDownForAnotherReason.count) click(s) overtaken by another ending \(takenDownForAnotherReason), \(finalBubbles.count) wrong at the end"
        }
    }

    /// What a command or a click was acknowledged for, checked against the journal at the end.
    enum Expectation {
        /// Answered, or put off where the choice means "later" (sleep-wind-down's "15 more minutes").
        case answered(prompt: Int64)
        case skipped(prompt: Int64)
        case snoozed(prompt: Int64)
        case entry(text: String)
    }

    let seed: UInt64
    var random: SeededRandom
    let desktop: DesktopSession
    let home: DaemonEndToEndTests.Home
    let notify: NotifySocket
    let monitor: ChildProcess
    var daemon: ChildProcess?
    let binary = SteadyBinary.path
    var expectations: [(Expectation, String)] = []
    var report: Report
    /// Bubbles (prompt id, bubble id) shown by a daemon that was killed before its journal
    /// recorded them.
    var unrecorded: Set<String> = []
    /// How many bus events there were when the current daemon started.
    var eventsBeforeStart = 0
    /// How many Notify calls there were when the current daemon started.
    var callsBeforeStart = 0
    let started = Date()

    init(seed: UInt64) throws {
        self.seed = seed
        random = SeededRandom(seed: seed)
        report = Report(seed: seed)
        desktop = try DesktopSession(startDunst: false)
        // dunst stacks notifications that read the same (two waiting prompts of one practice)
        // into one bubble, closing the older: here each prompt keeps a bubble of its own.
        let rc = try String(contentsOf: desktop.dunstrc, encoding: .utf8)
        try rc.replacingOccurrences(of: "[global]\n", with: "[global]\n    stack_duplicates = false\n")
            .write(to: desktop.dunstrc, atomically: true, encoding: .utf8)
        try desktop.startDunst()
        home = try DaemonEndToEndTests.Home()
        notify = try NotifySocket(directory: home.root.path)
        monitor = ChildProcess("/usr/bin/dbus-monitor", ["--address", desktop.busAddress, "--monitor",
                                                         "interface='org.freedesktop.Notifications'", "type='method_return'",
                                                         "type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged'"],
                               environment: desktop.environment)
        try monitor.start()
        // dbus-monitor announces nothing once in place but the NameLost of its own name; bounded polling.
        let deadline = Date().addingTimeInterval(10)
        while !monitor.stdout.contains("member=NameLost") {
            guard Date() < deadline else { throw TestSupportError("dbus-monitor did not start: \(monitor.stderr)") }
            usleep(20_000)
        }
        try home.root.write("config/steady/config.toml", KillLoopTests.config)
    }

    func finish() {
        if let dump = ProcessInfo.processInfo.environment["STEADY_KILL_BUS_LOG"] {
            try? monitor.stdout.write(toFile: dump, atomically: true, encoding: .utf8)  // for a look after a failure
        }
        daemon?.stopHard()
        monitor.signal(SIGTERM)
        desktop.stop()
    }

    var environment: [String: String] { home.environment(desktop: desktop, notifySocket: notify.path) }
    var commandEnvironment: [String: String] { home.environment(desktop: desktop, notifySocket: nil) }

    func sqlite(_ query: String) throws -> String { try DaemonEndToEndTests.sqlite(home.journal, query) }

    func startDaemon() throws {
        let daemon = ChildProcess(binary, ["daemon"], environment: environment)
        let before = BusLog(monitor.stdout)
        (eventsBeforeStart, callsBeforeStart) = (before.events.count, before.calls.count)
        try daemon.start()
        self.daemon = daemon
        guard notify.wait(forLine: "READY=1", timeout: 20) != nil else {
            throw TestSupportError("seed \(seed): no READY=1; exit \(String(describing: daemon.waitForExit(timeout: 1))): \(daemon.stderr)")
        }
    }

    /// Kills the daemon (-9), then notes which of the bubbles it showed its journal had not
    /// recorded yet. (Bubbles left by earlier daemons are not its to record: it takes them over
    /// in place, or they were recorded before.)
    func killDaemon() throws {
        guard let daemon else { return }
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 10)
        self.daemon = nil
        // What the daemon wrote just before it died the bus still handles after its death; its
        // name leaving the bus (NameOwnerChanged, sent after those messages) says the bus is
        // done with it. Bounded polling: the monitor's output is the only sign.
        let senders = Set(BusLog(monitor.stdout).calls.dropFirst(callsBeforeStart).map(\.sender))
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let text = monitor.stdout
            let gone = senders.allSatisfy { text.contains("member=NameOwnerChanged\n   string \"\($0)\"\n   string \"\($0)\"\n   string \"\"") }
            // ...and the server has answered every Notify it sent (the reply may come after it died).
            if gone, BusLog(text).calls.dropFirst(callsBeforeStart).allSatisfy({ $0.returnedID != nil }) { break }
            usleep(5_000)
        }
        let recorded = Set(try sqlite("SELECT prompt_id || '/' || handle FROM bubble").split(separator: "\n").map(String.init))
        let log = BusLog(monitor.stdout)
        var itsOwn: Set<UInt32> = []
        for case .shown(let n) in log.events.dropFirst(eventsBeforeStart) { itsOwn.insert(n.returnedID!) }
        for (id, shown) in log.live where shown.isPrompt && itsOwn.contains(id) {
            let key = "\(shown.promptID ?? -1)/\(id)"
            if !recorded.contains(key) { unrecorded.insert(key) }
        }
    }

    func run(cycles: Int) throws {
        for cycle in 0..<cycles {
            try startDaemon()
            // Let the daemon get on with what is due for a random moment (prompts keep coming
            // every few seconds), then answer and kill at random moments.
            usleep(UInt32.random(in: 0...150_000, using: &random))
            var children: [(ChildProcess, Expectation)] = []
            var clicks: [Thread] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: if clicks.isEmpty, let click = try clickABubble() { clicks.append(click) }  // one menu at a time
                case 1: if let child = try answerInTheTerminal() { children.append(child) }
                default: children.append(try addAnEntry(cycle: cycle))
                }
            }
            usleep(UInt32.random(in: 0...300_000, using: &random))
            try killDaemon()
            for (child, expectation) in children {
                // A command in flight finishes on its own (daemon gone: refused, or the journal directly).
                guard let status = child.waitForExit(timeout: 30) else {
                    throw TestSupportError("seed \(seed): \(child.process.arguments ?? []) hung")
                }
                child.waitForOutput()
                if status == 0 {
                    expectations.append((expectation, "\(child.process.arguments ?? []) → \(child.stdout)"))
                    if case .entry = expectation { report.entriesAcknowledged += 1 } else { report.terminalAcknowledged += 1 }
                }
            }
            while clicks.contains(where: { !$0.isFinished }) { usleep(5_000) }  // dunstctl returns quickly
            report.cycles += 1
        }
    }

    /// Picks one of the prompt bubbles on screen and one of its choices (an answer, Later or
    /// Skip), and has dunst's menu invoke it, on a thread of its own.
    func clickABubble() throws -> Thread? {
        let live = BusLog(monitor.stdout).live.filter { $0.value.isPrompt }.sorted { $0.key < $1.key }
        guard !live.isEmpty else { return nil }
        let (id, shown) = live[Int.random(in: 0..<live.count, using: &random)]
        let keys = shown.actions.filter { !["steady:guide", "steady:answer", "default"].contains($0) }
        guard let key = keys.randomElement(using: &random) else { return nil }
        let desktop = desktop
        let thread = Thread { try? desktop.invokeAction(matching: "[\(id),\(key)]") }
        thread.start()
        return thread
    }

    /// `steady answer` for a waiting prompt: its first choice, "skip" or "later".
    func answerInTheTerminal() throws -> (ChildProcess, KillLoop.Expectation)? {
        let due = try sqlite("SELECT id FROM prompt WHERE outcome = 'pending' AND due_at <= strftime('%s', 'now') ORDER BY id")
            .split(separator: "\n").compactMap { Int64($0) }
        guard let id = due.randomElement(using: &random) else { return nil }
        let (value, expectation): (String, Expectation) = switch Int.random(in: 0..<4, using: &random) {
        case 0: ("skip", .skipped(prompt: id))
        case 1: ("later", .snoozed(prompt: id))
        default: ("1", .answered(prompt: id))
        }
        let child = ChildProcess(binary, ["answer", "\(id)", value], environment: commandEnvironment)
        try child.start()
        return (child, expectation)
    }

    func addAnEntry(cycle: Int) throws -> (ChildProcess, Expectation) {
        let text = "kill loop \(seed) cycle \(cycle) \(UInt32.random(in: 0...UInt32.max, using: &random))"
        let child = ChildProcess(binary, ["wins", "add", text], environment: commandEnvironment)
        try child.start()
        return (child, .entry(text: text))
    }

    /// Restarts the daemon once more, waits until it has shown what waits, and checks
    /// everything the loop promised.
    func verify() throws -> Report {
        try startDaemon()
        // Exactly one live bubble per waiting prompt: wait until the daemon has shown them (it
        // announces each on the bus; bounded polling of the monitor's output).
        var problems: [String] = []
        let deadline = Date().addingTimeInterval(20)
        repeat {
            problems = try finalBubbleProblems()
            if problems.isEmpty { break }
            usleep(100_000)
        } while Date() < deadline
        report.finalBubbles = problems
        if !problems.isEmpty {
            report.finalBubbles.append("recorded bubbles: " + (try sqlite("SELECT * FROM bubble")).replacingOccurrences(of: "\n", with: "; "))
        }
        try killDaemon()
        report.seconds = Date().timeIntervalSince(started)

        // Clicks acknowledged on the bus: the daemon that got the click replaced that bubble.
        let log = BusLog(monitor.stdout)
        var clicked: [UInt32: (key: String, destination: String, prompt: Int64)] = [:]
        var liveByID: [UInt32: BusLog.Notify] = [:]
        var seenPrompts = 0
        var endedAt: [Int64: Double] = [:]
        for line in try sqlite("SELECT id, ended_at FROM prompt WHERE ended_at IS NOT NULL").split(separator: "\n") {
            let parts = line.split(separator: "|")
            if parts.count == 2, let id = Int64(parts[0]), let at = Double(parts[1]) { endedAt[id] = at }
        }
        for event in log.events {
            switch event {
            case .action(let id, let key, let destination, _):
                if let shown = liveByID[id], shown.isPrompt, shown.sender == destination, let prompt = shown.promptID {
                    clicked[id] = (key, destination, prompt)
                }
            case .closed(let id):
                liveByID[id] = nil
            case .shown(let n):
                let id = n.returnedID!
                // The blank that takes a bubble down acknowledges only Skip: an answer or Later is
                // acknowledged with words (the thank-you, "Later, then…") or the next question. A
                // blank after another click, or after a Skip on a prompt that had already ended
                // (expired, or answered from the terminal at the same moment, so the click found it
                // finished), is that other ending taking the bubble down, not an acknowledgement.
                let blank = n.category == "x-steady.notice" && n.body.isEmpty
                let endedBefore = clicked[id].flatMap { endedAt[$0.prompt] }.map { $0 <= n.time } ?? false
                let otherEnding = try clicked[id].map { try sqlite("SELECT outcome FROM prompt WHERE id = \($0.prompt)") != "skipped" } ?? false
                if let click = clicked[id], blank, click.key != "steady:skip" || (endedBefore && otherEnding) {
                    clicked[id] = nil
                    let ending = try sqlite("SELECT outcome || ' at ' || ended_at || ', expires ' || expires_at FROM prompt WHERE id = \(click.prompt)")
                    report.takenDownForAnotherReason.append("\(click.key) on bubble \(id) (prompt #\(click.prompt), \(ending)) taken down at \(n.time)")
                } else if let click = clicked[id], n.sender == click.destination, n.replacesID == id,
                   !n.text.contains("nothing was saved"), !(n.isPrompt && n.promptID == click.prompt) {
                    clicked[id] = nil
                    report.bubbleAcknowledged += 1
                    let expectation: Expectation = switch click.key {
                    case "steady:later": .snoozed(prompt: click.prompt)
                    case "steady:skip": .skipped(prompt: click.prompt)
                    default: .answered(prompt: click.prompt)
                    }
                    expectations.append((expectation, "click \(click.key) on bubble \(id) (prompt #\(click.prompt))"))
                }
                if n.isPrompt, let prompt = n.promptID {
                    seenPrompts += 1
                    if let ended = endedAt[prompt], n.time > ended + 0.001, !unrecorded.contains("\(prompt)/\(id)") {
                        report.duplicates.append("prompt #\(prompt) shown in bubble \(id) at \(n.time), after it ended at \(ended)")
                    }
                    let others = liveByID.filter { $0.key != id && $0.value.isPrompt && $0.value.promptID == prompt }
                    for (other, _) in others where !unrecorded.contains("\(prompt)/\(other)") && !unrecorded.contains("\(prompt)/\(id)") {
                        report.duplicates.append("prompt #\(prompt) in bubble \(id) at \(n.time) while bubble \(other) still showed it")
                    }
                }
                liveByID[id] = n
            }
        }
        report.promptsShown = seenPrompts
        report.unrecordedAtKill = unrecorded

        for (expectation, what) in expectations {
            let present: Bool
            switch expectation {
            case .answered(let id):
                present = try sqlite("SELECT count(*) FROM answer WHERE prompt_id = \(id)") == "1"
                    && sqlite("SELECT outcome FROM prompt WHERE id = \(id)") != "pending"
                    || Int(sqlite("SELECT count(*) FROM event WHERE prompt_id = \(id) AND kind = 'snoozed'")) ?? 0 >= 1
            case .skipped(let id):
                present = try sqlite("SELECT outcome FROM prompt WHERE id = \(id)") == "skipped"
            case .snoozed(let id):
                present = try Int(sqlite("SELECT count(*) FROM event WHERE prompt_id = \(id) AND kind = 'snoozed'")) ?? 0 >= 1
            case .entry(let text):
                present = try sqlite("SELECT count(*) FROM entry WHERE instr(payload, '\(text)') > 0") == "1"
            }
            if !present { report.lost.append(what) }
        }
        report.integrity = try sqlite("PRAGMA integrity_check")
        return report
    }

    /// What is wrong with the bubbles on screen now: a waiting, due prompt with no live bubble
    /// or more than one (less those a killed daemon could not record), or a live bubble for a
    /// prompt that has ended.
    func finalBubbleProblems() throws -> [String] {
        let waiting = Set(try sqlite("""
            SELECT id FROM prompt WHERE outcome = 'pending' AND due_at <= strftime('%s', 'now') AND expires_at > strftime('%s', 'now') + 1
            """).split(separator: "\n").compactMap { Int64($0) })
        let ended = Set(try sqlite("SELECT id FROM prompt WHERE outcome != 'pending'").split(separator: "\n").compactMap { Int64($0) })
        var bubbles: [Int64: [UInt32]] = [:]
        for (id, shown) in BusLog(monitor.stdout).live where shown.isPrompt {
            guard let prompt = shown.promptID, !unrecorded.contains("\(prompt)/\(id)") else { continue }
            bubbles[prompt, default: []].append(id)
        }
        var problems: [String] = []
        for prompt in waiting where bubbles[prompt]?.count != 1 {
            problems.append("prompt #\(prompt) waits with \(bubbles[prompt]?.count ?? 0) live bubbles \(bubbles[prompt] ?? [])")
        }
        for (prompt, ids) in bubbles where ended.contains(prompt) {
            problems.append("prompt #\(prompt) has ended but bubble(s) \(ids) still show it")
        }
        return problems
    }
}
