import CSystemd
import Dispatch
import Foundation
import SteadyBus

/// A small notification server for tests: a real peer on the bus implementing the spec's
/// methods, with capabilities of the test's choosing (`inline-reply`, which no Debian server
/// offers), that records what it was sent and emits the spec's signals on request.
///
/// Built on sd-bus's server side directly (`sd_bus_request_name`, `sd_bus_add_object` with
/// a C callback, replies built with `sd_bus_message_new_method_return`), on its own queue
/// and connection, independent of the client's event loop. Signals go only to the
/// connection that called `Notify`, as real servers do.
public final class TestNotificationServer: @unchecked Sendable {
    /// One `Notify` call as received.
    public struct Received: Sendable, Equatable {
        public var appName: String
        public var replacesID: UInt32
        public var icon: String
        public var summary: String
        public var body: String
        public var actions: [String]
        public var hints: [String: BusVariant]
        public var expireTimeout: Int32
    }

    private let queue = DispatchQueue(label: "steady.tests.notification-server")
    private let onQueue = DispatchSpecificKey<Bool>()
    private var bus: OpaquePointer?
    private var objectSlot: OpaquePointer?
    private var source: DispatchSourceRead?
    private let capabilities: [String]
    private var answersNotify: Bool
    private var nextID: UInt32 = 1
    private var callers: [UInt32: String] = [:]
    private var calls: [Received] = []
    private var answered: [(id: UInt32, call: Received)] = []
    /// Every `Notify` call as it arrives, for tests to await.
    public let notifyCalls = EventRecorder<Received>()

    /// Connects to the bus at `address`, takes `org.freedesktop.Notifications` and starts serving.
    /// With `answersNotify` false it never replies to `Notify` (to test call timeouts).
    public init(address: String, capabilities: [String] = ["actions", "body", "inline-reply"], answersNotify: Bool = true) throws {
        self.capabilities = capabilities
        self.answersNotify = answersNotify
        queue.setSpecific(key: onQueue, value: true)
        var bus: OpaquePointer? = nil
        var rc = sd_bus_new(&bus)
        guard rc >= 0, let bus else { throw ServerError("sd_bus_new", rc) }
        self.bus = bus
        rc = sd_bus_set_address(bus, address)
        if rc >= 0 { rc = sd_bus_set_bus_client(bus, 1) }
        if rc >= 0 { rc = sd_bus_start(bus) }
        guard rc >= 0 else { throw ServerError("connect to \(address)", rc) }
        // A test peer may block its own queue: request the name synchronously.
        rc = sd_bus_request_name(bus, "org.freedesktop.Notifications", 0)
        guard rc >= 0 else { throw ServerError("request org.freedesktop.Notifications", rc) }
        rc = sd_bus_add_object(
            bus, &objectSlot, "/org/freedesktop/Notifications",
            { message, userdata, _ in
                guard let message, let userdata else { return 0 }
                let server = Unmanaged<TestNotificationServer>.fromOpaque(userdata).takeUnretainedValue()
                return server.handle(message)
            }, Unmanaged.passUnretained(self).toOpaque())
        guard rc >= 0 else { throw ServerError("export /org/freedesktop/Notifications", rc) }

        // On a duplicate closed by the cancel handler: sd-bus closes its own descriptor at once,
        // libdispatch unregisters the source later (see BusConnection.watch).
        let watched = fcntl(sd_bus_get_fd(bus), F_DUPFD_CLOEXEC, 0)
        guard watched >= 0 else { throw ServerError("dup the bus socket", -errno) }
        let source = DispatchSource.makeReadSource(fileDescriptor: watched, queue: queue)
        source.setEventHandler { [weak self] in self?.pump() }
        source.setCancelHandler { Glibc.close(watched) }
        self.source = source
        source.resume()
        queue.async { [weak self] in self?.pump() }
    }

    deinit { stop() }

    /// Leaves the bus (the name is released when the connection closes).
    public func stop() {
        let close = { [self] in
            source?.cancel()
            source = nil
            if let objectSlot { sd_bus_slot_unref(objectSlot) }
            objectSlot = nil
            if let bus { sd_bus_flush_close_unref(bus) }
            bus = nil
        }
        if DispatchQueue.getSpecific(key: onQueue) != nil { close() } else { queue.sync(execute: close) }
    }

    /// The `Notify` calls received so far.
    public var received: [Received] { queue.sync { calls } }

    /// The `Notify` calls answered so far, each with the id it was given.
    public var notifications: [(id: UInt32, call: Received)] { queue.sync { answered } }

    // MARK: - Emitting signals (to the caller of Notify)

    /// Reports that the person chose `key` on notification `id`.
    public func emitActionInvoked(id: UInt32, key: String) throws {
        try emit("ActionInvoked", to: id) { writer throws(BusError) in
            try writer.append(id)
            try writer.append(key)
        }
    }

    /// Reports that notification `id` closed for `reason`.
    public func emitClosed(id: UInt32, reason: UInt32) throws {
        try emit("NotificationClosed", to: id) { writer throws(BusError) in
            try writer.append(id)
            try writer.append(reason)
        }
    }

    /// Reports an inline reply typed into notification `id` (KDE's `NotificationReplied`).
    public func emitReplied(id: UInt32, text: String) throws {
        try emit("NotificationReplied", to: id) { writer throws(BusError) in
            try writer.append(id)
            try writer.append(text)
        }
    }

    // MARK: - Serving

    private func pump() {
        guard let bus else { return }
        while sd_bus_process(bus, nil) > 0 {}
        _ = sd_bus_flush(bus)
    }

    /// Handles a method call on /org/freedesktop/Notifications; 1 when answered, 0 to let
    /// sd-bus answer "unknown method".
    private func handle(_ call: OpaquePointer) -> Int32 {
        guard sd_bus_message_is_method_call(call, "org.freedesktop.Notifications", nil) > 0 else { return 0 }
        let message = BusMessage(retaining: call)
        do throws(BusError) {
            switch message.member {
            case "GetCapabilities":
                try reply(to: call) { writer throws(BusError) in try writer.append(capabilities) }
            case "GetServerInformation":
                try reply(to: call) { writer throws(BusError) in
                    for field in ["steady-test-server", "steady", "1.0", "1.2"] { try writer.append(field) }
                }
            case "Notify":
                let received = Received(
                    appName: try message.readString(), replacesID: try message.readUInt32(), icon: try message.readString(),
                    summary: try message.readString(), body: try message.readString(),
                    actions: try message.readStringArray(), hints: try message.readDictionary(),
                    expireTimeout: try message.readInt32())
                calls.append(received)
                notifyCalls.record(received)
                guard answersNotify else { return 1 }
                var id = received.replacesID
                if id == 0 {
                    id = nextID
                    nextID += 1
                }
                callers[id] = message.sender
                answered.append((id, received))
                try reply(to: call) { writer throws(BusError) in try writer.append(id) }
            case "CloseNotification":
                let id = try message.readUInt32()
                try reply(to: call) { _ throws(BusError) in }
                if callers[id] != nil { try emitOnQueue("NotificationClosed", to: id, { writer throws(BusError) in
                    try writer.append(id)
                    try writer.append(UInt32(3))
                }) }
            default:
                return 0
            }
        } catch {
            return -EINVAL
        }
        return 1
    }

    private func reply(to call: OpaquePointer, _ build: (BusMessageWriter) throws(BusError) -> Void) throws(BusError) {
        var reply: OpaquePointer? = nil
        let rc = sd_bus_message_new_method_return(call, &reply)
        guard rc >= 0, let reply else { throw BusError(.callFailed, "new_method_return: \(rc)") }
        defer { sd_bus_message_unref(reply) }
        try build(BusMessageWriter(handle: reply))
        let sent = sd_bus_send(nil, reply, nil)
        if sent < 0 { throw BusError(.callFailed, "sd_bus_send reply: \(sent)") }
    }

    private func emit(_ member: String, to id: UInt32, _ build: @escaping (BusMessageWriter) throws(BusError) -> Void) throws {
        let box = UncheckedBox((member, id, build))
        let result: Result<Void, BusError> = queue.sync {
            Result { () throws(BusError) in try emitOnQueue(box.value.0, to: box.value.1, box.value.2) }
        }
        try result.get()
    }

    private func emitOnQueue(_ member: String, to id: UInt32, _ build: (BusMessageWriter) throws(BusError) -> Void) throws(BusError) {
        guard let bus else { throw BusError(.closed, "the test server has stopped") }
        guard let destination = callers[id] else { throw BusError(.invalidMessage, "no Notify call made id \(id)") }
        var signal: OpaquePointer? = nil
        var rc = sd_bus_message_new_signal(
            bus, &signal, "/org/freedesktop/Notifications", "org.freedesktop.Notifications", member)
        guard rc >= 0, let signal else { throw BusError(.callFailed, "new_signal: \(rc)") }
        defer { sd_bus_message_unref(signal) }
        rc = sd_bus_message_set_destination(signal, destination)
        guard rc >= 0 else { throw BusError(.callFailed, "set_destination: \(rc)") }
        try build(BusMessageWriter(handle: signal))
        rc = sd_bus_send(bus, signal, nil)
        guard rc >= 0 else { throw BusError(.callFailed, "sd_bus_send signal: \(rc)") }
        _ = sd_bus_flush(bus)
    }

    /// Sends a notification signal to `destination` from a connection of its own (an
    /// impostor: not the owner of the name), then makes a round trip to the bus so the signal
    /// is on its way to `destination` before this returns.
    public static func sendImpostorSignal(
        address: String, to destination: String, member: String,
        _ build: (BusMessageWriter) throws(BusError) -> Void
    ) throws {
        var bus: OpaquePointer? = nil
        var rc = sd_bus_new(&bus)
        guard rc >= 0, let bus else { throw ServerError("sd_bus_new", rc) }
        defer { sd_bus_flush_close_unref(bus) }
        rc = sd_bus_set_address(bus, address)
        if rc >= 0 { rc = sd_bus_set_bus_client(bus, 1) }
        if rc >= 0 { rc = sd_bus_start(bus) }
        guard rc >= 0 else { throw ServerError("connect to \(address)", rc) }
        var signal: OpaquePointer? = nil
        rc = sd_bus_message_new_signal(bus, &signal, "/org/freedesktop/Notifications", "org.freedesktop.Notifications", member)
        guard rc >= 0, let signal else { throw ServerError("make a signal", rc) }
        defer { sd_bus_message_unref(signal) }
        rc = sd_bus_message_set_destination(signal, destination)
        guard rc >= 0 else { throw ServerError("address a signal", rc) }
        try build(BusMessageWriter(handle: signal))
        rc = sd_bus_send(bus, signal, nil)
        guard rc >= 0 else { throw ServerError("send a signal", rc) }
        var call: OpaquePointer? = nil
        rc = sd_bus_message_new_method_call(bus, &call, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId")
        guard rc >= 0, let call else { throw ServerError("make a call", rc) }
        defer { sd_bus_message_unref(call) }
        var error = sd_bus_error()
        defer { sd_bus_error_free(&error) }
        var reply: OpaquePointer? = nil
        rc = sd_bus_call(bus, call, 5_000_000, &error, &reply)
        sd_bus_message_unref(reply)
        guard rc >= 0 else { throw ServerError("round-trip to the bus", rc) }
    }

    public struct ServerError: Error, CustomStringConvertible {
        public let description: String
        init(_ what: String, _ rc: Int32) { description = "Test notification server could not \(what): \(String(cString: strerror(-rc)))." }
    }

    private struct UncheckedBox<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
