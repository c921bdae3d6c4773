import CSystemd
import Foundation
import Logging

/// A swift-log backend for steady: native structured journald entries when stderr is
/// connected to the journal (`JOURNAL_STREAM` matches stderr, see systemd.exec(5)), plain
/// readable lines on stderr otherwise.
///
/// A journald entry carries `MESSAGE`, `PRIORITY` (syslog levels), `SYSLOG_IDENTIFIER`,
/// `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`, and one field per metadata key: `practice.id` →
/// `PRACTICE`, `prompt.id` → `PROMPT_ID`, `outcome` → `OUTCOME`, any other key upper-cased
/// with non-alphanumerics as `_` (`event.kind` → `EVENT_KIND`). It is sent with
/// `sd_journal_sendv(3)` to journald's native socket.
///
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

    /// A handler writing to `destination` (by default: journald when stderr is the journal).
    public init(label: String, identifier: String = "steady", destination: Destination = Self.detectDestination()) {
        self.label = label
        self.identifier = identifier
        self.destination = destination
    }

    /// `.journald` when `JOURNAL_STREAM` (`<device>:<inode>`) names the device and inode of
    /// `descriptor` (stderr); `.stderr` otherwise — also when stderr was redirected after
    /// systemd set the variable.
    public static func detectDestination(
        environment: [String: String] = ProcessInfo.processInfo.environment, descriptor: Int32 = 2
    ) -> Destination {
        guard let stream = environment["JOURNAL_STREAM"] else { return .stderr }
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return .stderr }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .stderr }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode ? .journald : .stderr
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        switch destination {
        case .journald:
            Self.sendToJournal(journalFields(for: event))
        case .stderr:
            let line = Array(stderrLine(for: event, pid: getpid()).utf8)
            _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        }
    }

    // MARK: - Formatting

    /// The entry's metadata: the handler's, then the event's, then its error (as `error`).
    func mergedMetadata(for event: LogEvent) -> Logger.Metadata {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(error)" }
        return merged
    }

    /// The `KEY=value` fields of a journald entry, in a stable order.
    func journalFields(for event: LogEvent) -> [String] {
        var fields = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(Self.priority(event.level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
        ]
        for (key, value) in mergedMetadata(for: event).sorted(by: { $0.key < $1.key }) {
            fields.append("\(Self.journalField(key))=\(value)")
        }
        return fields
    }

    /// One line for stderr: `steady[pid]: level: message key=value …` and a newline.
    func stderrLine(for event: LogEvent, pid: pid_t) -> String {
        var line = "\(identifier)[\(pid)]: \(event.level): \(event.message)"
        let merged = mergedMetadata(for: event)
        if !merged.isEmpty {
            line += " " + merged.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        return line.replacingOccurrences(of: "\n", with: " ") + "\n"
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

    /// `practice.id` → `PRACTICE`; other keys upper-cased, non-alphanumerics as `_`, and a
    /// leading letter guaranteed (journald field names start with a letter).
    static func journalField(_ key: String) -> String {
        switch key {
        case "practice.id": return "PRACTICE"
        case "prompt.id": return "PROMPT_ID"
        case "outcome": return "OUTCOME"
        default:
            let mapped = key.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
            let name = String(mapped)
            return String((name.first?.isLetter == true ? name : "F_" + name).prefix(64))
        }
    }

    private static func sendToJournal(_ fields: [String]) {
        let strings = fields.map { strdup($0)! }
        defer { strings.forEach { free($0) } }
        var vectors = strings.map { iovec(iov_base: UnsafeMutableRawPointer($0), iov_len: strlen($0)) }
        _ = vectors.withUnsafeMutableBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }
}
