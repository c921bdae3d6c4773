import Dispatch
import Foundation
import SteadyExternal
import SteadyTestSupport

/// Runs a short program to completion with `posix_spawn`, its output in files.
///
/// The matrix starts a few thousand short programs in one test process (AT-SPI looks, bus
/// queries, `steady answer`, sqlite3); Foundation's `Process.run()` crashed in a `memmove` after
/// many hundreds of them in one run, so these go the way steady starts its own children.
enum Command {
    static func run(_ argv: [String], environment: [String: String], input: String? = nil, timeout: Double = 60) throws -> CommandResult {
        let base = "/tmp/steady-cmd-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { for suffix in [".out", ".err", ".in"] { unlink(base + suffix) } }
        let out = open(base + ".out", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let err = open(base + ".err", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { close(out); close(err) }
        var inputFD: Int32?
        if let input {
            try input.write(toFile: base + ".in", atomically: false, encoding: .utf8)
            inputFD = open(base + ".in", O_RDONLY | O_CLOEXEC)
        }
        defer { if let inputFD { close(inputFD) } }
        guard out >= 0, err >= 0 else { throw TestSupportError("Could not create output files under /tmp for \(argv[0]).") }
        let pid: pid_t
        switch ChildSpawn.start(argv, environment: environment, stdin: inputFD, stdout: out, stderr: err, closingOthers: true) {
        case .success(let started): pid = started
        case .failure(let error): throw TestSupportError("Could not start \(argv[0]): \(error).")
        }
        // The wait is a blocking waitpid on a thread of its own; the timeout kills the child's group.
        let done = DispatchSemaphore(value: 0)
        let status = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        defer { status.deallocate() }
        status.pointee = 0
        let box = UncheckedBox(status)
        Thread.detachNewThread {
            while waitpid(pid, box.pointer, 0) < 0 && errno == EINTR {}
            done.signal()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(-pid, SIGKILL)
            done.wait()
            throw TestSupportError("\(argv.joined(separator: " ")) did not finish within \(timeout) s.")
        }
        let raw = status.pointee
        let code: Int32 = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        func text(_ fd: Int32) -> String {
            lseek(fd, 0, SEEK_SET)
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
            }
            return String(decoding: data, as: UTF8.self)
        }
        return CommandResult(status: code, stdout: text(out), stderr: text(err))
    }

    private final class UncheckedBox: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Int32>
        init(_ pointer: UnsafeMutablePointer<Int32>) { self.pointer = pointer }
    }
}
