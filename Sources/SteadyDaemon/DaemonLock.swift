import Foundation

/// The lock a daemon holds for its whole life, on a file beside the journal
/// (`daemon.lock`): whatever the control socket does, two daemons never deliver from the
/// same journal. The file holds the holder's pid, for the message the second one gives.
///
/// The lock is an `flock` on an open descriptor: the kernel lets go of it when the process
/// ends, however it ends (kill -9 included), so a stale file never keeps a daemon from starting.
final class DaemonLock {
    private let fd: Int32

    /// Why the lock could not be taken.
    enum Failure: Error {
        /// Another process holds it; its pid, as written in the file, when readable.
        case heldBy(pid: Int32?)
        /// The file could not be opened or created.
        case unavailable(String)
    }

    /// Takes the lock on `path`, creating the file (0600) and its directory (0700) when missing.
    init(path: String) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            // English: STATUS= and the log stay English
            throw .unavailable("Cannot open the daemon lock \(path) (\(String(cString: strerror(errno)))); check that \(directory) belongs to you and is writable.")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let held = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            let pid = held ? Self.readPID(fd) : nil
            close(fd)
            if held { throw .heldBy(pid: pid) }
            throw .unavailable("Cannot lock \(path) (\(reason)).")
        }
        self.fd = fd
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.count, 0)
    }

    deinit { close(fd) }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
