import Dispatch
import Foundation
@testable import SteadyBus
import SteadyTestSupport
import Testing

/// BusConnection on a private dbus-daemon: opening, calls, matches, closing, losing the bus,
/// and the idle floor.
@Suite("BusConnection", .serialized)
struct BusConnectionTests {
    let session: DesktopSession
    let queue = DispatchQueue(label: "steady.tests.bus")

    init() throws {
        session = try DesktopSession(startDunst: false)
    }

    private func connect() throws -> BusConnection {
        try BusConnection.connect(address: session.busAddress, queue: queue)
    }

    /// Calls a method on the bus itself and awaits the reply (failing, not hanging, if none comes).
    private func call(
        _ connection: BusConnection, _ member: String, timeout: Duration = .seconds(5),
        build: @escaping @Sendable (BusMessageWriter) throws(BusError) -> Void = { _ in },
        read: @escaping @Sendable (BusMessage) throws(BusError) -> [String]
    ) async throws -> Result<[String], BusError> {
        let done = EventRecorder<Result<[String], BusError>>()
        queue.async {
            connection.call(
                destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                interface: "org.freedesktop.DBus", member: member, timeout: timeout, build: build
            ) { result in
                done.record(result.flatMap { message in Result { () throws(BusError) in try read(message) } })
            }
        }
        return try await done.next("reply to \(member)", timeout: timeout + .seconds(5)) { _ in true }
    }

    @Test func system_withoutASystemBus_failsWithASentence() throws {
        let hasSystemBus = ProcessInfo.processInfo.environment["DBUS_SYSTEM_BUS_ADDRESS"] != nil
            || FileManager.default.fileExists(atPath: "/run/dbus/system_bus_socket")
        do {
            let connection = try BusConnection.system(queue: queue)
            #expect(hasSystemBus, "connected to a system bus that should not exist")
            queue.sync { connection.close() }
        } catch {
            #expect(!hasSystemBus, "\(error)")
            #expect(error.code == .noSystemBus)
            #expect(error.message.hasPrefix("No D-Bus system bus at "))
            #expect(error.message.hasSuffix("stay off."))
        }
    }

    @Test func connect_toAnAddressWithNoBus_failsWithASentence() {
        let address = "unix:path=\(session.directory.path)/nobody-listens"

        let error = #expect(throws: BusError.self) { try BusConnection.connect(address: address, queue: queue) }

        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains(address) == true)
    }

    @Test func call_listNames_includesOurOwnUniqueName() async throws {
        let connection = try connect()

        let names = try await call(connection, "ListNames") { message throws(BusError) in try message.readStringArray() }.get()

        let unique = try #require(queue.sync { connection.uniqueName })
        #expect(unique.hasPrefix(":"))
        #expect(names.contains(unique))
        #expect(names.contains("org.freedesktop.DBus"))
        queue.sync { connection.close() }
    }

    @Test func call_withAnErrorReply_mapsTheDBusError() async throws {
        let connection = try connect()

        let result = try await call(
            connection, "GetNameOwner", build: { writer throws(BusError) in try writer.append("org.example.Nobody") }
        ) { message throws(BusError) in [try message.readString()] }

        #expect(throws: BusError.self) { try result.get() }
        if case .failure(let error) = result {
            #expect(error.code == .serviceUnknown)
            #expect(error.name == "org.freedesktop.DBus.Error.NameHasNoOwner")
        }
        queue.sync { connection.close() }
    }

    @Test func close_fromInsideAReplyHandler_isSafe() async throws {
        let connection = try connect()
        let closedInside = EventRecorder<Bool>()

        queue.async {
            connection.call(
                destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus", interface: "org.freedesktop.DBus",
                member: "GetId"
            ) { _ in
                connection.close()
                closedInside.record(!connection.isOpen)
            }
        }

        #expect(try await closedInside.next("reply handler") { _ in true })
        let after = try await call(connection, "ListNames") { message throws(BusError) in try message.readStringArray() }
        if case .failure(let error) = after { #expect(error.code == .closed) } else { Issue.record("a closed connection answered") }
    }

    @Test func matchSignal_deliversUntilCancelled() async throws {
        let connection = try connect()
        let kept = EventRecorder<String>()
        let cancelled = EventRecorder<String>()
        let matches = queue.sync {
            (
                connection.matchSignal(interface: "org.freedesktop.DBus", member: "NameOwnerChanged") { message in
                    kept.record((try? message.readString()) ?? "?")
                },
                connection.matchSignal(interface: "org.freedesktop.DBus", member: "NameOwnerChanged") { message in
                    cancelled.record((try? message.readString()) ?? "?")
                }
            )
        }
        // Round trip so the bus has both AddMatch calls before anything happens.
        _ = try await call(connection, "ListNames") { message throws(BusError) in try message.readStringArray() }

        let first = try TestNotificationServer(address: session.busAddress)
        _ = try await kept.next("first owner change") { $0 == "org.freedesktop.Notifications" }
        _ = try await cancelled.next("first owner change") { $0 == "org.freedesktop.Notifications" }
        queue.sync { matches.1.cancel() }
        first.stop()
        _ = try await kept.next("second owner change") { $0 == "org.freedesktop.Notifications" }

        // Both handlers see each message in the same dispatch, so the cancelled one had its chance.
        #expect(kept.all.filter { $0 == "org.freedesktop.Notifications" }.count == 2)
        #expect(cancelled.all.filter { $0 == "org.freedesktop.Notifications" }.count == 1)
        #expect(queue.sync { !matches.1.isActive && matches.0.isActive })
        queue.sync { connection.close() }
    }

    /// Sends a Notify to the test server (which may never answer it); the reply goes to `reply`.
    private func sendNotify(_ connection: BusConnection, reply: EventRecorder<UncheckedResult>) {
        queue.sync {
            connection.call(
                destination: "org.freedesktop.Notifications", path: "/org/freedesktop/Notifications",
                interface: "org.freedesktop.Notifications", member: "Notify", timeout: .seconds(30),
                build: { writer throws(BusError) in
                    try writer.append("app")
                    try writer.append(UInt32(0))
                    for s in ["", "summary", "body"] { try writer.append(s) }
                    try writer.append([String]())
                    try writer.append(dictionary: [:])
                    try writer.append(Int32(-1))
                }
            ) { reply.record(UncheckedResult($0)) }
        }
    }

    @Test func close_withACallInFlight_completesItAsClosed() async throws {
        let server = try TestNotificationServer(address: session.busAddress, answersNotify: false)
        let connection = try connect()
        let reply = EventRecorder<UncheckedResult>()
        sendNotify(connection, reply: reply)
        _ = try await server.notifyCalls.next("Notify at the server") { _ in true }

        queue.sync { connection.close() }

        let result = try await reply.next("reply") { _ in true }.value
        #expect(throws: BusError.self) { try result.get() }
        if case .failure(let error) = result { #expect(error.code == .closed) }
        #expect(queue.sync { !connection.isOpen })
    }

    @Test func losingTheBus_reportsDisconnectAndFailsCallsInFlight() async throws {
        let server = try TestNotificationServer(address: session.busAddress, answersNotify: false)
        let connection = try connect()
        let disconnects = EventRecorder<BusError>()
        queue.sync { connection.onDisconnect = { disconnects.record($0) } }
        let reply = EventRecorder<UncheckedResult>()
        sendNotify(connection, reply: reply)
        _ = try await server.notifyCalls.next("Notify at the server") { _ in true }

        session.stop()  // the dbus-daemon goes away

        let lost = try await disconnects.next("disconnect") { _ in true }
        #expect(lost.code == .disconnected)
        let result = try await reply.next("reply to the hanging call") { _ in true }.value
        #expect(throws: BusError.self) { try result.get() }
        if case .failure(let error) = result { #expect(error.code == .disconnected, "\(error)") }
        #expect(queue.sync { !connection.isOpen })
    }

    @Test func idleConnection_hasNoTimerNoWriteSourceAndNoWakeups() async throws {
        let connection = try connect()
        _ = try await call(connection, "ListNames") { message throws(BusError) in try message.readStringArray() }.get()
        let match = queue.sync {
            connection.matchSignal(interface: "org.example.Never", member: "Happens") { _ in }
        }
        _ = try await call(connection, "ListNames") { message throws(BusError) in try message.readStringArray() }.get()

        let (timer, writing, before) = queue.sync { (connection.isTimerArmed, connection.isWaitingToWrite, connection.wakeups) }
        try await Task.sleep(for: .seconds(1))  // measuring idleness, not waiting for an event
        let after = queue.sync { connection.wakeups }

        #expect(!timer, "sd-bus has no deadline once every call is answered")
        #expect(!writing, "nothing is left to write")
        #expect(after == before, "an idle connection woke up \(after - before) time(s)")
        queue.sync {
            match.cancel()
            connection.close()
        }
    }
}

/// A call result carried across to the test's task (the message is only read there after
/// the queue is done with it).
struct UncheckedResult: @unchecked Sendable {
    let value: Result<BusMessage, BusError>
    init(_ value: Result<BusMessage, BusError>) { self.value = value }
}
