import CSystemd
import Dispatch
import SteadyBus

// English file: the notification server's errors reach only the daemon's log, which stays English.

/// A client of the freedesktop Desktop Notifications service (`org.freedesktop.Notifications`,
/// spec 1.2) on a ``BusConnection``.
///
/// Confined to the connection's queue: call everything there; completions and ``onEvent``
/// run there. The client reads the server's capabilities and information once per server
/// (again whenever another process takes over the name), escapes bodies for servers that
/// render markup, and turns the server's signals into ``NotificationEvent``s.
///
/// `ActionInvoked`, `NotificationClosed` and `NotificationReplied` go only to the connection
/// that called `Notify`, so the client listens on the same connection it sends on.
///
/// When nobody owns the name, ``notify(_:completion:)`` completes with a `.serviceUnknown`
/// error (the bus may still activate a server that is installed as a D-Bus service); nothing
/// retries. When a server appears later, ``NotificationEvent/serverAppeared(_:)`` fires.
/// A server that owns the name but does not answer (busy starting, stopped) is asked again,
/// 1, 2, 4 … s later and at most a minute apart, until it answers or leaves the name;
/// ``NotificationEvent/serverSilent(retryingIn:)`` says so each time.
public final class NotificationClient: @unchecked Sendable {
    /// The well-known bus name of notification servers.
    public static let busName = "org.freedesktop.Notifications"
    static let objectPath = "/org/freedesktop/Notifications"
    static let interface = "org.freedesktop.Notifications"

    /// The connection the client sends on and listens to.
    public let connection: BusConnection
    /// Receives the server's signals and server arrivals/departures, on the queue.
    public var onEvent: ((NotificationEvent) -> Void)?
    /// How long to wait for the server to answer a call.
    public var callTimeout: Duration = .seconds(5)

    /// The current server, once its capabilities and information have been read.
    public private(set) var server: ServerInfo?

    /// The unique bus name of the current server, when known.
    private var owner: String?

    /// Which server instance shows the notifications, once one is known: the bus's id and the
    /// server's unique name on it. Notification ids mean something only to that instance; a
    /// restarted server, or the same name on another bus, is another instance.
    public var serverInstance: String? {
        guard server != nil, let owner, let bus = connection.busID else { return nil }
        return "\(bus) \(owner)"
    }
    /// Bumped whenever the owner changes, so answers about an earlier owner are ignored.
    private var generation = 0
    private var isFetching = false
    /// How long until a server that did not answer is asked again; doubles up to `maxRetryDelay`.
    private var retryDelay = Duration.seconds(1)
    /// The longest wait between two tries of a silent server.
    public var maxRetryDelay = Duration.seconds(60)
    private var waiting: [(DesktopNotification, (Result<UInt32, BusError>) -> Void)] = []
    private var matches: [BusMatch] = []
    /// Ids whose action or close was already reported, until a `Notify` shows that id again: a
    /// repeated signal (swaync sends NotificationClosed twice) is then a no-op.
    private var reported: (actions: Set<UInt32>, closes: Set<UInt32>) = ([], [])

    /// Makes a client on `connection`; call ``start()`` to begin listening.
    public init(connection: BusConnection) {
        self.connection = connection
    }

    // MARK: - Lifecycle

    /// Starts listening for the server's signals and for changes of the name's owner, and
    /// looks up the current server; ``NotificationEvent/serverAppeared(_:)`` fires if one is there.
    public func start() {
        connection.assertOnQueue()
        guard matches.isEmpty else { return }
        matches.append(
            connection.matchSignal(path: Self.objectPath, interface: Self.interface) { [weak self] message in
                self?.handleSignal(message)
            })
        matches.append(
            connection.addMatch(
                rule: "type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',"
                    + "interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='\(Self.busName)'"
            ) { [weak self] message in
                guard (try? message.readString()) == Self.busName,
                    (try? message.readString()) != nil,  // old owner
                    let newOwner = try? message.readString()
                else { return }
                self?.ownerChanged(to: newOwner)
            })
        // The bus handles our AddMatch before this call, so no owner change can slip between them.
        connection.call(
            destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus", interface: "org.freedesktop.DBus",
            member: "GetNameOwner", timeout: callTimeout, build: { writer throws(BusError) in try writer.append(Self.busName) }
        ) { [weak self] result in
            guard let self, case .success(let reply) = result, let name = try? reply.readString() else { return }
            if self.owner == nil { self.ownerChanged(to: name) }
        }
    }

    /// Stops listening; notifications waiting for the server's capabilities fail.
    public func stop() {
        connection.assertOnQueue()
        matches.forEach { $0.cancel() }
        matches.removeAll()
        generation += 1
        isFetching = false
        failWaiting(BusError(.closed, "The notification client was stopped before the server answered."))
    }

    // MARK: - Sending

    /// Shows a notification; `completion` gets the server's id for it (the same id as
    /// `replacesID` when replacing) or an error saying why it could not be shown.
    public func notify(_ notification: DesktopNotification, completion: @escaping (Result<UInt32, BusError>) -> Void) {
        connection.assertOnQueue()
        if let server {
            send(notification, to: server, completion: completion)
            return
        }
        waiting.append((notification, completion))
        if !isFetching { fetchServerInfo() }
    }

    /// Asks the server to close a notification; it then sends `NotificationClosed` with
    /// reason ``CloseReason/closedByCall``.
    public func closeNotification(id: UInt32, completion: ((Result<Void, BusError>) -> Void)? = nil) {
        connection.assertOnQueue()
        connection.call(
            destination: Self.busName, path: Self.objectPath, interface: Self.interface,
            member: "CloseNotification", timeout: callTimeout, autoStart: false,
            build: { writer throws(BusError) in try writer.append(id) }
        ) { result in
            completion?(result.map { _ in () }.mapError(Self.explain))
        }
    }

    private func send(
        _ notification: DesktopNotification, to server: ServerInfo,
        completion: @escaping (Result<UInt32, BusError>) -> Void
    ) {
        connection.call(
            destination: Self.busName, path: Self.objectPath, interface: Self.interface, member: "Notify",
            timeout: callTimeout,
            build: { writer throws(BusError) in try Self.appendNotifyArguments(notification, server: server, to: writer) }
        ) { [weak self] result in
            let id = result.mapError(Self.explain).flatMap { reply in
                Result { () throws(BusError) in try reply.readUInt32() }
            }
            if case .success(let id) = id {
                self?.reported.actions.remove(id)
                self?.reported.closes.remove(id)
            }
            completion(id)
        }
    }

    /// Appends `Notify`'s arguments (`susssasa{sv}i`) for `server`'s capabilities.
    static func appendNotifyArguments(
        _ n: DesktopNotification, server: ServerInfo, to writer: BusMessageWriter
    ) throws(BusError) {
        try writer.append(n.appName)
        try writer.append(n.replacesID)
        try writer.append(n.icon)
        try writer.append(n.summary)
        try writer.append(BodyMarkup.body(n.body, serverHasMarkup: server.hasBodyMarkup))
        var actions = n.actions.flatMap { [$0.key, $0.label] }
        var hints: [String: BusVariant] = [
            "urgency": .byte(n.urgency.rawValue),
            "suppress-sound": .bool(n.suppressSound),
        ]
        if let category = n.category { hints["category"] = .string(category) }
        if let entry = n.desktopEntry { hints["desktop-entry"] = .string(entry) }
        if n.resident { hints["resident"] = .bool(true) }
        if n.transient { hints["transient"] = .bool(true) }
        if let promptID = n.promptID { hints["x-steady-prompt-id"] = .int64(promptID) }
        if let reply = n.inlineReply, server.hasInlineReply {
            actions += ["inline-reply", reply.label]
            if let placeholder = reply.placeholder { hints["x-kde-reply-placeholder-text"] = .string(placeholder) }
            if let submit = reply.submitLabel { hints["x-kde-reply-submit-button-text"] = .string(submit) }
        }
        try writer.append(actions)
        try writer.append(dictionary: hints)
        try writer.append(n.expireTimeout)
    }

    // MARK: - Server tracking

    private func ownerChanged(to newOwner: String) {
        if newOwner.isEmpty {
            let hadServer = owner != nil || server != nil
            owner = nil
            server = nil
            generation += 1
            isFetching = false
            if hadServer { onEvent?(.serverVanished) }
            if !waiting.isEmpty { fetchServerInfo() }  // fails them cleanly unless the name is activatable
            return
        }
        guard newOwner != owner else { return }
        if server != nil { onEvent?(.serverVanished) }
        owner = newOwner
        retryDelay = .seconds(1)
        server = nil
        fetchServerInfo()
    }

    /// Reads `GetCapabilities` then `GetServerInformation`, then announces the server and
    /// sends the notifications that were waiting for it.
    private func fetchServerInfo() {
        generation += 1
        let generation = self.generation
        isFetching = true
        callServer("GetCapabilities") { [weak self] result in
            guard let self, self.generation == generation else { return }
            let capabilities: [String]
            let sender: String?
            do throws(BusError) {
                let reply = try result.get()
                capabilities = try reply.readStringArray()
                sender = reply.sender
            } catch {
                self.fetchFailed(error)
                return
            }
            self.callServer("GetServerInformation") { [weak self] result in
                guard let self, self.generation == generation else { return }
                do throws(BusError) {
                    let reply = try result.get()
                    let info = ServerInfo(
                        name: try reply.readString(), vendor: try reply.readString(), version: try reply.readString(),
                        specVersion: try reply.readString(), capabilities: Set(capabilities))
                    self.isFetching = false
                    self.retryDelay = .seconds(1)
                    self.server = info
                    if self.owner == nil { self.owner = sender }
                    self.onEvent?(.serverAppeared(info))
                    let waiting = self.waiting
                    self.waiting.removeAll()
                    for (notification, completion) in waiting { self.send(notification, to: info, completion: completion) }
                } catch {
                    self.fetchFailed(error)
                }
            }
        }
    }

    private func fetchFailed(_ error: BusError) {
        isFetching = false
        failWaiting(Self.explain(error))
        // A server owns the name but did not answer (a slow start at login, a stopped
        // process): without asking again, steady would wait for a new owner that may never
        // come, and show nothing for the whole session.
        guard owner != nil, !matches.isEmpty else { return }
        let delay = retryDelay
        retryDelay = min(retryDelay * 2, maxRetryDelay)
        let generation = self.generation
        onEvent?(.serverSilent(retryingIn: delay))
        connection.queue.asyncAfter(deadline: .now() + .milliseconds(Int(delay.components.seconds * 1000))) { [weak self] in
            guard let self, self.generation == generation, self.server == nil, !self.isFetching, self.owner != nil else { return }
            self.fetchServerInfo()
        }
    }

    private func failWaiting(_ error: BusError) {
        let waiting = self.waiting
        self.waiting.removeAll()
        for (_, completion) in waiting { completion(.failure(error)) }
    }

    private func callServer(_ member: String, reply: @escaping (Result<BusMessage, BusError>) -> Void) {
        connection.call(
            destination: Self.busName, path: Self.objectPath, interface: Self.interface, member: member,
            timeout: callTimeout, reply: reply)
    }

    // MARK: - Signals

    private func handleSignal(_ message: BusMessage) {
        // Only the current server's signals count; anyone on the bus can emit a signal, and GNOME
        // Shell broadcasts a copy of each one its notification helper (the owner) sends us.
        if let owner, let sender = message.sender, sender != owner { return }
        let event: NotificationEvent
        do throws(BusError) {
            switch message.member {
            case "ActionInvoked":
                let id = try message.readUInt32()
                guard reported.actions.insert(id).inserted else { return }
                event = .actionInvoked(id: id, actionKey: try message.readString())
            case "NotificationClosed":
                let id = try message.readUInt32()
                guard reported.closes.insert(id).inserted else { return }
                event = .closed(id: id, reason: CloseReason(code: try message.readUInt32()))
            case "NotificationReplied":
                event = .replied(id: try message.readUInt32(), text: try message.readString())
            default:
                return  // ActivationToken and future signals
            }
        } catch {
            return  // a malformed signal is not worth failing over
        }
        onEvent?(event)
    }

    // MARK: - Errors

    /// Rewrites bus errors in terms of notifications.
    static func explain(_ error: BusError) -> BusError {
        switch error.code {
        case .serviceUnknown:
            BusError(
                .serviceUnknown,
                "No desktop notification server is running (nothing owns \(busName) on the session bus); "
                    + "start one (dunst, mako, a desktop's own) to see prompts as notifications.",
                name: error.name)
        case .timeout:
            BusError(
                .timeout, "The desktop notification server did not answer in time; it may be hung.", name: error.name)
        default:
            error
        }
    }
}
