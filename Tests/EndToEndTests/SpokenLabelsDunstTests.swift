import Foundation
import SteadyTestSupport
import Testing

/// A scale check-in on a real notification server (dunst, on a private bus and Xvfb): its
/// actions say what each point means, as a screen reader reads them, and choosing one by
/// those words is an answer like any other.
@Suite(.serialized) struct SpokenLabelsDunstTests {
    @Test func eveningScale_onDunst_offersEachPointWithItsMeaning_andChoosingByTheWordsAnswers() throws {
        let desktop = try DesktopSession()
        let home = try DaemonEndToEndTests.Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try NotificationLifecycleTests.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.evening-reflection]
            schedule = "\(slot)"
            """, pending: 1)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)

        let prompt = try #require(try monitor.waitForNotifies(1).first)
        let labels = Dictionary(uniqueKeysWithValues: zip(prompt.actions, prompt.actionLabels).map { ($0, $1) })
        #expect(labels["1"] == "1 — unsettled" && labels["4"] == "4 — fairly settled" && labels["5"] == "5 — settled", "\(prompt)")

        // A person using dunst's menu picks the line that says "fairly settled".
        try desktop.invokeAction(matching: "fairly settled")
        // The answer is kept before the bubble changes (a thank-you, or the next question in its place).
        _ = try monitor.waitForNotifies(2, timeout: .seconds(15))
        let offered = try String(contentsOf: desktop.dmenuInputLog, encoding: .utf8)
        #expect(offered.contains("4 — fairly settled"), "dunst's menu: \(offered)")
        let row = try DaemonEndToEndTests.sqlite(home.journal, """
            SELECT a.number, a.channel FROM answer a JOIN prompt p ON p.id = a.prompt_id WHERE p.practice = 'evening-reflection'
            """)
        #expect(row == "4|notification")
    }
}
