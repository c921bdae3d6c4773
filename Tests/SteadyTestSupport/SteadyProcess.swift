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
}

/// A child process with its environment, started and stopped by a test.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private let exited = DispatchSemaphore(value: 0)
    private var outData = Data()
    private var errData = Data()
    private let lock = NSLock()

    public init(_ executable: String, _ arguments: [String], environment: [String: String], stdin: Bool = false) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = outPipe
        process.standardError = errPipe
        if !stdin { process.standardInput = FileHandle.nullDevice }
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.outData.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.errData.append(data) }
        }
        process.terminationHandler = { [exited] _ in exited.signal() }
    }

    public func start() throws { try process.run() }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for exit up to `timeout` seconds; the exit status, or nil if still running.
    public func waitForExit(timeout: Double) -> Int32? {
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exited.signal()
        return process.terminationStatus
    }

    public var stdout: String { lock.withLock { String(decoding: outData, as: UTF8.self) } }
    public var stderr: String { lock.withLock { String(decoding: errData, as: UTF8.self) } }

    /// Runs to completion and returns status and output.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           input: String? = nil, timeout: Double = 60) throws -> CommandResult
    {
        let child = ChildProcess(executable, arguments, environment: environment, stdin: input != nil)
        let inPipe = Pipe()
        if input != nil { child.process.standardInput = inPipe }
        try child.start()
        if let input {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        guard let status = child.waitForExit(timeout: timeout) else {
            child.signal(SIGKILL)
            throw TestSupportError("\(executable) \(arguments) did not finish within \(timeout) s")
        }
        // Drain what is left in the pipes.
        child.outPipe.fileHandleForReading.readabilityHandler = nil
        child.errPipe.fileHandleForReading.readabilityHandler = nil
        let restOut = child.outPipe.fileHandleForReading.readDataToEndOfFile()
        let restErr = child.errPipe.fileHandleForReading.readDataToEndOfFile()
        child.lock.withLock {
            child.outData.append(restOut)
            child.errData.append(restErr)
        }
        return CommandResult(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
