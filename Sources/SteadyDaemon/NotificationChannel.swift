import Dispatch
import Logging
import SteadyNotifications
import SteadyJournal
import SteadyConfig
import SteadyKit
import SteadyBus
import SteadyLocalization

/// Shows prompts as desktop notifications on the session bus and turns clicks into events.
///
/// Without a session bus or a notification server it is simply unavailable: prompts stay
/// pending for `steady status` / `steady answer`, and nothing retries in a loop. When a server
/// appears later (`NameOwnerChanged`), the engine is told and shows what is waiting.
///
/// When a session bus it had goes away (its dbus-daemon ended or was restarted), the bubbles
/// went with it: the engine is told the channel is unavailable, and steady connects again
/// after 1, 2, 4 … seconds (at most a minute apart) until the bus is back, then shows what is
/// pending once more. Only a bus that went away is waited for: where there was none at start,
/// steady runs without one, with no timers at all.
final class NotificationChannel: PromptChannel {
    private let queue: DispatchQueue
    private let logger: Logger
    private var client: NotificationClient?
    var onEvent: ((ChannelEvent) -> Void)?
    /// Armed only while a lost bus is being waited for.
    private var reconnectTimer: DispatchSourceTimer?
    /// Attempts since the bus was lost; the next waits `reconnectDelay(after:)`.
    private var reconnectAttempts = 0
    /// When the current connection was made, to tell a bus that stays from one that keeps dropping.
    private var connectedAt: ContinuousClock.Instant?

    init(queue: DispatchQueue, logger: Logger) {
        self.queue = queue
        self.logger = logger
    }

    var isAvailable: Bool { client?.server != nil }

    var serverName: String? {
        client?.server.map { "\($0.name) \($0.version)" }
    }

    /// Connects to the session bus and starts watching for a notification server. On `queue`.
    func connect() {
        do {
            try open()
        } catch {
            logger.warning("no session bus; prompts will wait for `steady answer`", metadata: ["error": "\(Localization.english(error))"])
        }
    }

    private func open() throws(BusError) {
        let connection = try BusConnection.session(queue: queue)
        connection.onDisconnect = { [unowned self] error in self.lost(error) }
        let client = NotificationClient(connection: connection)
        client.onEvent = { [unowned self] event in self.translate(event) }
        client.start()
        self.client = client
        connectedAt = .now
    }

    /// The bus went away: its bubbles are gone, prompts stay pending, and steady connects again.
    private func lost(_ error: BusError) {
        let hadServer = client?.server != nil
        client?.stop()
        client = nil
        // A connection that lasted a while was a working bus: start the back-off afresh.
        if let connectedAt, ContinuousClock.now - connectedAt > .seconds(10) { reconnectAttempts = 0 }
        connectedAt = nil
        logger.warning("lost the session bus; prompts stay pending until it is back", metadata: ["error": "\(Localization.english(error))"])
        if hadServer { onEvent?(.unavailable) }
        scheduleReconnect()
    }

    /// The wait before attempt `attempt` (0-based): 1 s, doubling, at most a minute.
    static func reconnectDelay(after attempt: Int) -> Duration {
        .seconds(min(60, 1 << min(attempt, 6)))
    }

    private func scheduleReconnect() {
        reconnectTimer?.cancel()
        let delay = Self.reconnectDelay(after: reconnectAttempts)
        reconnectAttempts += 1
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(Int(delay.components.seconds * 1_000)), leeway: .milliseconds(100))
        timer.setEventHandler { [unowned self] in
            reconnectTimer?.cancel()
            reconnectTimer = nil
            do {
                try open()
                logger.notice("connected to the session bus again")
            } catch {
                logger.debug("the session bus is not back yet", metadata: ["error": "\(Localization.english(error))", "attempt": "\(reconnectAttempts)"])
                scheduleReconnect()
            }
        }
        reconnectTimer = timer
        timer.resume()
    }

    func disconnect() {
        reconnectTimer?.cancel()
        reconnectTimer = nil
        client?.stop()
        client?.connection.onDisconnect = nil
        client?.connection.close()
        client = nil
    }

    var name: String { "notification" }

    var instance: String? { client?.serverInstance }

    func show(_ offer: Offer, replacing handle: UInt32?, completion: @escaping (Result<UInt32, any Error>) -> Void) {
        guard let client else {
            // English: a channel failure is logged
            completion(.failure(BusError(.closed, "There is no session bus connection.")))
            return
        }
        client.notify(Self.notification(for: offer, server: client.server, replacing: inPlace(handle))) { result in
            completion(result.mapError { $0 as any Error })
        }
    }

    /// `handle` where the server replaces in place; elsewhere the old bubble is closed and nil
    /// is returned, so a new one takes its turn.
    private func inPlace(_ handle: UInt32?) -> UInt32? {
        guard let handle, let client, client.server?.replacesInPlace == false else { return handle }
        client.closeNotification(id: handle)
        return nil
    }

    /// Takes a bubble down. Some servers keep a bubble on screen after `CloseNotification`
    /// (notification-daemon 3.20 does, and then blocks every later bubble behind it), so the
    /// bubble first becomes a blank transient notice that expires by itself within a second,
    /// then is closed; where closing works, the blank is never seen. Both go out at once (the
    /// server handles one connection's messages in order), so this works on the way out too.
    func withdraw(_ handle: UInt32) {
        guard let client else { return }
        if client.server?.replacesInPlace == true {
            client.notify(Self.blank(replacing: handle)) { _ in }
        }
        client.closeNotification(id: handle)
    }

    /// What a bubble turns into while it is taken down: nothing to read, gone within a second.
    static func blank(replacing handle: UInt32) -> DesktopNotification {
        DesktopNotification(
            appName: "steady", replacesID: handle, icon: "steady", summary: "steady", body: "", urgency: .low,
            category: "x-steady.notice", desktopEntry: "steady", suppressSound: true, transient: true, expireTimeout: 1_000)
    }

    func showNotice(_ notice: Notice, replacing handle: UInt32?, completion: @escaping (UInt32?) -> Void) {
        guard let client, client.server != nil else {
            completion(nil)
            return
        }
        var notification = Self.notification(for: notice, replacing: inPlace(handle))
        notification.urgency = Self.urgency(notification.urgency, seenOn: client.server)
        client.notify(notification) { result in
            completion(try? result.get())
        }
    }

    /// How long a notice stays before the server closes it.
    static let noticeTimeout: Int32 = 6_000

    /// A notice: no actions, transient (kept out of the server's history), quiet.
    static func notification(for notice: Notice, replacing handle: UInt32?) -> DesktopNotification {
        DesktopNotification(
            appName: "steady", replacesID: handle ?? 0, icon: "steady", summary: SpokenText.clean(notice.title),
            body: SpokenText.clean(notice.body),
            urgency: .low, category: "x-steady.notice", desktopEntry: "steady", suppressSound: true, transient: true,
            expireTimeout: notice.lingers ? 0 : noticeTimeout)
    }

    /// The notification for an offer, adapted to what the server can show: actions when it has
    /// them (else a line on how to answer in the terminal), no more than it displays (else
    /// "Answer…" stands in for the choices), a default action (clicking the bubble) that opens
    /// the answer dialog, and an inline reply for text prompts when it has that (else
    /// "Answer…" opens a small dialog).
    ///
    /// Read aloud well: the body without bare symbols (`SpokenText`), and a scale's buttons
    /// say what each point means ("4 — fairly settled"); where a row of buttons has no room
    /// for words they are numbers again, and the body says what the ends mean.
    static func notification(for offer: Offer, server: ServerInfo?, replacing handle: UInt32?) -> DesktopNotification {
        let prompt = offer.prompt
        var actions = offer.actions.map { NotificationAction(key: $0.key, label: $0.label) }
        var inlineReply: DesktopNotification.InlineReply?
        var body = SpokenText.clean(prompt.content.body)
        if case .scale(let scale) = prompt.content.request, server?.fitsWordsOnButtons == false {
            actions = actions.map { action in
                Int(action.key).map { scale.range.contains($0) ? NotificationAction(key: action.key, label: action.key) : action } ?? action
            }
            // On the same line: one label, read as one (a line break can split it in two on some servers).
            body += " " + scale.endsInWords
        }
        if case .text(let placeholder) = prompt.content.request, server?.hasInlineReply == true {
            inlineReply = .init(label: tr("Answer"), placeholder: placeholder)
            actions.removeAll { $0.key == GenericAction.answer }
        }
        if let limit = server?.visibleActionLimit, actions.count > limit {
            // Not every choice fits: "Answer…" (the dialog, with all of them) stands in for the
            // practice's choices, and steady's own follow while there is room.
            let own = actions.filter { $0.key.hasPrefix("steady:") && $0.key != GenericAction.answer }
            actions = Array(([NotificationAction(key: GenericAction.answer, label: tr("Answer…"))] + own).prefix(limit))
        }
        let canAnswer = server?.hasActions == true
        if !canAnswer {
            // TRANSLATORS: under a bubble that has no buttons; `steady answer` and the number stay as they are.
            body += "\n" + tr("(Answer any time: steady answer %1$d)", prompt.id)
            actions = []
        } else {
            // Clicking the bubble itself opens the way to answer it fully.
            actions.append(NotificationAction(key: GenericAction.defaultKey, label: tr("Answer")))
        }
        let configured: DesktopNotification.Urgency = switch offer.urgency {
        case .low: .low
        case .normal: .normal
        case .critical: .critical
        }
        let urgency = Self.urgency(configured, seenOn: server)
        return DesktopNotification(
            appName: "steady", replacesID: handle ?? 0, icon: "steady", summary: SpokenText.clean(prompt.content.title), body: body,
            actions: actions, urgency: urgency, category: "x-steady.prompt", desktopEntry: "steady",
            // Resident: after a click steady itself replaces or takes down the bubble. Plasma
            // otherwise closes it (reason 3) right as steady's thank-you takes its place.
            suppressSound: urgency != .critical, resident: canAnswer, inlineReply: inlineReply,
            // Where it can be answered it stays until it is; elsewhere the server's own timeout
            // (notify-osd turns a never-expiring notification into a modal dialog).
            expireTimeout: canAnswer ? 0 : -1, promptID: prompt.id)
    }

    /// `urgency`, raised to what the server needs to put a notification on screen rather than
    /// only in a list (GNOME Shell: normal); never raised to critical.
    static func urgency(_ urgency: DesktopNotification.Urgency, seenOn server: ServerInfo?) -> DesktopNotification.Urgency {
        guard let least = server?.leastVisibleUrgency, urgency.rawValue < least.rawValue else { return urgency }
        return least
    }

    private func translate(_ event: NotificationEvent) {
        switch event {
        case .actionInvoked(let id, let key): onEvent?(.chose(handle: id, key: key))
        case .replied(let id, let text): onEvent?(.replied(handle: id, text: text))
        case .closed(let id, let reason): onEvent?(.dismissed(handle: id, reason: "\(reason)"))
        case .serverAppeared: onEvent?(.available)
        case .serverVanished: onEvent?(.unavailable)
        case .serverSilent(let delay):
            logger.warning("the notification server does not answer; asking again", metadata: ["retry.seconds": "\(delay.components.seconds)"])
        }
    }
}
