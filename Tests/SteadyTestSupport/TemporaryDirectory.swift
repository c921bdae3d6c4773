import Foundation

/// A fresh directory under /tmp for one test, removed on deinit.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "steady-test") {
        // Short paths: socket paths inside must fit sockaddr_un (108 bytes).
        path = "/tmp/\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false,
                                                 attributes: [.posixPermissions: 0o700])
    }

    /// `path/relative`.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// Writes `text` to `relative`, creating directories.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        let target = file(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
