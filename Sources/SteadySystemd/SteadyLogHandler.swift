import CSystemd
import Foundation
import Logging

/// A swift-log backend for steady: native structured journald entries when stderr is
/// connected to the journal (`JOURNAL_STREAM` matches stderr, see systemd.exec(5)), plain
/// readable lines on stderr otherwise.
///
/// Metadata keys map to journal fields: `practice.id` → `PRACTICE`, `prompt.id` →
/// `PROMPT_ID`, `outcome` → `OUTCOME`, any other key upper-cased with dots as underscores.
/// Never put text a person wrote into a message or metadata: logs leave the journal file.
public struct SteadyLogHandler: LogHandler {
    /// Where entries go.
    public enum Destination: Sendable, Equatable {
        /// Native journald protocol via `sd_journal_sendv`.
        case journald
        /// One line per entry on stderr.
        case stderr
    }

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let label: String
    public let destination: Destination
    private let identifier: String

    public init(label: String, identifier: String = "steady", destination: Destination = Self.detectDestination()) {
        self.label = label
        self.identifier = identifier
        self.destination = destination
    }

    /// `.journald` when `JOURNAL_STREAM` names the device and inode of our stderr.
    public static func detectDestination(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Destination
    {
        guard let stream = environment["JOURNAL_STREAM"] else { return .stderr }
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return .stderr }
        var info = stat()
        guard fstat(2, &info) == 0 else { return .stderr }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode ? .journald : .stderr
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        switch destination {
        case .journald:
            var fields = [
                "MESSAGE=\(event.message)",
                "PRIORITY=\(Self.priority(event.level))",
                "SYSLOG_IDENTIFIER=\(identifier)",
                "CODE_FILE=\(event.file)",
                "CODE_LINE=\(event.line)",
                "CODE_FUNC=\(event.function)",
            ]
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                fields.append("\(Self.journalField(key))=\(value)")
            }
            Self.sendToJournal(fields)
        case .stderr:
            var line = "\(identifier)[\(getpid())]: \(event.level): \(event.message)"
            if !merged.isEmpty {
                line += " " + merged.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            }
            line += "\n"
            line.utf8CString.withUnsafeBufferPointer { buffer in
                _ = write(2, buffer.baseAddress, buffer.count - 1)
            }
        }
    }

    /// syslog priority for a swift-log level.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// `practice.id` → `PRACTICE`; other keys upper-cased, non-alphanumerics as `_`.
    static func journalField(_ key: String) -> String {
        switch key {
        case "practice.id": return "PRACTICE"
        case "prompt.id": return "PROMPT_ID"
        case "outcome": return "OUTCOME"
        default:
            let mapped = key.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
            let name = String(mapped)
            return name.first?.isLetter == true ? name : "F_" + name
        }
    }

    private static func sendToJournal(_ fields: [String]) {
        let strings = fields.map { strdup($0)! }
        defer { strings.forEach { free($0) } }
        var vectors = strings.map { iovec(iov_base: UnsafeMutableRawPointer($0), iov_len: strlen($0)) }
        _ = vectors.withUnsafeMutableBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }
}
