import Foundation
import SteadyTestSupport
import Testing

/// The two optional practices, turned on, answered on a real dunst bubble as a person would:
/// boundaries (a small no, and resentment noted) and time alone (start, how anxious now, the
/// end marked later), plus the evening reflection's feeling word in the same bubble.
@Suite(.serialized) struct RelationshipPracticesDunstTests {
    typealias Home = DaemonEndToEndTests.Home

    @Test func boundaries_aSmallNo_isAnsweredOnTheBubble_andTheCheckInIsSetForLater() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try NotificationLifecycleTests.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.boundaries]
            enabled = true
            schedule = "\(slot)"
            """, pending: 1)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)
        let invitation = try monitor.waitForNotifies(1)[0]
        #expect(invitation.actions.contains("try") && invitation.actions.contains("resentment") && invitation.actions.contains("not-now"),
                "\(invitation)")
        #expect(!invitation.actions.contains("steady:skip"), "its own 'Not this week' lets it pass")
        try desktop.invokeAction(matching: ",try]")
        let notice = try monitor.waitForNotifies(2)[1]
        #expect(notice.replacesID == invitation.returnedID, "\(notice)")
        #expect(notice.plainBody.hasPrefix("Good luck with it. I'll ask in a few days how it went"), "\(notice)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, """
            SELECT p.practice, a.text, a.channel FROM prompt p JOIN answer a ON a.prompt_id = p.id
            """) == "boundaries|try|notification")
        // Three days later, the check-in: waiting in the journal, not shown before then.
        #expect(try DaemonEndToEndTests.sqlite(home.journal, """
            SELECT follow_up_key, outcome, round((due_at - created_at) / 86400) FROM prompt WHERE kind = 'follow-up'
            """) == "how-it-went|pending|3.0")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func timeAlone_startMarksTheStart_asksHowAnxiousInTheSameBubble_andSetsTheEnd() throws {
        let desktop = try DesktopSession()
        let home = try Home()
        let notify = try NotifySocket(directory: home.root.path)
        let monitor = try BusMonitor(session: desktop)
        let slot = DaemonEndToEndTests.slot(inSeconds: 3).expression
        let daemon = try NotificationLifecycleTests.startDaemon(home, desktop: desktop, notify: notify, config: """
            quiet-hours = "off"
            [practices.time-alone]
            enabled = true
            schedule = "\(slot)"
            minutes = 20
            """, pending: 1)
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        try desktop.waitForDisplayedCount(1)
        let invitation = try monitor.waitForNotifies(1)[0]
        #expect(invitation.plainBody.hasPrefix("20 minutes, with something you enjoy"), "\(invitation)")
        try desktop.invokeAction(matching: ",start-20]")
        let before = try monitor.waitForNotifies(2)[1]
        #expect(before.replacesID == invitation.returnedID && before.summary == "Before you begin", "\(before)")
        #expect(before.actions.contains("6"), "\(before)")
        try desktop.invokeAction(matching: ",6]")
        let thanks = try monitor.waitForNotifies(3)[2]
        #expect(thanks.plainBody == "Thank you. Enjoy the time; I'll ask again at the end.", "\(thanks)")
        #expect(try DaemonEndToEndTests.sqlite(home.journal, """
            SELECT p.follow_up_key, coalesce(a.text, a.number) FROM prompt p JOIN answer a ON a.prompt_id = p.id ORDER BY p.id
            """) == "|start-20\nbefore|6")
        // The end is marked twenty minutes after the start.
        #expect(try DaemonEndToEndTests.sqlite(home.journal, """
            SELECT e.follow_up_key, e.outcome, round(e.due_at - a.answered_at) FROM prompt e, answer a
            WHERE e.follow_up_key = 'end' AND a.prompt_id = e.parent_id
            """) == "end|pending|1200.0")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }

    @Test func eveningReflection_asksForAFeelingWord_inTheSameBubble() throws {
        let desktop = try DesktopSession()
        let home = try Home()
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
        let rating = try monitor.waitForNotifies(1)[0]
        try desktop.invokeAction(matching: ",2]")
        let feeling = try monitor.waitForNotifies(2)[1]
        #expect(feeling.replacesID == rating.returnedID && feeling.summary == "A word for tonight", "\(feeling)")
        #expect(feeling.actions.contains("tired") && feeling.actions.contains("own"), "\(feeling)")
        try desktop.invokeAction(matching: ",tired]")
        let thanks = try monitor.waitForNotifies(3)[2]
        #expect(thanks.plainBody == "Thank you for naming it. It's in your journal with the day.", "\(thanks)")
        let stats = try DaemonEndToEndTests.steady(["stats", "--since", "all"], home.environment(desktop: desktop, notifySocket: nil))
        #expect(stats.stdout.contains("Feelings you named\n  tired 1"), "\(stats.stdout)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 1) == 0)
    }
}
