import Foundation

/// Runs the real `steady` executable built by SwiftPM, as a person would.
public enum SteadyBinary {
    /// `$STEADY_BIN`, else `steady` next to the test bundle in SwiftPM's products directory.
    public static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["STEADY_BIN"] { return explicit }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("steady").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return "steady"
    }
}

/// The result of running a command to completion.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A child process with its environment, started and stopped by a test.
///
/// Its stdout and stderr are read by two plain threads with blocking `read`s rather than
/// `FileHandle.readabilityHandler`: hundreds of short-lived children each setting up and
/// tearing down a Dispatch read source on a pipe is the churn that trips libdispatch's epoll
/// bookkeeping on Linux ("Source finalized twice", swift-corelibs-libdispatch #949).
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private let exited = DispatchSemaphore(value: 0)
    private let out = Output()
    private let err = Output()

    public init(_ executable: String, _ arguments: [String], environment: [String: String], stdin: Bool = false) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = outPipe
        process.standardError = errPipe
        if !stdin { process.standardInput = FileHandle.nullDevice }
        process.terminationHandler = { [exited] _ in exited.signal() }
    }

    public func start() throws {
        try process.run()
        // The child has its own copies now. Every descriptor is closed as soon as it is done
        // with, not when Foundation lets go of the Process: a run of thousands of children
        // otherwise piles up descriptors until Process.run() itself crashes (in memmove).
        try? outPipe.fileHandleForWriting.close()
        try? errPipe.fileHandleForWriting.close()
        out.collect(from: outPipe.fileHandleForReading)
        err.collect(from: errPipe.fileHandleForReading)
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for exit up to `timeout` seconds; the exit status, or nil if still running.
    public func waitForExit(timeout: Double) -> Int32? {
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exited.signal()
        return process.terminationStatus
    }

    /// Waits (up to `timeout` seconds) until both pipes reached end of file, so everything the
    /// child wrote has been read. A grandchild still holding a pipe open only costs the wait.
    public func waitForOutput(timeout: Double = 5) {
        let deadline = DispatchTime.now() + timeout
        out.waitForEnd(until: deadline)
        err.waitForEnd(until: deadline)
    }

    public var stdout: String { out.text }
    public var stderr: String { err.text }

    /// Runs to completion and returns status and output.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           input: String? = nil, timeout: Double = 60) throws -> CommandResult
    {
        let child = ChildProcess(executable, arguments, environment: environment, stdin: input != nil)
        let inPipe = Pipe()
        if input != nil { child.process.standardInput = inPipe }
        try child.start()
        if input != nil { try? inPipe.fileHandleForReading.close() }
        if let input {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        guard let status = child.waitForExit(timeout: timeout) else {
            child.signal(SIGKILL)
            throw TestSupportError("\(executable) \(arguments) did not finish within \(timeout) s")
        }
        child.waitForOutput()
        return CommandResult(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// What one pipe of a child yielded so far, read on a thread of its own until end of file.
private final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let ended = DispatchSemaphore(value: 0)

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func collect(from handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let fd = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 {
                    lock.withLock { data.append(contentsOf: buffer[0..<n]) }
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            try? handle.close()
            ended.signal()
        }
    }

    func waitForEnd(until deadline: DispatchTime) {
        guard ended.wait(timeout: deadline) == .success else { return }
        ended.signal()
    }
}
