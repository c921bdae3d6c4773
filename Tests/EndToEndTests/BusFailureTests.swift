import Foundation
import SteadyTestSupport
import Testing

/// The session bus and the notification server fail under a running daemon with a prompt on
/// screen: dunst is killed -9, dunst is replaced by another server (notification-daemon), and
/// the dbus-daemon itself is killed -9 and started again at the same address.
///
/// What steady does: it stays running throughout (the control socket and the journal do not
/// need the bus). A server that goes leaves the prompt pending; the next server to take the
/// name shows it once. A bus that goes is connected to again after 1, 2, 4 … s (at most a
/// minute apart); once a server is on the new bus the prompt is shown once, and answers on it
/// reach the journal. Each test checks the journal (one prompt, still pending, one more
/// delivery), the wire (`Notify` calls, through dbus-monitor) and the screen (dunst's count).
@Suite(.serialized) struct BusFailureTests {
    typealias Home = DaemonEndToEndTests.Home

    /// A server that owns the name but answers nothing when the daemon starts (busy at login)
    /// is asked again until it does: the prompt is shown then, once. Before, the daemon gave
    /// up after one unanswered call and showed nothing until another server took the name.
    @Test func aServerSilentAtStart_isAskedAgain_andThePromptIsShownOnceItAnswers() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        desktop.signalDunst(SIGSTOP)
        defer { desktop.signalDunst(SIGCONT) }
        let slot = DaemonEndToEndTests.slot(inSeconds: 2).expression
        let daemon = try NotificationLifecycleTests.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "\(slot)"
            """, pending: 1)
        defer { daemon.stopHard() }
        // Bounded polling of the daemon's log: its warning is the event that the first call
        // went unanswered (5 s), and nothing else announces it.
        let deadline = Date().addingTimeInterval(20)
        while !daemon.stderr.contains("the notification server does not answer; asking again") && Date() < deadline {
            usleep(100_000)
        }
        #expect(daemon.stderr.contains("the notification server does not answer; asking again"), "\(daemon.stderr)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM prompt WHERE delivered_at IS NULL") == "1")

        desktop.signalDunst(SIGCONT)
        try desktop.waitForDisplayedCount(1, timeout: .seconds(30))
        let notifies = try monitor.waitForNotifies(1)
        #expect(notifies.count == 1, "\(notifies)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*), min(outcome) FROM prompt WHERE delivered_at IS NOT NULL") == "1|pending")
    }

    /// A daemon with one morning-mindfulness prompt on dunst's screen.
    struct Scene {
        let desktop: DesktopSession
        let home: Home
        let notify: NotifySocket
        let daemon: ChildProcess
        var monitor: BusMonitor

        init() throws {
            desktop = try DesktopSession()
            home = try Home()
            notify = try NotifySocket(directory: home.root.path)
            monitor = try BusMonitor(session: desktop)
            let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
            daemon = try NotificationLifecycleTests.startDaemon(home, desktop: desktop, notify: notify, config: """
                quiet-hours = "off"
                [practices.morning-mindfulness]
                schedule = "\(slot)"
                """, pending: 1)
            try desktop.waitForDisplayedCount(1)
            _ = try monitor.waitForNotifies(1)
        }

        func sqlite(_ query: String) throws -> String { try DaemonEndToEndTests.sqlite(home.journal, query) }

        /// The prompt is still waiting and nothing was answered, lost or added.
        func expectStillPending(_ when: String) throws {
            #expect(try sqlite("SELECT count(*), min(outcome) FROM prompt") == "1|pending", "\(when)")
            #expect(try sqlite("SELECT count(*) FROM answer") == "0", "\(when)")
        }

        /// `steady status` is answered by this daemon (it is up, and its engine is not stuck).
        func expectDaemonAnswers(_ when: String) throws {
            let status = try DaemonEndToEndTests.steady(["status"], home.environment(desktop: desktop, notifySocket: nil))
            #expect(status.stdout.contains("steady is running (pid \(daemon.pid)"), "\(when): \(status.stdout)\(status.stderr)")
        }

        /// Chooses "Later" on the bubble now on screen and waits until the journal has it: the
        /// new bubble is live, its action reached this daemon.
        func laterOnTheBubble() throws {
            try desktop.invokeAction(matching: ",steady:later]")
            let snoozed = notify.wait(timeout: 10) { $0.notifyField("STATUS").map { !$0.contains("pending") } ?? false }
            #expect(snoozed != nil, "stderr: \(daemon.stderr.suffix(800))")
            #expect(try sqlite("SELECT outcome, snoozes FROM prompt") == "pending|1")
        }

        func stop() {
            daemon.signal(SIGTERM)
            #expect(daemon.waitForExit(timeout: 2) == 0, "stderr: \(daemon.stderr.suffix(800))")
        }
    }

    @Test func serverKilledHard_whileAPromptIsShown_keepsItPending_andTheNextServerShowsItOnce() throws {
        let scene = try Scene()
        defer { scene.daemon.stopHard() }

        try scene.desktop.killDunst(signal: SIGKILL)
        try scene.expectDaemonAnswers("after dunst was killed")
        try scene.expectStillPending("after dunst was killed")

        let start = ContinuousClock.now
        try scene.desktop.startDunst()
        try scene.desktop.waitForDisplayedCount(1)
        let calls = try scene.monitor.waitForNotifies(2)
        print("bus failure: dunst killed -9 and started again; the prompt was on screen again \(ContinuousClock.now - start) after dunst was started")
        #expect(calls.count == 2, "shown once more, once: \(calls)")
        #expect(calls[1].replacesID == 0 && calls[1].summary == calls[0].summary, "a new bubble for the same prompt: \(calls)")
        #expect(try scene.sqlite("SELECT count(*) FROM event WHERE kind = 'delivered'") == "2")
        try scene.expectStillPending("after dunst came back")

        try scene.laterOnTheBubble()
        #expect(try scene.desktop.displayedCount() <= 1, "no second bubble with buttons")
        scene.stop()
    }

    @Test func serverReplacedByAnother_showsThePromptOnTheNewOne_once() throws {
        let scene = try Scene()
        defer { scene.daemon.stopHard() }

        try scene.desktop.killDunst(signal: SIGKILL)
        let start = ContinuousClock.now
        let other = try scene.desktop.startServer(name: "notification-daemon", executable: "/usr/lib/notification-daemon/notification-daemon")
        defer { other.stop() }
        let calls = try scene.monitor.waitForNotifies(2)
        print("bus failure: dunst killed -9, notification-daemon took the name; the prompt was shown there \(ContinuousClock.now - start) after it started")
        #expect(calls.count == 2, "shown once on the new server: \(calls)")
        #expect(calls[1].summary == calls[0].summary && calls[1].returnedID != nil, "\(calls)")
        #expect(try scene.sqlite("SELECT count(*) FROM event WHERE kind = 'delivered'") == "2")
        try scene.expectStillPending("after the server was replaced")
        let status = try DaemonEndToEndTests.steady(["status"], scene.home.environment(desktop: scene.desktop, notifySocket: nil))
        #expect(status.stdout.contains("Notifications appear through Notification Daemon")
                || status.stdout.contains("Notifications appear through notification-daemon"), "\(status.stdout)")
        #expect(!status.stdout.contains("dunst"), "\(status.stdout)")
        scene.stop()
    }

    @Test func busKilledHard_daemonStaysUp_reconnects_andShowsThePromptOnce() throws {
        var scene = try Scene()
        defer { scene.daemon.stopHard() }

        try scene.desktop.killBus(signal: SIGKILL)
        let lost = ContinuousClock.now
        try scene.desktop.killDunst(signal: SIGKILL)  // if it has not ended with its bus
        try scene.expectDaemonAnswers("without a session bus")
        try scene.expectStillPending("without a session bus")
        #expect(scene.daemon.isRunning)

        try scene.desktop.restartBus()
        scene.monitor = try BusMonitor(session: scene.desktop)
        try scene.desktop.startDunst()
        let back = ContinuousClock.now
        // steady tries again 1, 2, 4 … s after the loss: within 8 s of a bus that came back
        // within a few seconds, plus the server's own start.
        try scene.desktop.waitForDisplayedCount(1, timeout: .seconds(20))
        let calls = try scene.monitor.waitForNotifies(1)
        print("bus failure: dbus-daemon killed -9 and restarted \(back - lost) later; the prompt was on screen again "
              + "\(ContinuousClock.now - back) after the new bus and dunst were up")
        #expect(calls.count == 1, "shown once on the new bus: \(calls)")
        #expect(try scene.sqlite("SELECT count(*) FROM event WHERE kind = 'delivered'") == "2")
        try scene.expectStillPending("after the bus came back")
        #expect(scene.daemon.stderr.contains("lost the session bus"), "\(scene.daemon.stderr.suffix(800))")

        try scene.laterOnTheBubble()
        scene.stop()
    }
}
