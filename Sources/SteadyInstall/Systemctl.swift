import Foundation
import SteadyKit
import SteadyLocalization

/// Runs `systemctl --user …` for `steady service`, and says plainly when no user manager
/// can be reached.
///
/// `systemctl` is looked up on `PATH` (so a test can put a recording stand-in first).
public struct Systemctl: Sendable {
    /// What one `systemctl` run did.
    public struct Result: Sendable, Equatable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// The environment `systemctl` runs with.
    public let environment: [String: String]
    /// The `systemctl` executable, nil when it is not installed.
    public let executable: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        executable = Self.find("systemctl", path: environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// Runs `systemctl --user <arguments>` and waits for it.
    public func run(_ arguments: [String]) throws(ServiceError) -> Result {
        guard let executable else {
            throw ServiceError(.noManager, tr("systemctl is not installed, so there is no systemd to run steady as a service."))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--user"] + arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ServiceError(.systemctl, tr("%1$@ could not be started: %2$@.", executable, error.localizedDescription))
        }
        // Read both pipes before waiting, so a chatty systemctl cannot fill one and block.
        let errorData = ReadBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Why no user manager can be reached, or nil when one answers.
    ///
    /// Checks, in order: `systemctl` installed, `XDG_RUNTIME_DIR` set, the manager answering
    /// `systemctl --user show --property=Version`.
    public func unreachableReason() -> String? {
        guard executable != nil else {
            return tr("systemctl is not installed: this system does not seem to use systemd.")
        }
        guard BaseDirectories.runtimeDirectory(in: environment) != nil else {
            return tr("XDG_RUNTIME_DIR is not set, so there is no login session with a systemd user manager here (this happens under sudo or su, in some containers, and over ssh without a session).")
        }
        let result: Result
        do {
            result = try run(["--no-pager", "show", "--property=Version"])
        } catch {
            return error.description
        }
        guard result.status == 0 else {
            let said = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            if said.isEmpty {
                return tr("the systemd user manager did not answer (systemctl exited with status %1$@); it runs only inside a login session, or for a user with `loginctl enable-linger`.", "\(result.status)")
            }
            return tr("the systemd user manager did not answer (systemctl said: %1$@); it runs only inside a login session, or for a user with `loginctl enable-linger`.", said)
        }
        return nil
    }

    /// Properties of `steady.service` from `systemctl --user show`, or nil when it fails.
    public func show(_ properties: [String]) -> [String: String]? {
        guard let result = try? run(["--no-pager", "show", ServiceUnit.name, "--property=" + properties.joined(separator: ",")]),
              result.status == 0
        else { return nil }
        var values: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    /// The first executable `name` in the colon-separated `path`.
    public static func find(_ name: String, path: String) -> String? {
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private final class ReadBox: @unchecked Sendable {
        var data = Data()
    }
}
