import Foundation
import SteadyNotifications
import SteadyBus
import SteadyTestSupport
import Testing

/// The notification client against a real dunst on a private bus and display.
@Suite("NotificationClient with dunst", .serialized)
struct NotificationClientDunstTests {
    let session: DesktopSession
    let harness: NotificationHarness

    init() throws {
        session = try DesktopSession()
        harness = try NotificationHarness(busAddress: session.busAddress)
    }

    private func prompt(_ summary: String = "A gentle check-in", actions: [NotificationAction] = [], expire: Int32 = 0)
        -> DesktopNotification
    {
        DesktopNotification(
            appName: "steady-tests", summary: summary, body: "How are you arriving in this moment?",
            actions: actions, desktopEntry: "steady", expireTimeout: expire)
    }

    @Test func start_withDunstRunning_readsCapabilitiesAndServerInformation() async throws {
        let info = try await harness.serverAppeared()

        #expect(info.name == "dunst")
        #expect(info.vendor == "knopwob")
        #expect(info.specVersion == "1.2")
        #expect(info.version.hasPrefix("1."))
        #expect(info.capabilities.isSuperset(of: ["actions", "body", "body-markup"]))
        #expect(!info.hasInlineReply)
        #expect(harness.server == info)
    }

    @Test func notify_withActions_isShownByDunst() async throws {
        let blank = session.directory.appendingPathComponent("before.png")
        let shown = session.directory.appendingPathComponent("after.png")
        try session.screenshot(to: blank)

        let id = try await harness.notify(
            prompt(actions: [.init(key: "calm", label: "Calm"), .init(key: "later", label: "Later")]))

        #expect(id > 0)
        try session.waitForDisplayedCount(1)
        try session.screenshot(to: shown)
        #expect(try meanBrightness(blank) == 0, "the empty Xvfb screen is black")
        #expect(try meanBrightness(shown) > 0, "dunst drew a bubble on the screen")
    }

    @Test func actionChosenInDunst_isReportedAsActionInvoked() async throws {
        let id = try await harness.notify(
            prompt(actions: [.init(key: "calm", label: "Calm"), .init(key: "later", label: "Later")]))
        try session.waitForDisplayedCount(1)

        try session.invokeAction(matching: ",later]")

        let key = try await harness.actionInvoked(id: id)
        #expect(key == "later")
        // dunst 1.9 leaves the bubble up after a context-menu action (a mouse click with
        // close_current would close it): whoever handles the answer closes it.
        #expect(try session.displayedCount() == 1)
        #expect(!harness.events.all.contains { if case .closed = $0 { true } else { false } })
        let menu = try String(contentsOf: session.dmenuInputLog, encoding: .utf8)
        #expect(menu.contains("[\(id),calm]") && menu.contains("[\(id),later]"), "dunst offered both actions: \(menu)")
    }

    @Test func hostileBody_isShownLiterallyByDunst() async throws {
        var notification = prompt("Check-in")
        notification.body = "Tom & Jerry <b>not bold</b> &amp; 'quoted'"
        let id = try await harness.notify(notification)
        try session.waitForDisplayedCount(1)

        try session.dismiss()
        _ = try await harness.closed(id: id)

        // dunst keeps the markup it rendered as "message": escaped text renders literally.
        let history = try session.historyJSON()
        #expect(history.contains("Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#39;quoted&#39;"), "\(history)")
        #expect(!history.contains("<b>not bold</b>"))
    }

    @Test func dismissedInDunst_isReportedAsClosedDismissed() async throws {
        let id = try await harness.notify(prompt())
        try session.waitForDisplayedCount(1)

        try session.dismiss()

        #expect(try await harness.closed(id: id) == .dismissed)
        try session.waitForDisplayedCount(0)
    }

    @Test func shortExpireTimeout_isReportedAsClosedExpired() async throws {
        let id = try await harness.notify(prompt(expire: 300))

        #expect(try await harness.closed(id: id) == .expired)
    }

    @Test func closeNotification_isReportedAsClosedByCall() async throws {
        let id = try await harness.notify(prompt())
        try session.waitForDisplayedCount(1)

        try await harness.closeNotification(id: id)

        #expect(try await harness.closed(id: id) == .closedByCall)
        try session.waitForDisplayedCount(0)
    }

    @Test func notify_withReplacesID_updatesInPlace() async throws {
        let first = try await harness.notify(prompt("First wording"))
        try session.waitForDisplayedCount(1)

        var update = prompt("Second wording")
        update.replacesID = first
        let second = try await harness.notify(update)
        // dunst handles calls in order: once this third one shows, the update has been applied.
        _ = try await harness.notify(prompt("Something else"))
        try session.waitForDisplayedCount(2)

        #expect(second == first)
        #expect(try session.displayedCount() == 2, "the update replaced the first notification instead of adding one")
        try session.dismissAll()
        try session.waitForDisplayedCount(0)
        let history = try session.historyJSON()
        #expect(history.contains("Second wording"))
        #expect(!history.contains("First wording"))
        #expect(!harness.events.all.contains(.closed(id: first, reason: .undefined)))
    }

    @Test func dunstRestart_reportsVanishedThenAppearedWithFreshCapabilities() async throws {
        let before = try await harness.serverAppeared()
        let id = try await harness.notify(prompt())

        try session.killDunst()
        try await harness.serverVanished()
        #expect(harness.server == nil)

        try session.startDunst()
        let after = try await harness.serverAppeared()
        #expect(after == before)
        #expect(harness.server == after)
        let appearances = harness.events.all.filter { if case .serverAppeared = $0 { true } else { false } }
        #expect(appearances.count == 2, "one per server owner: \(harness.events.all)")
        let newID = try await harness.notify(prompt("After the restart"))
        try session.waitForDisplayedCount(1)
        #expect(newID > 0)
        _ = id
    }

    // MARK: - Helpers

    /// The mean brightness (0…1) of a PNG, measured by imagemagick.
    private func meanBrightness(_ png: URL) throws -> Double {
        let text = try session.run("/usr/bin/convert", [png.path, "-format", "%[fx:mean]", "info:"])
        return try #require(Double(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
