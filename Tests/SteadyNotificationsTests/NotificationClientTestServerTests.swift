import Foundation
import SteadyNotifications
import SteadyBus
import SteadyTestSupport
import Testing

/// The notification client against ``TestNotificationServer``: what exactly goes on the wire,
/// inline replies (no Debian server has them), and the signals a real server rarely sends.
@Suite("NotificationClient with the test server", .serialized)
struct NotificationClientTestServerTests {
    let session: DesktopSession

    init() throws {
        session = try DesktopSession(startDunst: false)
    }

    private func start(
        capabilities: [String] = ["actions", "body", "inline-reply"], answersNotify: Bool = true,
        callTimeout: Duration = .seconds(5)
    ) async throws -> (TestNotificationServer, NotificationHarness) {
        let server = try TestNotificationServer(
            address: session.busAddress, capabilities: capabilities, answersNotify: answersNotify)
        let harness = try NotificationHarness(busAddress: session.busAddress, callTimeout: callTimeout)
        let info = try await harness.serverAppeared()
        #expect(info.capabilities == Set(capabilities))
        return (server, harness)
    }

    @Test func inlineReply_onAServerWithInlineReply_isReportedAsReplied() async throws {
        let (server, harness) = try await start()
        let id = try await harness.notify(
            DesktopNotification(
                appName: "steady-tests", summary: "Evening reflection", body: "One thing that went well today?",
                actions: [.init(key: "skip", label: "Skip")],
                inlineReply: .init(label: "Answer", placeholder: "A few words…", submitLabel: "Save")))

        let sent = try #require(server.received.first)
        #expect(sent.actions == ["skip", "Skip", "inline-reply", "Answer"])
        #expect(sent.hints["x-kde-reply-placeholder-text"] == .string("A few words…"))
        #expect(sent.hints["x-kde-reply-submit-button-text"] == .string("Save"))

        try server.emitReplied(id: id, text: "I called my sister 📞 — שלום")

        #expect(try await harness.replied(id: id) == "I called my sister 📞 — שלום")
    }

    @Test func inlineReply_onAServerWithoutIt_isLeftOut() async throws {
        let (server, harness) = try await start(capabilities: ["actions", "body"])

        _ = try await harness.notify(
            DesktopNotification(
                appName: "steady-tests", summary: "Evening reflection", actions: [.init(key: "done", label: "Done")],
                inlineReply: .init(label: "Answer", placeholder: "A few words…")))

        let sent = try #require(server.received.first)
        #expect(sent.actions == ["done", "Done"])
        #expect(sent.hints["x-kde-reply-placeholder-text"] == nil)
    }

    @Test func notify_sendsEveryFieldAndQuietDefaultHints() async throws {
        let (server, harness) = try await start()

        let id = try await harness.notify(
            DesktopNotification(
                appName: "steady", icon: "steady", summary: "Breathe", body: "Four in, seven hold, eight out.",
                category: "x-steady.prompt", desktopEntry: "steady", transient: true, expireTimeout: 90_000))

        #expect(id == 1)
        let sent = try #require(server.received.first)
        #expect(sent.appName == "steady")
        #expect(sent.replacesID == 0)
        #expect(sent.icon == "steady")
        #expect(sent.summary == "Breathe")
        #expect(sent.body == "Four in, seven hold, eight out.")
        #expect(sent.actions.isEmpty)
        #expect(sent.expireTimeout == 90_000)
        #expect(
            sent.hints == [
                "urgency": .byte(0), "suppress-sound": .bool(true), "category": .string("x-steady.prompt"),
                "desktop-entry": .string("steady"), "transient": .bool(true),
            ])
    }

    @Test func body_isEscapedOnlyForServersWithBodyMarkup() async throws {
        let text = "Tom & Jerry <b>not bold</b>"
        let (plainServer, plainHarness) = try await start(capabilities: ["body"])
        _ = try await plainHarness.notify(DesktopNotification(appName: "t", summary: "s", body: text))
        plainServer.stop()
        try await plainHarness.serverVanished()

        let markupServer = try TestNotificationServer(address: session.busAddress, capabilities: ["body", "body-markup"])
        let info = try await plainHarness.serverAppeared()
        #expect(info.hasBodyMarkup)
        _ = try await plainHarness.notify(DesktopNotification(appName: "t", summary: "s", body: text))

        #expect(plainServer.received.first?.body == text)
        #expect(markupServer.received.first?.body == "Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;")
    }

    @Test func actionAndCloseSignals_areReportedWithTheirReasons() async throws {
        let (server, harness) = try await start()
        let id = try await harness.notify(
            DesktopNotification(appName: "t", summary: "s", actions: [.init(key: "default", label: "Open")]))

        try server.emitActionInvoked(id: id, key: "default")
        #expect(try await harness.actionInvoked(id: id) == "default")
        try server.emitClosed(id: id, reason: 99)
        #expect(try await harness.closed(id: id) == .undefined)
        let second = try await harness.notify(DesktopNotification(appName: "t", summary: "s"))
        try server.emitClosed(id: second, reason: 4)
        #expect(try await harness.closed(id: second) == .undefined)
        let third = try await harness.notify(DesktopNotification(appName: "t", summary: "s"))
        try await harness.closeNotification(id: third)
        #expect(try await harness.closed(id: third) == .closedByCall)
    }

    @Test func repeatedSignals_areReportedOnce_untilTheIdIsShownAgain() async throws {
        let (server, harness) = try await start()
        let id = try await harness.notify(
            DesktopNotification(appName: "t", summary: "s", actions: [.init(key: "later", label: "Later")]))
        try server.emitActionInvoked(id: id, key: "later")
        try server.emitActionInvoked(id: id, key: "later")
        try server.emitClosed(id: id, reason: 2)
        try server.emitClosed(id: id, reason: 2)
        // The server sends in order: once a later signal is in, the copies before it were seen.
        let marker = try await harness.notify(DesktopNotification(appName: "t", summary: "marker"))
        try server.emitClosed(id: marker, reason: 1)
        _ = try await harness.closed(id: marker)
        _ = try await harness.actionInvoked(id: id)  // the one reported
        #expect(harness.events.all.filter { $0 == .actionInvoked(id: id, actionKey: "later") }.count == 1)
        #expect(harness.events.all.filter { $0 == .closed(id: id, reason: .dismissed) }.count == 1)

        // Shown again in place (replaces_id), the same id takes a new action.
        let again = try await harness.notify(DesktopNotification(appName: "t", replacesID: id, summary: "s"))
        #expect(again == id)
        try server.emitActionInvoked(id: id, key: "later")
        #expect(try await harness.actionInvoked(id: id) == "later")
        #expect(harness.events.all.filter { $0 == .actionInvoked(id: id, actionKey: "later") }.count == 2)
    }

    @Test func signalsFromAnotherConnection_areIgnored() async throws {
        let (server, harness) = try await start()
        let id = try await harness.notify(
            DesktopNotification(appName: "t", summary: "s", actions: [.init(key: "real", label: "Real")]))
        let client = try #require(harness.connection.queue.sync { harness.connection.uniqueName })

        try TestNotificationServer.sendImpostorSignal(address: session.busAddress, to: client, member: "ActionInvoked") {
            writer throws(BusError) in
            try writer.append(id)
            try writer.append("impostor")
        }
        try server.emitActionInvoked(id: id, key: "real")

        #expect(try await harness.actionInvoked(id: id) == "real")
        #expect(!harness.events.all.contains(.actionInvoked(id: id, actionKey: "impostor")))
    }

    @Test func notify_whenTheServerNeverAnswers_failsWithATimeout() async throws {
        let (server, harness) = try await start(answersNotify: false, callTimeout: .milliseconds(300))
        let started = ContinuousClock.now

        let error = await #expect(throws: BusError.self) {
            _ = try await harness.notify(DesktopNotification(appName: "t", summary: "s"))
        }

        #expect(error?.code == .timeout)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(server.received.count == 1)
    }
}
