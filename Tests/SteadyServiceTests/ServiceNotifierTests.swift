import Foundation
import SteadyTestSupport
import Testing

@testable import SteadyService

/// The sd_notify datagrams, byte for byte, received on a socket the test owns.
@Suite struct ServiceNotifierTests {
    let directory = TemporaryDirectory(prefix: "steady-notify")

    func listener() throws -> (NotifySocket, ServiceNotifier) {
        let socket = try NotifySocket(directory: directory.path)
        return (socket, ServiceNotifier(environment: ["NOTIFY_SOCKET": socket.path]))
    }

    @Test func ready_sendsReadyAndStatusInOneDatagram() throws {
        let (socket, notifier) = try listener()
        notifier.ready(status: "next: evening-reflection at 21:00 · 2 pending")
        #expect(socket.next(timeout: 5) == "READY=1\nSTATUS=next: evening-reflection at 21:00 · 2 pending")
    }

    @Test func status_isOneLine() throws {
        let (socket, notifier) = try listener()
        notifier.status("config error:\nline two")
        #expect(socket.next(timeout: 5) == "STATUS=config error: line two")
    }

    @Test func reloading_carriesTheMonotonicClockOfThatMoment() throws {
        let (socket, notifier) = try listener()
        let before = ServiceNotifier.monotonicMicroseconds()
        notifier.reloading()
        let after = ServiceNotifier.monotonicMicroseconds()
        let message = try #require(socket.next(timeout: 5))
        #expect(message.split(separator: "\n").first == "RELOADING=1")
        let stamp = try #require(message.notifyField("MONOTONIC_USEC").flatMap(UInt64.init), "\(message)")
        #expect(stamp >= before && stamp <= after, "MONOTONIC_USEC=\(stamp) not within [\(before), \(after)]")
        #expect(message.split(separator: "\n").count == 2)
    }

    @Test func stopping_watchdog_failed_extendTimeout_sendExactlyTheirFields() throws {
        let (socket, notifier) = try listener()
        notifier.stopping()
        #expect(socket.next(timeout: 5) == "STOPPING=1\nSTATUS=stopping")
        notifier.watchdog()
        #expect(socket.next(timeout: 5) == "WATCHDOG=1")
        notifier.failed(status: "config error: config.toml:3:1: unknown key 'tecnique'", errno: EINVAL)
        #expect(socket.next(timeout: 5) == "STATUS=config error: config.toml:3:1: unknown key 'tecnique'\nERRNO=22")
        notifier.extendTimeout(.seconds(20))
        #expect(socket.next(timeout: 5) == "EXTEND_TIMEOUT_USEC=20000000")
        notifier.extendTimeout(.milliseconds(1500))
        #expect(socket.next(timeout: 5) == "EXTEND_TIMEOUT_USEC=1500000")
    }

    @Test func abstractSocket_isReachedWithoutAPath() throws {
        let name = "steady-test-\(UInt32.random(in: 0...UInt32.max))"
        let socket = try AbstractDatagramSocket(name: name)
        let notifier = ServiceNotifier(environment: ["NOTIFY_SOCKET": "@" + name])
        #expect(notifier.isSupervised)
        notifier.ready(status: "ok")
        #expect(socket.next(timeout: 5) == "READY=1\nSTATUS=ok")
    }

    @Test func withoutNotifySocket_nothingIsSent() {
        let notifier = ServiceNotifier(environment: [:])
        #expect(!notifier.isSupervised)
        #expect(!notifier.send(["READY=1"]))
        #expect(!ServiceNotifier(environment: ["NOTIFY_SOCKET": ""]).isSupervised)
    }

    @Test func whenNobodyListens_sendFailsQuietly() {
        let notifier = ServiceNotifier(socket: directory.file("nobody.sock"))
        #expect(notifier.isSupervised)
        #expect(!notifier.send(["READY=1"]))
        #expect(!ServiceNotifier(socket: "relative/path.sock").send(["READY=1"]))
    }

    @Test(arguments: [
        ([:], nil),
        (["WATCHDOG_USEC": "0"], nil),
        (["WATCHDOG_USEC": "soon"], nil),
        (["WATCHDOG_USEC": "1000000"], Duration.milliseconds(500)),
        (["WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "4242"], Duration.seconds(30)),
        (["WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "1"], nil),
        (["WATCHDOG_USEC": "60000000", "WATCHDOG_PID": ""], Duration.seconds(30)),
    ] as [([String: String], Duration?)])
    func watchdogPingInterval_isHalfTheTimeout_forThisProcessOnly(environment: [String: String], expected: Duration?) {
        #expect(ServiceNotifier.watchdogPingInterval(environment: environment, pid: 4242) == expected)
    }
}

/// A datagram socket in the abstract namespace (`@name` in `NOTIFY_SOCKET`).
final class AbstractDatagramSocket {
    private let fd: Int32

    init(name: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = [UInt8(0)] + Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, bound == 0 else { throw TestSupportError("cannot bind @\(name): errno \(errno)") }
    }

    func next(timeout: Double) -> String? {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count < 0 ? nil : String(decoding: buffer[0..<count], as: UTF8.self)
    }

    deinit { close(fd) }
}
