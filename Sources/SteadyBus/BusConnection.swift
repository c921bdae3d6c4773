import CSystemd
import Dispatch
import Foundation

// English file: D-Bus errors reach only the daemon's log and STATUS=, which stay English.

/// A D-Bus connection (sd-bus) driven entirely by Dispatch sources on one serial queue.
///
/// Everything happens on `queue`, the queue given at creation (the daemon's engine queue):
/// replies, signals and the disconnect notice are delivered there, and every method except
/// the factories must be called there. Nothing ever blocks the queue waiting for a peer:
/// method calls are asynchronous (`sd_bus_call_async`) with a per-call timeout.
///
/// The event loop is three sources: a read source on the bus socket, a write source that
/// exists only while sd-bus has unsent bytes (`sd_bus_get_events` has `POLLOUT`), and a
/// timer armed only while sd-bus has a deadline (`sd_bus_get_timeout`, e.g. a pending call's
/// timeout). An idle connection therefore costs no wakeups at all.
public final class BusConnection: @unchecked Sendable {
    /// The serial queue that owns this connection.
    public let queue: DispatchQueue

    /// Called once, on the queue, when the bus connection is lost (not after ``close()``).
    public var onDisconnect: ((BusError) -> Void)?

    private var bus: OpaquePointer?
    private let fd: Int32
    private let description: String
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var timer: DispatchSourceTimer?
    private var timerDeadline = UInt64.max
    private var pending: [UInt64: PendingCall] = [:]
    private var nextCallID: UInt64 = 1
    let onQueueKey = DispatchSpecificKey<ObjectIdentifier>()
    /// How many times a source woke the queue (for tests of the idle floor).
    private(set) var wakeups = 0

    // MARK: - Opening

    /// Connects to the session bus named by `DBUS_SESSION_BUS_ADDRESS` (or, when unset,
    /// `$XDG_RUNTIME_DIR/bus`).
    public static func session(queue: DispatchQueue) throws(BusError) -> BusConnection {
        var bus: OpaquePointer? = nil
        let rc = sd_bus_open_user_with_description(&bus, "steady-session")
        guard rc >= 0, let bus else {
            let environment = ProcessInfo.processInfo.environment
            if let address = environment["DBUS_SESSION_BUS_ADDRESS"], !address.isEmpty {
                throw BusError(
                    .noSessionBus,
                    "Could not connect to the D-Bus session bus at \(address): \(BusError.errnoText(rc)); "
                        + "check that its dbus-daemon is running or unset DBUS_SESSION_BUS_ADDRESS.")
            }
            let runtime = environment["XDG_RUNTIME_DIR"].map { "\($0)/bus" } ?? "$XDG_RUNTIME_DIR/bus (XDG_RUNTIME_DIR is unset too)"
            throw BusError(
                .noSessionBus,
                "No D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set and \(runtime) could not be reached "
                    + "(\(BusError.errnoText(rc))); start a session bus or export its address.")
        }
        return try BusConnection(bus: bus, queue: queue, description: "session bus")
    }

    /// Connects to the system bus (`DBUS_SYSTEM_BUS_ADDRESS` or `/run/dbus/system_bus_socket`).
    ///
    /// Fails cleanly, with an error and no side effects, where there is no system bus
    /// (containers, minimal machines).
    public static func system(queue: DispatchQueue) throws(BusError) -> BusConnection {
        var bus: OpaquePointer? = nil
        let rc = sd_bus_open_system_with_description(&bus, "steady-system")
        guard rc >= 0, let bus else {
            let address = ProcessInfo.processInfo.environment["DBUS_SYSTEM_BUS_ADDRESS"]
                ?? "unix:path=/run/dbus/system_bus_socket"
            throw BusError(
                .noSystemBus,
                "No D-Bus system bus at \(address) (\(BusError.errnoText(rc))); "
                    + "features that listen to the system (such as noticing suspend and resume) stay off.")
        }
        return try BusConnection(bus: bus, queue: queue, description: "system bus")
    }

    /// Connects, as a bus client, to the bus at a D-Bus address (`unix:path=/tmp/…`).
    ///
    /// For tests and tools that run their own bus; the daemon uses ``session(queue:)``.
    public static func connect(address: String, queue: DispatchQueue) throws(BusError) -> BusConnection {
        var bus: OpaquePointer? = nil
        var rc = sd_bus_new(&bus)
        guard rc >= 0, let bus else {
            throw BusError(.connectionFailed, "Could not create a D-Bus connection: \(BusError.errnoText(rc)).")
        }
        rc = sd_bus_set_address(bus, address)
        if rc >= 0 { rc = sd_bus_set_bus_client(bus, 1) }
        if rc >= 0 { rc = sd_bus_start(bus) }
        guard rc >= 0 else {
            sd_bus_unref(bus)
            throw BusError(
                .connectionFailed,
                "Could not connect to the D-Bus bus at \(address): \(BusError.errnoText(rc)); check that its dbus-daemon is running.")
        }
        return try BusConnection(bus: bus, queue: queue, description: address)
    }

    private init(bus: OpaquePointer, queue: DispatchQueue, description: String) throws(BusError) {
        let fd = sd_bus_get_fd(bus)
        guard fd >= 0 else {
            sd_bus_flush_close_unref(bus)
            throw BusError(.connectionFailed, "The D-Bus connection to the \(description) has no usable socket: \(BusError.errnoText(fd)).")
        }
        self.bus = bus
        self.fd = fd
        self.queue = queue
        self.description = description
        queue.setSpecific(key: onQueueKey, value: ObjectIdentifier(self))
        let source = Self.watch(fd) { DispatchSource.makeReadSource(fileDescriptor: $0, queue: queue) }
        source.setEventHandler { [weak self] in self?.process() }
        readSource = source
        source.resume()
        // Authentication and Hello may already have queued bytes to write; process once on the queue.
        queue.async { [weak self] in self?.process() }
    }

    deinit {
        queue.setSpecific(key: onQueueKey, value: nil)
        if bus != nil { teardown(failingCallsWith: nil) }
    }

    // MARK: - State

    /// Whether the connection is still open (not closed and not lost).
    public var isOpen: Bool {
        assertOnQueue()
        return bus.map { sd_bus_is_open($0) > 0 } ?? false
    }

    /// This connection's unique name on the bus (`:1.42`), once the bus has assigned it.
    public var uniqueName: String? {
        assertOnQueue()
        guard let bus else { return nil }
        var name: UnsafePointer<CChar>? = nil
        guard sd_bus_get_unique_name(bus, &name) >= 0, let name else { return nil }
        return String(cString: name)
    }

    /// The id of the bus this connection is on (the bus server's id, 32 hex digits): another
    /// bus, even at the same address, has another id.
    public var busID: String? {
        assertOnQueue()
        guard let bus else { return nil }
        var id = sd_id128_t()
        guard sd_bus_get_bus_id(bus, &id) >= 0 else { return nil }
        return withUnsafeBytes(of: id.bytes) { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// Whether the current code runs on this connection's queue.
    public var isOnQueue: Bool { DispatchQueue.getSpecific(key: onQueueKey) == ObjectIdentifier(self) }

    /// Closes the connection: queued messages are flushed, matches stop firing, and calls
    /// still waiting for a reply complete with a `.closed` error (asynchronously, on the queue).
    public func close() {
        assertOnQueue()
        guard bus != nil else { return }
        teardown(failingCallsWith: BusError(.closed, "The D-Bus connection was closed before the reply arrived."))
    }

    // MARK: - Calls

    /// Calls a method asynchronously; `reply` runs once on the queue with the reply message
    /// or an error (peer error, timeout, no such service, connection closed).
    ///
    /// - Parameters:
    ///   - timeout: how long to wait for the reply before completing with a `.timeout` error.
    ///   - autoStart: whether the bus may start (activate) the destination service for this call.
    ///   - build: appends the arguments, in signature order.
    public func call(
        destination: String, path: String, interface: String, member: String,
        timeout: Duration = .seconds(25), autoStart: Bool = true,
        build: (BusMessageWriter) throws(BusError) -> Void = { _ in },
        reply: @escaping (Result<BusMessage, BusError>) -> Void
    ) {
        assertOnQueue()
        let what = "\(interface).\(member)"
        guard let bus else {
            deliverLater(reply, .failure(BusError(.closed, "Cannot call \(what): the D-Bus connection is closed.")))
            return
        }
        var message: OpaquePointer? = nil
        var rc = sd_bus_message_new_method_call(bus, &message, destination, path, interface, member)
        guard rc >= 0, let message else {
            deliverLater(reply, .failure(BusError(.invalidMessage, "Cannot call \(what) on \(destination): \(BusError.errnoText(rc)).")))
            return
        }
        defer { sd_bus_message_unref(message) }
        if !autoStart { _ = sd_bus_message_set_auto_start(message, 0) }
        do throws(BusError) {
            try build(BusMessageWriter(handle: message))
        } catch {
            deliverLater(reply, .failure(error))
            return
        }

        let call = PendingCall(id: nextCallID, what: what, connection: self, reply: reply)
        nextCallID += 1
        var slot: OpaquePointer? = nil
        let usec = UInt64(max(timeout.components.seconds, 0)) * 1_000_000
            + UInt64(max(timeout.components.attoseconds, 0) / 1_000_000_000_000)
        rc = sd_bus_call_async(
            bus, &slot, message,
            { message, userdata, _ in
                let call = Unmanaged<PendingCall>.fromOpaque(userdata!).takeUnretainedValue()
                call.connection?.finish(call, message)
                return 0
            },
            Unmanaged.passUnretained(call).toOpaque(), max(usec, 1))
        guard rc >= 0, let slot else {
            deliverLater(reply, .failure(BusError(.callFailed, "Could not send \(what) to \(destination): \(BusError.errnoText(rc)).")))
            return
        }
        call.slot = slot
        pending[call.id] = call
        updateEvents()
    }

    /// Completes a pending call from the sd-bus reply callback.
    fileprivate func finish(_ call: PendingCall, _ message: OpaquePointer?) {
        pending[call.id] = nil
        if let slot = call.slot {
            call.slot = nil
            sd_bus_slot_unref(slot)  // sd-bus holds its own reference while the callback runs
        }
        guard let message else {
            call.reply(.failure(BusError(.invalidMessage, "\(call.what) completed without a reply message.")))
            return
        }
        if let error = sd_bus_message_get_error(message), sd_bus_error_is_set(error) != 0 {
            call.reply(.failure(BusError.fromReply(error, call: call.what)))
        } else {
            call.reply(.success(BusMessage(retaining: message)))
        }
    }

    // MARK: - Signals

    /// Runs `handler` on the queue for every signal that matches; nil arguments match anything.
    ///
    /// The match is installed asynchronously; messages processed after this call are matched
    /// locally at once, and the bus delivers broadcasts for it once it has read the AddMatch.
    /// Keep the returned ``BusMatch``: releasing or cancelling it removes the match.
    public func matchSignal(
        sender: String? = nil, path: String? = nil, interface: String? = nil, member: String? = nil,
        handler: @escaping (BusMessage) -> Void
    ) -> BusMatch {
        var rule = "type='signal'"
        if let sender { rule += ",sender='\(sender)'" }
        if let path { rule += ",path='\(path)'" }
        if let interface { rule += ",interface='\(interface)'" }
        if let member { rule += ",member='\(member)'" }
        return addMatch(rule: rule, handler: handler)
    }

    /// Like ``matchSignal(sender:path:interface:member:handler:)`` with a full D-Bus match rule
    /// (for `arg0='…'` and the like).
    public func addMatch(rule: String, handler: @escaping (BusMessage) -> Void) -> BusMatch {
        assertOnQueue()
        let box = BusMatch.HandlerBox(handler)
        guard let bus else { return BusMatch(connection: self, slot: nil, box: box) }
        var slot: OpaquePointer? = nil
        let rc = sd_bus_add_match_async(
            bus, &slot, rule,
            { message, userdata, _ in
                guard let message, let userdata else { return 0 }
                let box = Unmanaged<BusMatch.HandlerBox>.fromOpaque(userdata).takeUnretainedValue()
                box.handler(BusMessage(retaining: message))
                return 0
            },
            nil, Unmanaged.passUnretained(box).toOpaque())
        updateEvents()
        return BusMatch(connection: self, slot: rc >= 0 ? slot : nil, box: box)
    }

    // MARK: - Event loop

    private func process() {
        wakeups += 1
        // A handler may close the connection mid-dispatch; keep the bus alive until sd-bus returns.
        guard let current = bus else { return }
        sd_bus_ref(current)
        defer { sd_bus_unref(current) }
        while let bus {
            let rc = sd_bus_process(bus, nil)
            if rc < 0 {
                let error = BusError(.disconnected, "Lost the D-Bus connection to the \(description): \(BusError.errnoText(rc)).")
                teardown(failingCallsWith: error)
                onDisconnect?(error)
                return
            }
            if rc == 0 { break }
        }
        updateEvents()
    }

    /// Arms the write source and the timer from what sd-bus is waiting for.
    private func updateEvents() {
        guard let bus else { return }
        let events = sd_bus_get_events(bus)
        if events >= 0, Int16(events) & Int16(POLLOUT) != 0 {
            if writeSource == nil {
                let source = Self.watch(fd) { [queue] in DispatchSource.makeWriteSource(fileDescriptor: $0, queue: queue) }
                source.setEventHandler { [weak self] in self?.process() }
                writeSource = source
                source.resume()
            }
        } else if let source = writeSource {
            source.cancel()
            writeSource = nil
        }

        var deadline = UInt64.max
        if sd_bus_get_timeout(bus, &deadline) < 0 { deadline = .max }
        guard deadline != timerDeadline else { return }
        timerDeadline = deadline
        timer?.cancel()
        timer = nil
        guard deadline != .max else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowUsec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        let delay = deadline > nowUsec ? deadline - nowUsec : 0
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now() + .microseconds(Int(min(delay, UInt64(Int.max)))), leeway: .milliseconds(1))
        source.setEventHandler { [weak self] in
            self?.timerDeadline = .max
            self?.process()
        }
        timer = source
        source.resume()
    }

    /// A Dispatch source on a duplicate of `fd`, closed only by the source's cancel handler.
    ///
    /// sd-bus closes its socket as soon as the connection is unreferenced, while a cancelled
    /// source is unregistered later on libdispatch's manager thread; a descriptor closed (and
    /// its number reused) in between corrupts libdispatch's epoll bookkeeping on Linux. The
    /// duplicate keeps the socket alive until the source is really gone.
    private static func watch<Source>(_ fd: Int32, _ make: (Int32) -> Source) -> Source {
        let watched = fcntl(fd, F_DUPFD_CLOEXEC, 0)
        guard watched >= 0 else { return make(fd) }
        let source = make(watched)
        (source as? any DispatchSourceProtocol)?.setCancelHandler { Glibc.close(watched) }
        return source
    }

    private func teardown(failingCallsWith error: BusError?) {
        readSource?.cancel()
        readSource = nil
        writeSource?.cancel()
        writeSource = nil
        timer?.cancel()
        timer = nil
        timerDeadline = .max
        let calls = pending.values.sorted { $0.id < $1.id }
        pending.removeAll()
        for call in calls {
            if let slot = call.slot { sd_bus_slot_unref(slot) }
            call.slot = nil
        }
        if let bus {
            self.bus = nil
            sd_bus_flush_close_unref(bus)
        }
        if let error {
            for call in calls { deliverLater(call.reply, .failure(error)) }
        }
    }

    /// Whether a timer is armed (sd-bus has a deadline) — for tests of the idle floor.
    var isTimerArmed: Bool { timer != nil }
    /// Whether a write source is active (sd-bus has unsent bytes) — for tests of the idle floor.
    var isWaitingToWrite: Bool { writeSource != nil }

    // MARK: - Helpers

    private func deliverLater<T>(_ reply: @escaping (Result<T, BusError>) -> Void, _ result: Result<T, BusError>) {
        let box = UncheckedSendable((reply, result))
        queue.async { box.value.0(box.value.1) }
    }

    /// Traps unless called on ``queue`` (every method but the factories must be).
    public func assertOnQueue() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}

/// A call waiting for its reply; sd-bus holds an unretained pointer to it as userdata,
/// the connection's `pending` table keeps it alive.
private final class PendingCall {
    let id: UInt64
    let what: String
    weak var connection: BusConnection?
    let reply: (Result<BusMessage, BusError>) -> Void
    var slot: OpaquePointer?

    init(id: UInt64, what: String, connection: BusConnection, reply: @escaping (Result<BusMessage, BusError>) -> Void) {
        self.id = id
        self.what = what
        self.connection = connection
        self.reply = reply
    }
}

/// Carries a value known to stay on one serial queue across a `queue.async` hop.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
