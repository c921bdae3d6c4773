import Foundation
import SteadyTestSupport
import Testing

/// Logging as journald sees it. The real `steady daemon` runs in a private mount namespace
/// (`unshare -m`) where a directory of the test is bind-mounted over `/run/systemd`; its
/// `journal/socket` is a datagram socket the test owns, so every native-protocol entry
/// `sd_journal_sendv` sends lands here, byte for byte. Needs root (CI runs as root).
@Suite(.serialized)
struct ServiceJournaldEndToEndTests {
    /// What a person writes; none of it may leave the journal file.
    static let privateAnswer = "I told Sam I felt hurt and the world did not end"
    static let privateNote = "zebra-orchid-42 a note only for me"

    @Test func withJournalStream_entriesAreNativeAndStructured_andNeverCarryWhatAPersonWrote() throws {
        try requireRoot("a private mount namespace")
        let home = try ServiceHome()
        let peer = try JournalPeer(directory: home.root.file("runsd"))
        let notify = try NotifySocket(directory: home.root.path)
        try home.writeConfig("""
            quiet-hours = "off"
            [practices.wins]
            schedule = "\(ServiceHome.slot(inSeconds: 3))"
            """)
        let daemon = try Self.startInNamespace(home: home, notify: notify, journalStreamNames: "stderr")
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true } != nil)

        // The person answers in their own words, with a private note, through the daemon.
        let id = try ServiceHome.sqlite(home.journalPath, "SELECT id FROM prompt WHERE outcome = 'pending'")
        let answer = try ChildProcess.run(SteadyBinary.path, ["answer", id, Self.privateAnswer, "--note", Self.privateNote],
                                          environment: home.environment(notify: nil))
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(try ServiceHome.sqlite(home.journalPath, "SELECT text, note FROM answer")
                == "\(Self.privateAnswer)|\(Self.privateNote)", "the answer must be in the journal file")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0, "stderr: \(daemon.stderr)")

        let entries = peer.drain()
        let started = try #require(entries.first { $0["MESSAGE"] == "steady started" }, "entries: \(entries)")
        #expect(started["PRIORITY"] == "6")
        #expect(started["SYSLOG_IDENTIFIER"] == "steady")
        #expect(started["CODE_FILE"]?.hasSuffix("Engine.swift") == true, "\(started)")
        #expect(started["CODE_LINE"].flatMap(Int.init) != nil)
        #expect(started["CODE_FUNC"]?.isEmpty == false)
        #expect(started["CONFIG"] == home.configPath)

        let created = try #require(entries.first { $0["MESSAGE"] == "prompt created" }, "entries: \(entries)")
        #expect(created["PRACTICE"] == "wins")
        #expect(created["PROMPT_ID"] == id)
        #expect(created["OUTCOME"] == "pending")
        let answered = try #require(entries.first { $0["MESSAGE"] == "prompt answered" }, "entries: \(entries)")
        #expect(answered["PROMPT_ID"] == id && answered["OUTCOME"] == "answered" && answered["PRACTICE"] == "wins")
        #expect(entries.contains { $0["MESSAGE"] == "steady stopping" })

        // Privacy: not a word of the answer or the note, in any field of any entry, or on stderr.
        for secret in [Self.privateAnswer, Self.privateNote, "zebra-orchid"] {
            #expect(!peer.rawBytes.contains(Data(secret.utf8)), "'\(secret)' was sent to journald")
            #expect(!daemon.stderr.contains(secret), "'\(secret)' was written to stderr")
        }
        #expect(!daemon.stderr.contains("steady["), "log lines went to stderr instead of journald: \(daemon.stderr)")
    }

    @Test func journalStreamNotNamingStderr_meansPlainStderrLines_evenWithJournaldThere() throws {
        try requireRoot("a private mount namespace")
        let home = try ServiceHome()
        let peer = try JournalPeer(directory: home.root.file("runsd"))
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try Self.startInNamespace(home: home, notify: notify, journalStreamNames: "stdout")
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)

        let lines = daemon.stderr.split(separator: "\n").map(String.init)
        let pid = daemon.pid
        #expect(lines.contains("steady[\(pid)]: info: steady started config=<embedded default> practices=9"), "\(lines)")
        #expect(lines.contains("steady[\(pid)]: info: steady stopping"), "\(lines)")
        #expect(peer.drain().isEmpty, "entries went to journald although stderr is not the journal")
    }

    // MARK: - Helpers

    /// Runs `steady daemon` with `/run/systemd` replaced by `home/runsd` in a private mount
    /// namespace, and `JOURNAL_STREAM` naming its stderr or its stdout.
    static func startInNamespace(home: ServiceHome, notify: NotifySocket, journalStreamNames stream: String) throws -> ChildProcess {
        let descriptor = stream == "stderr" ? 2 : 1
        let script = """
            set -e
            mkdir -p /run/systemd
            mount --bind "$1" /run/systemd
            JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/\(descriptor))
            export JOURNAL_STREAM
            exec "$2" daemon
            """
        let daemon = ChildProcess(
            "/usr/bin/unshare", ["-m", "--propagation", "private", "/bin/sh", "-c", script, "sh", home.root.file("runsd"), SteadyBinary.path],
            environment: home.environment(notify: notify.path))
        try daemon.start()
        return daemon
    }
}

/// journald's native socket, played by the test: a datagram socket at
/// `<directory>/journal/socket` that keeps every entry it receives.
final class JournalPeer {
    private let fd: Int32
    /// Every datagram received so far, concatenated (for "this text was never sent").
    private(set) var rawBytes = Data()

    init(directory: String) throws {
        let path = directory + "/journal/socket"
        try FileManager.default.createDirectory(atPath: directory + "/journal", withIntermediateDirectories: true)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw TestSupportError("cannot bind \(path): errno \(errno)") }
        // A roomy buffer: the daemon must never block on us.
        var size: Int32 = 8 << 20
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Every entry waiting on the socket, parsed.
    func drain() -> [[String: String]] {
        var entries: [[String: String]] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count > 0 else { break }
            let datagram = Array(buffer[0..<count])
            rawBytes.append(contentsOf: datagram)
            entries.append(Self.parse(datagram))
        }
        return entries
    }

    /// The native protocol: `KEY=value\n`, or `KEY\n` + 64-bit little-endian length + bytes + `\n`
    /// for values that contain a newline.
    static func parse(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        var index = 0
        while index < bytes.count {
            guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let line = bytes[index..<end]
            if let equals = line.firstIndex(of: UInt8(ascii: "=")) {
                fields[String(decoding: line[..<equals], as: UTF8.self)] = String(decoding: line[(equals + 1)...], as: UTF8.self)
                index = end + 1
            } else {
                let key = String(decoding: line, as: UTF8.self)
                let lengthStart = end + 1
                guard lengthStart + 8 <= bytes.count else { break }
                var length = 0
                for offset in 0..<8 { length |= Int(bytes[lengthStart + offset]) << (8 * offset) }
                let valueStart = lengthStart + 8
                guard valueStart + length <= bytes.count else { break }
                fields[key] = String(decoding: bytes[valueStart..<(valueStart + length)], as: UTF8.self)
                index = valueStart + length + 1
            }
        }
        return fields
    }

    deinit { close(fd) }
}
