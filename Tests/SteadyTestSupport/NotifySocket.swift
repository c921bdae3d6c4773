import Foundation

/// A `NOTIFY_SOCKET` owned by a test: an AF_UNIX datagram socket that receives what a
/// child process sends with `sd_notify(3)`, exactly as systemd would.
public final class NotifySocket: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    /// Every datagram received so far, in order.
    public private(set) var received: [String] = []

    public init(directory: String) throws {
        path = directory + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("socket() failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw TestSupportError("path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw TestSupportError("bind(\(path)) failed: errno \(errno)") }
    }

    /// Waits for the next datagram (blocking in `poll`, no sleeping); nil after `timeout` seconds.
    public func next(timeout: Double) -> String? {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return nil }
            let r = poll(&pfd, 1, Int32(remaining * 1000))
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { return nil }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { return nil }
            let message = String(decoding: buffer[0..<n], as: UTF8.self)
            received.append(message)
            return message
        }
    }

    /// Waits for a datagram satisfying `predicate`, returning it; datagrams before it are kept
    /// in `received`. nil after `timeout` seconds.
    public func wait(timeout: Double = 30, for predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            guard let message = next(timeout: deadline.timeIntervalSinceNow) else { return nil }
            if predicate(message) { return message }
        }
        return nil
    }

    /// Waits for a datagram containing the line `line` (e.g. "READY=1").
    public func wait(forLine line: String, timeout: Double = 30) -> String? {
        wait(timeout: timeout) { $0.split(separator: "\n").contains { $0 == line } }
    }

    deinit {
        close(fd)
        unlink(path)
    }
}

/// A test set-up problem.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    /// The value of `KEY=` in an sd_notify datagram.
    public func notifyField(_ key: String) -> String? {
        split(separator: "\n").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }
}
