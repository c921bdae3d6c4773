import Foundation
import SteadyTestSupport
import Testing

/// The failures found when steady was tried the way real days go wrong, each proven fixed
/// against the real binary: clients that hang up, a control socket another user set up
/// first, a second daemon beside one that does not answer.
@Suite(.serialized) struct FaultRegressionTests {
    // MARK: - A client that hangs up

    @Test func clientsThatHangUpBeforeTheReply_neverEndTheDaemon() throws {
        let home = try ServiceHome()
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")

        // Ctrl-C on `steady status`: the request arrives, the client is gone before the reply.
        for _ in 0..<50 {
            let client = try RawSocket(connectingTo: home.controlSocket)
            client.send("{\"status\":{}}\n")
            client.hangUp()
        }
        // A line of garbage, then a close.
        let garbage = try RawSocket(connectingTo: home.controlSocket)
        garbage.send("\u{1}\u{2}not json at all\n")
        garbage.hangUp()

        // A client that waits is answered, so every earlier connection has been handled.
        let waiting = try RawSocket(connectingTo: home.controlSocket)
        waiting.send("{\"status\":{}}\n")
        let reply = try #require(waiting.readLine(), "no reply; the daemon ended with status \(String(describing: daemon.waitForExit(timeout: 1))), stderr: \(daemon.stderr)")
        #expect(reply.contains("\"pid\":\(daemon.pid)"), "\(reply)")
        #expect(daemon.isRunning)
        let status = try ChildProcess.run(SteadyBinary.path, ["status"], environment: home.environment(notify: nil))
        #expect(status.stdout.contains("steady is running (pid \(daemon.pid)"), "\(status.stdout)\(status.stderr)")
    }

    @Test func aChannelProgramThatExitsWithoutReading_neverEndsTheDaemon() throws {
        let home = try ServiceHome()
        // The command channel writes each prompt to the program's stdin; this one exits at once.
        try home.writeConfig("""
            quiet-hours = "off"
            channel = "command"
            command = "/bin/true"
            [practices.wins]
            schedule = "\(ServiceHome.slot(inSeconds: 2))"
            """)
        let notify = try NotifySocket(directory: home.root.path)
        let daemon = try home.startDaemon(notify: notify)
        defer { daemon.stopHard() }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        // The prompt goes to the program, which has gone by the time its stdin is written.
        let delivered = notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("1 pending") == true }
        #expect(delivered != nil, "stderr: \(daemon.stderr)")
        #expect(try home.waitForRow("SELECT count(*) FROM event WHERE kind = 'delivered'", toBe: "1"), "stderr: \(daemon.stderr)")
        let status = try ChildProcess.run(SteadyBinary.path, ["status"], environment: home.environment(notify: nil))
        #expect(status.stdout.contains("steady is running (pid \(daemon.pid)"), "\(status.stdout)\(status.stderr)")
    }

    // MARK: - Two daemons

    @Test func secondDaemon_besideOneThatDoesNotAnswer_exits75_andLeavesItAlone() throws {
        let home = try ServiceHome()
        let firstNotify = try NotifySocket(directory: home.root.path)
        let first = try home.startDaemon(notify: firstNotify)
        defer { first.stopHard() }
        #expect(firstNotify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(first.stderr)")
        first.signal(SIGSTOP)  // busy for longer than any client waits
        defer { first.signal(SIGCONT) }

        let secondDirectory = TemporaryDirectory(prefix: "steady-notify2")
        let secondNotify = try NotifySocket(directory: secondDirectory.path)
        let second = try home.startDaemon(notify: secondNotify)
        defer { second.stopHard() }
        #expect(second.waitForExit(timeout: 20) == 75, "stderr: \(second.stderr)")
        while secondNotify.next(timeout: 0.2) != nil {}
        #expect(secondNotify.received == ["STATUS=another steady daemon is already running (pid \(first.pid))\nERRNO=114"])

        first.signal(SIGCONT)
        let status = try ChildProcess.run(SteadyBinary.path, ["status", "--json"], environment: home.environment(notify: nil))
        #expect(status.stdout.contains("\"pid\" : \(first.pid)"), "the first daemon keeps its socket: \(status.stdout)\(status.stderr)")
    }

    // MARK: - Another user on the machine

    @Test func runtimeDirectoryMadeByAnotherUser_isRefused_andTheAnswerGoesToTheJournal() throws {
        let other = try OtherUser()
        let home = try ServiceHome()
        let id = try home.recordPendingPrompt()
        // Without XDG_RUNTIME_DIR the socket's place is $TMPDIR/steady-UID: the other user
        // made it first and serves a socket there that says "answered" to anything.
        let shared = try SharedTemporaryDirectory()
        let impostor = try FakeControlServer(as: other, directory: shared.path + "/steady-\(getuid())", log: shared.path + "/received")
        defer { impostor.stop() }
        var env = home.environment(notify: nil)
        env["XDG_RUNTIME_DIR"] = nil
        env["TMPDIR"] = shared.path

        let answer = try ChildProcess.run(SteadyBinary.path, ["answer", id, "heading-to-bed"], environment: env)
        #expect(answer.status == 0, "\(answer.stdout)\(answer.stderr)")
        #expect(answer.stderr.contains("belongs to another user (uid \(other.uid))"), "\(answer.stderr)")
        #expect(try impostor.received().isEmpty, "nothing may be sent to another user's socket")
        #expect(try ServiceHome.sqlite(home.journalPath, "SELECT a.text FROM answer a WHERE a.prompt_id = \(id)") == "heading-to-bed",
                "the answer is kept in the journal directly")
    }

    @Test func socketServedByAnotherUser_isRefused_beforeAnythingIsSent() throws {
        let other = try OtherUser()
        let home = try ServiceHome()
        let id = try home.recordPendingPrompt()
        // The directory is this user's and private, but the process answering on the socket is not.
        let impostor = try FakeControlServer(as: other, directory: home.root.file("run/steady"), log: home.root.file("received"),
                                             bindAsRoot: true)
        defer { impostor.stop() }
        let env = home.environment(notify: nil)

        let answer = try ChildProcess.run(SteadyBinary.path, ["answer", id, "heading-to-bed"], environment: env)
        #expect(answer.status == 0, "\(answer.stdout)\(answer.stderr)")
        #expect(answer.stderr.contains("is served by another user (uid \(other.uid))"), "\(answer.stderr)")
        #expect(try impostor.received().isEmpty, "nothing may be sent to another user's process")
        #expect(try ServiceHome.sqlite(home.journalPath, "SELECT a.text FROM answer a WHERE a.prompt_id = \(id)") == "heading-to-bed")
    }
}

extension ServiceHome {
    /// Where the daemon of this home listens.
    var controlSocket: String { root.file("run/steady/control.sock") }

    /// Runs the daemon until one sleep-wind-down prompt waits for an answer, stops it, and
    /// returns the prompt's id.
    func recordPendingPrompt() throws -> String {
        try writeConfig("""
            quiet-hours = "off"
            [practices.sleep-wind-down]
            schedule = "\(ServiceHome.slot(inSeconds: 2))"
            """)
        let notify = try NotifySocket(directory: root.path)
        let daemon = try startDaemon(notify: notify)
        defer { daemon.stopHard() }
        guard notify.wait(timeout: 20, for: { $0.notifyField("STATUS")?.contains("1 pending") == true }) != nil else {
            throw TestSupportError("no pending prompt; stderr: \(daemon.stderr)")
        }
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit(timeout: 5)
        return try Self.sqlite(journalPath, "SELECT id FROM prompt WHERE outcome = 'pending'")
    }

    /// Waits (bounded polling: a row landing in SQLite emits no event a test can wait on)
    /// until `query` prints `expected`.
    func waitForRow(_ query: String, toBe expected: String, timeout: Double = 15) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try Self.sqlite(journalPath, query) == expected { return true }
            usleep(50_000)
        }
        return false
    }
}

/// A world-writable, sticky directory like /tmp, private to one test.
final class SharedTemporaryDirectory {
    let directory = TemporaryDirectory(prefix: "steady-shared")
    var path: String { directory.path }

    init() throws {
        guard chmod(directory.path, 0o1777) == 0 else { throw TestSupportError("chmod: \(String(cString: strerror(errno)))") }
    }
}

/// A control socket set up by another user: it records what it is sent and replies
/// "answered" to everything, the way an impostor would.
final class FakeControlServer {
    private let process: ChildProcess
    private let log: String

    /// Serves `directory/control.sock` as `user`. With `bindAsRoot`, the socket is bound by
    /// this (root) process inside a directory only root and the test's person can enter, and
    /// only `listen` happens as `user` — the credentials a client sees are `user`'s.
    init(as user: OtherUser, directory: String, log: String, bindAsRoot: Bool = false) throws {
        self.log = log
        FileManager.default.createFile(atPath: log, contents: nil, attributes: [.posixPermissions: 0o666])
        chmod(log, 0o666)
        let script = """
            import json, os, socket, sys
            directory, log, uid, gid, as_root = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
            if not as_root:
                os.setgid(gid); os.setuid(uid)
                os.makedirs(directory, exist_ok=True)
                os.chmod(directory, 0o777)
            else:
                os.makedirs(directory, mode=0o700, exist_ok=True)
            path = os.path.join(directory, "control.sock")
            try: os.unlink(path)
            except FileNotFoundError: pass
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.bind(path)
            os.chmod(path, 0o777)
            if as_root:
                os.setgid(gid); os.setuid(uid)
            server.listen(8)
            print("listening", flush=True)
            while True:
                client, _ = server.accept()
                data = client.recv(65536)
                with open(log, "ab") as f: f.write(data)
                client.sendall(b'{"answered":{"promptID":1,"acknowledgement":"Saved"}}\\n')
                client.close()
            """
        process = ChildProcess("/usr/bin/python3", ["-c", script, directory, log, "\(user.uid)", "\(user.gid)", bindAsRoot ? "1" : "0"],
                               environment: ProcessInfo.processInfo.environment)
        try process.start()
        let deadline = Date().addingTimeInterval(10)
        while !process.stdout.contains("listening") {  // bounded: a child's line is not an event we can await here
            guard Date() < deadline, process.isRunning else { throw TestSupportError("the fake server did not start: \(process.stderr)") }
            usleep(20_000)
        }
    }

    func received() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: log)) }

    func stop() { process.signal(SIGKILL) }
}
