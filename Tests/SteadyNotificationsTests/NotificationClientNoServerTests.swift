import Foundation
import SteadyNotifications
import SteadyBus
import SteadyTestSupport
import Testing

/// The notification client on a bus where nobody owns org.freedesktop.Notifications (and
/// nothing can be activated): it must fail plainly, not crash or retry, and notice a server later.
@Suite("NotificationClient without a server", .serialized)
struct NotificationClientNoServerTests {
    let session: DesktopSession
    let harness: NotificationHarness

    init() throws {
        session = try DesktopSession(startDunst: false)
        harness = try NotificationHarness(busAddress: session.busAddress)
    }

    @Test func notify_withNoServer_failsWithAClearError() async throws {
        let error = await #expect(throws: BusError.self) {
            _ = try await harness.notify(DesktopNotification(appName: "steady-tests", summary: "Anyone there?"))
        }

        #expect(error?.code == .serviceUnknown)
        #expect(error?.message.hasPrefix("No desktop notification server is running") == true, "\(String(describing: error))")
        #expect(harness.server == nil)
        #expect(harness.events.all.isEmpty)
    }

    @Test func serverStartingLater_isAnnouncedAndThenUsable() async throws {
        _ = try? await harness.notify(DesktopNotification(appName: "steady-tests", summary: "Too early"))

        try session.startDunst()

        let info = try await harness.serverAppeared()
        #expect(info.name == "dunst")
        let id = try await harness.notify(DesktopNotification(appName: "steady-tests", summary: "Now", expireTimeout: 0))
        #expect(id > 0)
        try session.waitForDisplayedCount(1)
    }

    @Test func closeNotification_withNoServer_failsWithAClearError() async throws {
        let error = await #expect(throws: BusError.self) { try await harness.closeNotification(id: 7) }

        #expect(error?.code == .serviceUnknown)
    }
}
