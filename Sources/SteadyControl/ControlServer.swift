import Foundation

/// The daemon's end of the control socket: accepts connections from the same user only,
/// reads newline-delimited JSON requests and answers each on the given queue.
///
/// All callbacks run on `queue` (the engine's), so the handler may touch engine state.
public final class ControlServer: @unchecked Sendable {
    public typealias Handler = (ControlRequest, @escaping (ControlResponse) -> Void) -> Void

    public let path: String
    private let queue: DispatchQueue
    private let handler: Handler
    private var listener: Int32 = -1
    private var acceptSource: DispatchSourceRead?
    private var connections: [Int32: Connection] = [:]

    private final class Connection {
        let fd: Int32
        var source: DispatchSourceRead?
        var buffer = Data()
        init(fd: Int32) { self.fd = fd }
    }

    public init(path: String, queue: DispatchQueue, handler: @escaping Handler) {
        self.path = path
        self.queue = queue
        self.handler = handler
    }

    /// Creates the directory (0700) and socket (0600) and starts accepting. Call on `queue`.
    public func start() throws(ControlError) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(directory, 0o700)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw ControlError("Cannot create the control socket.") }
        var address = sockaddr_un()
        guard UnixAddress.fill(&address, path: path) else {
            close(fd)
            throw ControlError("The control socket path \(path) is too long; set XDG_RUNTIME_DIR to a shorter directory.")
        }
        // A socket file that still answers belongs to a running daemon: never take it over.
        if (try? ControlClient(path: path).send(.status, timeout: 2)) ?? nil != nil {
            close(fd)
            throw ControlError("Another steady daemon is already listening on \(path); stop it first (`systemctl --user stop steady`).")
        }
        unlink(path)  // a stale file left by a daemon that did not stop cleanly
        let oldMask = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        umask(oldMask)
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw ControlError("Cannot listen on \(path) (\(String(cString: strerror(errno)))); is another steady daemon running?")
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
        for connection in connections.values { connection.source?.cancel() }
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
            if fd < 0 { return }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var credentials = PeerCredentials()
            var length = socklen_t(MemoryLayout<PeerCredentials>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0, credentials.uid == getuid() else {
                close(fd)
                continue
            }
            let connection = Connection(fd: fd)
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [unowned self] in self.readFrom(connection) }
            source.setCancelHandler { close(fd) }
            connection.source = source
            connections[fd] = connection
            source.resume()
        }
    }

    private func readFrom(_ connection: Connection) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = read(connection.fd, &chunk, chunk.count)
        if n <= 0 {
            if n == 0 || (errno != EAGAIN && errno != EINTR) { drop(connection) }
            return
        }
        connection.buffer.append(contentsOf: chunk[0..<n])
        if connection.buffer.count > 1 << 20 { drop(connection); return }
        while let newline = connection.buffer.firstIndex(of: UInt8(ascii: "\n")) {
            let line = connection.buffer[connection.buffer.startIndex..<newline]
            connection.buffer.removeSubrange(connection.buffer.startIndex...newline)
            guard let request = try? JSONDecoder().decode(ControlRequest.self, from: line) else {
                reply(.failure(message: "The request could not be read; is this command the same version as the daemon?"), to: connection)
                continue
            }
            handler(request) { [weak self] response in self?.reply(response, to: connection) }
        }
    }

    private func reply(_ response: ControlResponse, to connection: Connection) {
        guard connections[connection.fd] != nil else { return }
        var data = try! JSONEncoder().encode(response)
        data.append(UInt8(ascii: "\n"))
        let fd = connection.fd
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n } else if errno == EAGAIN || errno == EINTR { continue } else { break }
            }
        }
    }

    private func drop(_ connection: Connection) {
        connections[connection.fd] = nil
        connection.source?.cancel()
    }
}

/// Linux `struct ucred` (SO_PEERCRED), which Glibc exposes only under _GNU_SOURCE.
private struct PeerCredentials {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
