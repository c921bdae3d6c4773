import Foundation

/// Talks to a running daemon over its control socket.
public struct ControlClient: Sendable {
    public let path: String

    public init(path: String = ControlSocketPath.path()) {
        self.path = path
    }

    /// Sends one request and waits (up to `timeout` seconds) for its response.
    /// Returns nil when no daemon is listening.
    public func send(_ request: ControlRequest, timeout: Int = 10) throws(ControlError) -> ControlResponse? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ControlError("Cannot create a socket to reach the daemon.") }
        defer { close(fd) }
        var address = sockaddr_un()
        guard UnixAddress.fill(&address, path: path) else { throw ControlError("The control socket path \(path) is too long.") }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { return nil }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var line = try! JSONEncoder().encode(request)
        line.append(UInt8(ascii: "\n"))
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else { throw ControlError("The daemon closed the connection before the request was sent.") }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(UInt8(ascii: "\n")) {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { throw ControlError(n == 0 ? "The daemon closed the connection without answering." : "The daemon did not answer within \(timeout) s.") }
            received.append(contentsOf: buffer[0..<n])
        }
        let reply = received.prefix { $0 != UInt8(ascii: "\n") }
        do {
            return try JSONDecoder().decode(ControlResponse.self, from: reply)
        } catch {
            throw ControlError("The daemon's answer could not be read; is it the same version as this command?")
        }
    }
}

/// A problem talking to the daemon.
public struct ControlError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

enum UnixAddress {
    static func fill(_ address: inout sockaddr_un, path: String) -> Bool {
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return true
    }
}
