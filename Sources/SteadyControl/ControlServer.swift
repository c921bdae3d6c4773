import Foundation
import SteadyLocalization

/// The daemon's end of the control socket: accepts connections from the same user only,
/// reads newline-delimited JSON requests and answers each on the given queue.
///
/// All callbacks run on `queue` (the engine's), so the handler may touch engine state. Nothing
/// a client does can hold the queue up or end the process: reads and writes never block
/// (a reply that does not fit waits for the client in a buffer of its own), writes never
/// raise SIGPIPE, a line longer than `maxLineBytes` or a reply buffer over `maxPendingBytes`
/// drops that client, and past `maxConnections` the longest-idle client makes room.
public final class ControlServer: @unchecked Sendable {
    public typealias Handler = (ControlRequest, @escaping (ControlResponse) -> Void) -> Void

    public let path: String
    private let queue: DispatchQueue
    private let handler: Handler
    private var listener: Int32 = -1
    private var acceptSource: DispatchSourceRead?
    private var connections: [Int32: Connection] = [:]
    /// Increases with every read, to find the longest-idle connection.
    private var activity: UInt64 = 0
    /// Where every read lands first (on the queue, one read at a time): allocated once, not
    /// per read.
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    /// The longest request line read; a longer one drops the connection.
    static let maxLineBytes = 1 << 20
    /// Arrays and objects inside one another; a request needs four.
    static let maxNesting = 16
    /// Replies waiting for a client that does not read; more drops the connection.
    static let maxPendingBytes = 1 << 20
    /// Connections open at once.
    static let maxConnections = 64

    private final class Connection {
        let fd: Int32
        var readSource: DispatchSourceRead?
        var writeSource: DispatchSourceWrite?
        var buffer: [UInt8] = []
        var pending = Data()
        var lastActive: UInt64
        init(fd: Int32, lastActive: UInt64) {
            self.fd = fd
            self.lastActive = lastActive
        }
    }

    public init(path: String, queue: DispatchQueue, handler: @escaping Handler) {
        self.path = path
        self.queue = queue
        self.handler = handler
    }

    /// Makes sure the socket's directory is this user's alone (creating it 0700 when missing),
    /// replaces a socket file left there by an earlier daemon, and starts accepting. Call on
    /// `queue`, and only while holding the daemon lock: that lock, not the socket, says
    /// whether another daemon runs.
    public func start() throws(ControlError) {
        try RuntimeDirectory.prepare((path as NSString).deletingLastPathComponent)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw ControlError(.unreachable, tr("Cannot create the control socket.")) }
        var address = sockaddr_un()
        guard UnixAddress.fill(&address, path: path) else {
            close(fd)
            throw ControlError(.unreachable, tr("The control socket path %1$@ is too long; set XDG_RUNTIME_DIR to a shorter directory.", path))
        }
        unlink(path)  // left by a daemon that did not stop cleanly
        let oldMask = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        umask(oldMask)
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ControlError(.unreachable, tr("Cannot listen on %1$@ (%2$@).", path, reason))
        }
        listener = fd
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [unowned self] in self.acceptConnections() }
        source.resume()
        acceptSource = source
    }

    /// Stops accepting, closes every connection and removes the socket file.
    public func stop() {
        acceptSource?.cancel()
        acceptSource = nil
        for connection in connections.values { cancelSources(of: connection) }
        connections.removeAll()
        if listener >= 0 {
            close(listener)
            listener = -1
            unlink(path)
        }
    }

    private func acceptConnections() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // EAGAIN: nothing more to accept; EMFILE and the like: try again on the next event
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            guard let peer = PeerCredentials(of: fd), peer.uid == getuid() else {
                close(fd)
                continue
            }
            if connections.count >= Self.maxConnections, let idlest = connections.values.min(by: { $0.lastActive < $1.lastActive }) {
                drop(idlest)
            }
            activity += 1
            let connection = Connection(fd: fd, lastActive: activity)
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [unowned self] in self.readFrom(connection) }
            connection.readSource = source
            connections[fd] = connection
            source.resume()
        }
    }

    private func readFrom(_ connection: Connection) {
        let n = read(connection.fd, &readBuffer, readBuffer.count)
        if n <= 0 {
            if n == 0 || (errno != EAGAIN && errno != EINTR) { drop(connection) }
            return
        }
        activity += 1
        connection.lastActive = activity
        // Only the new bytes are searched for the end of a line: a client trickling a long
        // line costs time in proportion to its length, never its square.
        var searchFrom = connection.buffer.count
        connection.buffer.append(contentsOf: readBuffer[0..<n])
        while let newline = connection.buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = connection.buffer[..<newline]
            let request = Self.nestsDeeper(line, than: Self.maxNesting) ? nil
                : try? JSONDecoder().decode(ControlRequest.self, from: Data(line))
            connection.buffer.removeSubrange(...newline)
            searchFrom = 0
            guard let request else {
                reply(.failure(message: tr("The request could not be read; is this command the same version as the daemon?")), to: connection)
                continue
            }
            handler(request) { [weak self] response in self?.reply(response, to: connection) }
            guard connections[connection.fd] === connection else { return }  // dropped while replying
        }
        if connection.buffer.count > Self.maxLineBytes { drop(connection) }
    }

    /// Whether `line` nests arrays and objects deeper than `limit` (inside strings nothing
    /// counts). No request comes close, and a recursive parser would spend seconds of the
    /// engine's time on such a line.
    static func nestsDeeper(_ line: ArraySlice<UInt8>, than limit: Int) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in line {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }

    private func reply(_ response: ControlResponse, to connection: Connection) {
        guard connections[connection.fd] === connection else { return }  // the client went away
        var data = try! JSONEncoder().encode(response)
        data.append(UInt8(ascii: "\n"))
        connection.pending.append(data)
        flush(connection)
    }

    /// Writes what waits for `connection` as far as its socket takes it now; the rest waits
    /// for the socket to drain.
    private func flush(_ connection: Connection) {
        while !connection.pending.isEmpty {
            let n = connection.pending.withUnsafeBytes { send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                connection.pending.removeFirst(n)
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && errno == EAGAIN {
                break
            } else {
                drop(connection)  // EPIPE, ECONNRESET: the client hung up
                return
            }
        }
        if connection.pending.count > Self.maxPendingBytes {
            drop(connection)
        } else if connection.pending.isEmpty {
            connection.writeSource?.cancel()
            connection.writeSource = nil
        } else if connection.writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: connection.fd, queue: queue)
            source.setEventHandler { [unowned self] in self.flush(connection) }
            connection.writeSource = source
            source.resume()
        }
    }

    private func drop(_ connection: Connection) {
        guard connections[connection.fd] === connection else { return }
        connections[connection.fd] = nil
        cancelSources(of: connection)
    }

    /// Cancels the connection's sources; the descriptor is closed once both have let go of it.
    private func cancelSources(of connection: Connection) {
        let fd = connection.fd
        let sources: [any DispatchSourceProtocol] = [connection.readSource, connection.writeSource].compactMap { $0 }
        connection.readSource = nil
        connection.writeSource = nil
        let group = DispatchGroup()
        for source in sources {
            group.enter()
            source.setCancelHandler { group.leave() }
            source.cancel()
        }
        group.notify(queue: queue) { close(fd) }
    }
}
