import Foundation
import SteadyLocalization

/// Talks to a running daemon over its control socket.
public struct ControlClient: Sendable {
    public let path: String

    public init(path: String = ControlSocketPath.path()) {
        self.path = path
    }

    /// Sends one request and waits (up to `timeout` seconds) for its response.
    ///
    /// Returns nil when no daemon is listening. Throws `ControlError.untrusted` before
    /// anything is sent when the socket's directory, or the process that answers on the
    /// socket, does not belong to this user (see `RuntimeDirectory`).
    public func send(_ request: ControlRequest, timeout: Int = 10) throws(ControlError) -> ControlResponse? {
        switch RuntimeDirectory.check((path as NSString).deletingLastPathComponent) {
        case .missing: return nil
        case .untrusted(let reason): throw ControlError(.untrusted, tr("Not using the control socket: %1$@.", reason))
        case .trusted: break
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ControlError(.unreachable, tr("Cannot create a socket to reach the daemon.")) }
        defer { close(fd) }
        var address = sockaddr_un()
        guard UnixAddress.fill(&address, path: path) else { throw ControlError(.unreachable, tr("The control socket path %1$@ is too long.", path)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { return nil }
        guard let peer = PeerCredentials(of: fd), peer.uid == getuid() else {
            guard let owner = PeerCredentials(of: fd) else {
                throw ControlError(.untrusted, tr("Not using the control socket: %1$@ is served by a user steady cannot tell; nothing was sent to it.", path))
            }
            throw ControlError(.untrusted, tr("Not using the control socket: %1$@ is served by another user (uid %2$@); nothing was sent to it.", path, "\(owner.uid)"))
        }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var line = try! JSONEncoder().encode(request)
        line.append(UInt8(ascii: "\n"))
        guard Self.sendAll(line, to: fd) else {
            throw ControlError(.noAnswer, tr("The daemon closed the connection before the request was sent."))
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(UInt8(ascii: "\n")) {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                throw ControlError(.noAnswer, n == 0 ? tr("The daemon closed the connection without answering.") : tr("The daemon did not answer within %1$@ s.", timeout))
            }
            received.append(contentsOf: buffer[0..<n])
            if received.count > Self.maxReplyBytes { throw ControlError(.noAnswer, tr("The daemon's answer was too long to be one.")) }
        }
        let reply = received.prefix { $0 != UInt8(ascii: "\n") }
        do {
            return try JSONDecoder().decode(ControlResponse.self, from: reply)
        } catch {
            throw ControlError(.noAnswer, tr("The daemon's answer could not be read; is it the same version as this command?"))
        }
    }

    /// The longest reply a client reads.
    static let maxReplyBytes = 1 << 20

    /// Writes all of `data`, never raising SIGPIPE; false when the other end went away.
    static func sendAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }
}

/// A problem talking to the daemon.
public struct ControlError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem.
    public enum Code: Sendable, Equatable {
        /// The socket could not be set up or reached.
        case unreachable
        /// The socket's directory or the process serving it is not this user's: nothing was sent.
        case untrusted
        /// The daemon did not answer, or answered something unreadable.
        case noAnswer
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

/// Linux `struct ucred` (SO_PEERCRED), which Glibc exposes only under _GNU_SOURCE.
struct PeerCredentials {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0

    /// The credentials of the process at the other end of `fd`.
    init?(of fd: Int32) {
        var length = socklen_t(MemoryLayout<PeerCredentials>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &self, &length) == 0 else { return nil }
    }

    private init() {}
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
