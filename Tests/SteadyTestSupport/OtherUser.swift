import Foundation

/// A second local account, created for the test (the suite runs as root, as CI does): what
/// another person on a shared machine can and cannot reach.
public struct OtherUser: Sendable {
    public let name: String
    public let uid: UInt32
    public let gid: UInt32

    /// The account `name`, created (system account, no home, no login shell) when missing.
    /// Throws with a reason when this process is not root.
    public init(name: String = "steady-other") throws {
        guard getuid() == 0 else {
            throw TestSupportError("creating a second account needs root (CI runs the suite as root); run the tests as root")
        }
        if getpwnam(name) == nil {
            let created = try ChildProcess.run("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                                               environment: ProcessInfo.processInfo.environment)
            guard created.status == 0 || getpwnam(name) != nil else { throw TestSupportError("useradd \(name): \(created.stderr)") }
        }
        guard let entry = getpwnam(name) else { throw TestSupportError("no account \(name) after useradd") }
        self.name = name
        uid = entry.pointee.pw_uid
        gid = entry.pointee.pw_gid
    }

    /// `command` as this user (setpriv: uid, gid, no supplementary groups), to completion.
    public func run(_ command: [String], environment: [String: String], timeout: Double = 30) throws -> CommandResult {
        try ChildProcess.run("/usr/bin/setpriv", Self.setprivArguments(uid: uid, gid: gid) + command,
                             environment: environment, timeout: timeout)
    }

    /// `command` as this user, started and left running.
    public func start(_ command: [String], environment: [String: String]) throws -> ChildProcess {
        let child = ChildProcess("/usr/bin/setpriv", Self.setprivArguments(uid: uid, gid: gid) + command, environment: environment)
        try child.start()
        return child
    }

    static func setprivArguments(uid: UInt32, gid: UInt32) -> [String] {
        ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--"]
    }
}

/// Fails (with the reason) when the test is not run as root. CI runs the suite as root, so a
/// test that needs it must fail where root is missing, never skip quietly.
public func requireRoot(_ why: String) throws {
    guard getuid() == 0 else {
        throw TestSupportError("this test needs root (\(why)); CI runs `make test` as root — run it as root too")
    }
}
