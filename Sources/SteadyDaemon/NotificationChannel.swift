import Dispatch
import Logging
import SteadyDesktop
import SteadyJournal
import SteadyConfig
import SteadyKit
import SteadySystemd

/// Shows prompts as desktop notifications on the session bus and turns clicks into events.
///
/// Without a session bus or a notification server it is simply unavailable: prompts stay
/// pending for `steady status` / `steady answer`, and nothing retries in a loop. When a server
/// appears later (`NameOwnerChanged`), the engine is told and shows what is waiting.
final class NotificationChannel: PromptChannel {
    private let queue: DispatchQueue
    private let logger: Logger
    private var client: NotificationClient?
    var onEvent: ((ChannelEvent) -> Void)?

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
            let connection = try BusConnection.session(queue: queue)
            let client = NotificationClient(connection: connection)
            client.onEvent = { [unowned self] event in self.translate(event) }
            client.start()
            self.client = client
        } catch {
            logger.warning("no session bus; prompts will wait for `steady answer`", metadata: ["error": "\(error)"])
        }
    }

    func disconnect() {
        client?.stop()
        client?.connection.close()
        client = nil
    }

    var name: String { "notification" }

    func show(_ offer: Offer, replacing handle: UInt32?, completion: @escaping (Result<UInt32, any Error>) -> Void) {
        guard let client else {
            completion(.failure(BusError(.closed, "There is no session bus connection.")))
            return
        }
        client.notify(Self.notification(for: offer, server: client.server, replacing: handle)) { result in
            completion(result.mapError { $0 as any Error })
        }
    }

    func withdraw(_ handle: UInt32) {
        client?.closeNotification(id: handle)
    }

    /// The notification for an offer, adapted to what the server can show: actions when it has
    /// them (else a line on how to answer in the terminal), an inline reply for text prompts
    /// when it has that (else "Answer…" opens a small dialog).
    static func notification(for offer: Offer, server: ServerInfo?, replacing handle: UInt32?) -> DesktopNotification {
        let prompt = offer.prompt
        var actions = offer.actions.map { NotificationAction(key: $0.key, label: $0.label) }
        var inlineReply: DesktopNotification.InlineReply?
        var body = prompt.content.body
        if case .text(let placeholder) = prompt.content.request, server?.hasInlineReply == true {
            inlineReply = .init(label: "Answer", placeholder: placeholder)
            actions.removeAll { $0.key == GenericAction.answer }
        }
        if server?.hasActions != true {
            body += "\n(Answer any time: steady answer \(prompt.id))"
            actions = []
        }
        let urgency: DesktopNotification.Urgency = switch offer.urgency {
        case .low: .low
        case .normal: .normal
        case .critical: .critical
        }
        return DesktopNotification(
            appName: "steady", replacesID: handle ?? 0, icon: "steady", summary: prompt.content.title, body: body,
            actions: actions, urgency: urgency, category: "x-steady.prompt", desktopEntry: "steady",
            suppressSound: urgency != .critical, inlineReply: inlineReply, expireTimeout: 0)
    }

    private func translate(_ event: NotificationEvent) {
        switch event {
        case .actionInvoked(let id, let key): onEvent?(.chose(handle: id, key: key))
        case .replied(let id, let text): onEvent?(.replied(handle: id, text: text))
        case .closed(let id, let reason): onEvent?(.dismissed(handle: id, reason: "\(reason)"))
        case .serverAppeared: onEvent?(.available)
        case .serverVanished: onEvent?(.unavailable)
        }
    }
}
