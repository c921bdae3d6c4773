import Foundation

/// A fresh directory under /tmp for one test, removed on deinit.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "steady-test") {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template)
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
