import Foundation
import SteadyTestSupport
import Testing

/// The fault-injection suite (docs/reliability.md): the real binary against a journal it cannot
/// use, a full disk, a control socket under abuse, and another user on the same machine.
@Suite(.serialized) struct FaultInjectionTests {
    // MARK: - A journal steady cannot use

    enum Damage: String, CaseIterable, CustomStringConvertible, Sendable {
        case truncated, garbage, newerSchema, readOnlyFile, directoryOfAnotherUser
        var description: String { rawValue }
    }

    /// A person's journal (the 0.1.0 fixture, so it holds real rows) damaged one way.
    @Test(arguments: Damage.allCases)
    func aJournalSteadyCannotUse_isRefusedWithWhatToDo_andLeftAsItWas(_ damage: Damage) throws {
        try requireRoot("a second account owns the journal's directory or the files in two of the cases")
        let home = try ServiceHome()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SteadyJournalTests/Fixtures/journal-v0.1.0.sqlite").standardized.path
        let directory = (home.journalPath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: fixture, toPath: home.journalPath)

        let other = try OtherUser()
        var runAs: OtherUser?
        let expected: String
        switch damage {
        case .truncated:
            #expect(truncate(home.journalPath, 10_000) == 0)
            expected = "The journal at \(home.journalPath) is damaged or is not a steady journal; nothing was changed. Move it aside"
        case .garbage:
            let size = try FileManager.default.attributesOfItem(atPath: home.journalPath)[.size] as! Int
            try Data((0..<size).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: home.journalPath))
            expected = "The journal at \(home.journalPath) is damaged or is not a steady journal; nothing was changed. Move it aside"
        case .newerSchema:
            _ = try ServiceHome.sqlite(home.journalPath, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future'); PRAGMA wal_checkpoint(TRUNCATE);")
            expected = "The journal at \(home.journalPath) was written by a newer version of steady; update steady to use it (nothing was changed)."
        case .readOnlyFile:
            // Root writes whatever the mode says, so the person here is the second account.
            _ = try ChildProcess.run("/bin/chown", ["-R", "\(other.uid):\(other.gid)", home.root.path], environment: [:])
            chmod(home.journalPath, 0o400)
            runAs = other
            expected = "Cannot open the journal at \(home.journalPath) for writing; check that it and its directory belong to you and are writable."
        case .directoryOfAnotherUser:
            _ = try ChildProcess.run("/bin/chown", ["-R", "\(other.uid):\(other.gid)", directory], environment: [:])
            expected = "The journal's directory \(directory) belongs to another user (uid \(other.uid)); steady keeps your journal only in a directory of your own."
        }
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: home.journalPath))
        let rowsBefore = damage == .newerSchema ? try ServiceHome.sqlite(home.journalPath, ".dump") : ""

        func steady(_ arguments: [String], notify: String? = nil) throws -> CommandResult {
            let environment = home.environment(notify: notify)
            if let runAs { return try runAs.run([SteadyBinary.path] + arguments, environment: environment) }
            return try ChildProcess.run(SteadyBinary.path, arguments, environment: environment)
        }

        // The CLI: reading and writing are both refused, with the sentence and status 74.
        for arguments in [["history"], ["wins", "add", "a walk in the sun"]] {
            let result = try steady(arguments)
            #expect(result.status == 74, "\(arguments): \(result.status) \(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }

        // The daemon: STATUS= with the same sentence, ERRNO=, exit 74.
        let notify = try NotifySocket(directory: home.root.path)
        if runAs != nil {
            _ = try ChildProcess.run("/bin/chown", ["\(other.uid):\(other.gid)", notify.path], environment: [:])
        }
        let daemon = try steady(["daemon"], notify: notify.path)
        #expect(daemon.status == 74, "\(daemon.stderr)")
        #expect(daemon.stderr.contains(expected), "\(daemon.stderr)")
        while notify.next(timeout: 0.2) != nil {}
        #expect(notify.received.count == 1 && notify.received.first?.hasPrefix("STATUS=cannot open the journal: \(expected)") == true
                && notify.received.first?.hasSuffix("\nERRNO=5") == true, "\(notify.received)")

        // Nothing overwritten or "repaired". (A journal from a newer steady is opened by
        // SQLite, whose WAL set-up may rewrite a page without changing a row: its rows and
        // schema are compared instead of its bytes.)
        if damage == .newerSchema {
            #expect(try ServiceHome.sqlite(home.journalPath, ".dump") == rowsBefore)
        } else {
            #expect(try Data(contentsOf: URL(fileURLWithPath: home.journalPath)) == bytesBefore)
        }
    }

    // MARK: - A full disk

    @Test func aFullDisk_refusesWithASentence_keepsTheDaemonAndTheJournal_andRecoversWhenSpaceIsFreed() throws {
        try requireRoot("the journal lives on a small tmpfs mounted in a private mount namespace")
        let home = try ServiceHome()
        let directory = (home.journalPath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let disk = try PrivateTmpfs(at: directory, size: "512k")
        defer { disk.unmount() }
        try home.writeConfig("""
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "\(ServiceHome.slot(inSeconds: 2))"
            """)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = ChildProcess("/usr/bin/nsenter", disk.enter + [SteadyBinary.path, "daemon"], environment: home.environment(notify: notify.path))
        try daemon.start()
        defer { daemon.stopHard() }
        #expect(notify.wait(timeout: 20, for: { $0.notifyField("STATUS")?.contains("1 pending") == true }) != nil, "stderr: \(daemon.stderr)")
        let prompt = try disk.run(["/usr/bin/sqlite3", home.journalPath, "SELECT id FROM prompt WHERE outcome = 'pending'"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!prompt.isEmpty)
        let env = home.environment(notify: nil)

        // Fill it to the last byte: the writer stops at ENOSPC, and not one more byte fits.
        let fill = try disk.run(["/bin/sh", "-c", "cat /dev/zero > \(directory)/filler"])
        #expect(fill.stderr.contains("No space left on device"), "\(fill.stderr)")
        #expect(try disk.run(["/bin/sh", "-c", "printf x >> \(directory)/probe"]).status != 0, "the disk still takes bytes")

        // Entries go in until the journal needs a byte it cannot get; each one acknowledged counts.
        var acknowledged: [String] = []
        var refusal: CommandResult?
        for n in 0..<300 {
            let text = "a small win, number \(n)"
            let result = try disk.run([SteadyBinary.path, "wins", "add", text], environment: env)
            if result.status == 0 { acknowledged.append(text); continue }
            refusal = result
            break
        }
        let refused = try #require(refusal, "300 entries fit on a full disk: the test did not fill it")
        #expect(refused.status == 74, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("The disk holding the journal is full, so nothing was saved. Free some space, then try again."),
                "\(refused.stderr)")
        let answer = try disk.run([SteadyBinary.path, "answer", prompt, "heading-to-bed"], environment: env)
        if answer.status == 0 {
            // SQLite found room in pages it already had: then it is saved, and must be there.
            #expect(try disk.run(["/usr/bin/sqlite3", home.journalPath, "SELECT outcome FROM prompt WHERE id = \(prompt)"]).stdout.hasPrefix("answered"))
        } else {
            #expect(answer.status == 74 && answer.stderr.contains("The disk holding the journal is full, so nothing was saved. Free some space"),
                    "\(answer.status) \(answer.stderr)")
        }

        // The daemon is still there, and says so.
        #expect(daemon.isRunning, "stderr: \(daemon.stderr)")
        let status = try disk.run([SteadyBinary.path, "status"], environment: env)
        #expect(status.status == 0 && status.stdout.contains("steady is running (pid \(daemon.pid)"), "\(status.stdout)\(status.stderr)")
        #expect(try disk.run(["/usr/bin/sqlite3", home.journalPath, "PRAGMA integrity_check"]).stdout == "ok\n")

        // Space freed: everything works again, and nothing acknowledged was lost.
        _ = try disk.run(["/bin/rm", "-f", "\(directory)/filler", "\(directory)/probe"])
        let after = try disk.run([SteadyBinary.path, "wins", "add", "after the clear-out"], environment: env)
        #expect(after.status == 0, "\(after.stderr)")
        if answer.status != 0 {
            let again = try disk.run([SteadyBinary.path, "answer", prompt, "heading-to-bed"], environment: env)
            #expect(again.status == 0, "\(again.stderr)")
        }
        let wins = try disk.run([SteadyBinary.path, "wins"], environment: env).stdout
        for text in acknowledged + ["after the clear-out"] {
            #expect(wins.contains(text), "acknowledged, then lost: \(text)")
        }
        #expect(try disk.run(["/usr/bin/sqlite3", home.journalPath, "PRAGMA integrity_check; SELECT outcome FROM prompt WHERE id = \(prompt)"]).stdout
                == "ok\nanswered\n")
        #expect(daemon.isRunning)
    }

    // MARK: - The control socket under abuse

    @Test func controlSocketAbuse_neverEndsOrHoldsUpTheDaemon() throws {
        let home = try ServiceHome()
        try home.writeConfig("""
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "\(ServiceHome.slot(inSeconds: 6))"
            """)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        let socket = home.controlSocket

        // Half a request, then silence, held open through everything below.
        let silent = try RawSocket(connectingTo: socket)
        #expect(silent.send("{\"status\":"))
        // Random bytes, then a hang-up.
        for _ in 0..<20 {
            let client = try RawSocket(connectingTo: socket)
            client.send(Data((0..<Int.random(in: 1...65536)).map { _ in UInt8.random(in: 0...255) }))
            client.hangUp()
        }
        // A 4 MiB line: the daemon stops reading it at its 1 MiB limit and closes the connection.
        let huge = try RawSocket(connectingTo: socket)
        huge.send(Data(repeating: UInt8(ascii: "a"), count: 4 << 20) + Data("\n".utf8))
        #expect(huge.waitForClose(timeout: 10), "a 4 MiB line was not cut off")
        // Valid JSON of every wrong shape, and nesting deep enough to overflow a recursive parser.
        var shapes = ["[]", "null", "1", "\"status\"", "{}", "{\"status\":5}", "{\"nonsense\":{}}",
                      "{\"answer\":{}}", "{\"answer\":{\"promptID\":\"x\"}}", "{\"answer\":{\"promptID\":1e999}}",
                      "{\"later\":{\"promptID\":-1}}", "{\"skip\":{\"promptID\":9223372036854775807}}",
                      "{\"followUpEntry\":{\"entryID\":null}}", "{\"entryFollowedUp\":[1,2]}",
                      "{\"answer\":{\"promptID\":1,\"value\":{\"number\":{\"_0\":1e308}},\"note\":7}}"]
        shapes.append(String(repeating: "[", count: 400_000) + String(repeating: "]", count: 400_000))
        shapes.append("{\"status\":" + String(repeating: "{\"a\":", count: 100_000))
        for shape in shapes {
            let client = try RawSocket(connectingTo: socket)
            client.send(shape + "\n")
            let reply = client.readLine()
            #expect(reply?.contains("\"failure\"") == true, "\(shape.prefix(60)): \(reply ?? "no reply")")
            client.hangUp()
        }
        // 200 connections at once, each asking and none reading its reply.
        var crowd: [RawSocket] = []
        for _ in 0..<200 {
            let client = try RawSocket(connectingTo: socket)
            client.send("{\"status\":{}}\n")
            crowd.append(client)
        }

        // The engine went on meanwhile: the prompt came due, and status answers at once.
        #expect(notify.wait(timeout: 20, for: { $0.notifyField("STATUS")?.contains("1 pending") == true }) != nil, "stderr: \(daemon.stderr)")
        let status = try ChildProcess.run(SteadyBinary.path, ["status"], environment: home.environment(notify: nil), timeout: 10)
        #expect(status.status == 0 && status.stdout.contains("steady is running (pid \(daemon.pid)"), "\(status.stdout)\(status.stderr)")
        #expect(daemon.isRunning)
        silent.hangUp()
        crowd.forEach { $0.hangUp() }
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0, "stderr: \(daemon.stderr)")
    }

    // MARK: - Another user on the same machine

    @Test func anotherUser_cannotConnect_orReadTheJournalConfigOrExports() throws {
        let other = try OtherUser()
        let home = try ServiceHome()
        // The home itself open to everyone, as many homes are: steady's own modes must hold.
        chmod(home.root.path, 0o755)
        let env = home.environment(notify: nil)
        #expect(try ChildProcess.run(SteadyBinary.path, ["config", "init"], environment: env).status == 0)
        #expect(try ChildProcess.run(SteadyBinary.path, ["wins", "add", "I said what I needed"], environment: env).status == 0)
        let export = home.root.file("export.csv")
        #expect(try ChildProcess.run(SteadyBinary.path, ["export", "csv", "-o", export], environment: env).status == 0)
        for directory in ["config", "data"] { chmod(home.root.file(directory), 0o755) }

        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")

        // Nothing of the person's is readable by the other account.
        for path in [home.journalPath, home.journalPath + "-wal", home.configPath, export] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            let read = try other.run(["/bin/cat", path], environment: [:])
            #expect(read.status != 0 && read.stderr.contains("Permission denied"), "\(path): \(read.status) \(read.stderr)")
        }
        // The control socket's directory keeps it out...
        let knock = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(sys.argv[1])
            except OSError as e:
                print("connect:", e.strerror); sys.exit(0)
            try:
                s.sendall(b'{"status":{}}\\n'); s.settimeout(10)
                reply = s.recv(4096)
            except (BrokenPipeError, ConnectionResetError):
                reply = b''
            print("closed without a word" if reply == b'' else "reply: %r" % reply)
            """
        let blocked = try other.run(["/usr/bin/python3", "-c", knock, home.controlSocket], environment: [:])
        #expect(blocked.stdout == "connect: Permission denied\n", "\(blocked.stdout)\(blocked.stderr)")
        // ...and were it opened by mistake, the daemon checks who is asking and says nothing.
        for directory in [home.root.file("run"), home.root.file("run/steady")] { chmod(directory, 0o755) }
        chmod(home.controlSocket, 0o777)
        let refused = try other.run(["/usr/bin/python3", "-c", knock, home.controlSocket], environment: [:])
        #expect(refused.stdout == "closed without a word\n", "\(refused.stdout)\(refused.stderr)")
        for directory in [home.root.file("run"), home.root.file("run/steady")] { chmod(directory, 0o700) }
        #expect(daemon.isRunning)
        let status = try ChildProcess.run(SteadyBinary.path, ["status"], environment: env)
        #expect(status.stdout.contains("steady is running (pid \(daemon.pid)"), "\(status.stdout)\(status.stderr)")
    }
}

/// A small tmpfs at `path`, mounted in a private mount namespace held open by a sleeping
/// process: the real machine's mounts are never touched. Commands run in it through nsenter.
final class PrivateTmpfs {
    private let holder: ChildProcess
    /// nsenter's arguments that enter the namespace (then the command).
    let enter: [String]

    init(at path: String, size: String) throws {
        holder = ChildProcess("/usr/bin/unshare", ["--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                                                   "mount -t tmpfs -o size=\(size),mode=0700 steady-test \"$1\" && echo mounted && exec sleep 3600",
                                                   "sh", path], environment: ProcessInfo.processInfo.environment)
        try holder.start()
        enter = ["--target", String(holder.pid), "--mount", "--"]
        // Bounded polling: the holder prints one line once mounted; nothing else signals it.
        let deadline = Date().addingTimeInterval(10)
        while !holder.stdout.contains("mounted") {
            guard holder.isRunning, Date() < deadline else {
                throw TestSupportError("cannot mount a tmpfs in a private namespace: \(holder.stderr)")
            }
            usleep(20_000)
        }
    }

    /// Runs `command` inside the namespace, to completion.
    func run(_ command: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommandResult {
        try ChildProcess.run("/usr/bin/nsenter", enter + command, environment: environment)
    }

    /// Ends the namespace; the tmpfs goes with it.
    func unmount() {
        holder.stopHard()
    }
}
