import Foundation
import SteadyKit
import SteadyLocalization

/// Where the control socket lives, and the checks that make that place safe to use.
///
/// The socket is `$XDG_RUNTIME_DIR/steady/control.sock`. Without `XDG_RUNTIME_DIR` (ssh, su,
/// cron) it is `$TMPDIR/steady-UID/control.sock`, `$TMPDIR` defaulting to `/tmp`: a place any
/// local user can create first. So the directory is trusted only when `lstat` shows a real
/// directory (not a link) owned by this user with no access for anyone else, inside a parent
/// that no other user can change (owned by this user or root, and sticky where others may
/// write to it). The daemon creates it that way; the CLI refuses anything else and then works
/// on the journal directly.
public enum ControlSocketPath {
    /// The directory that holds the socket.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = BaseDirectories.runtimeDirectory(in: environment) {
            return runtime + "/steady"
        }
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        return temporary + "/steady-\(getuid())"
    }

    /// The socket's path.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(environment: environment) + "/control.sock"
    }
}

/// Checks and creates the control socket's directory.
public enum RuntimeDirectory {
    /// Why `directory` cannot be trusted with the control socket, in words a person can act
    /// on; nil when it can. A directory that does not exist is `.missing`.
    public static func check(_ directory: String) -> Verdict {
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            return errno == ENOENT ? .missing : .untrusted(tr("%1$@ cannot be examined (%2$@)", directory, String(cString: strerror(errno))))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK { return .untrusted(tr("%1$@ is a symbolic link", directory)) }
        guard type == S_IFDIR else { return .untrusted(tr("%1$@ is not a directory", directory)) }
        guard info.st_uid == getuid() else { return .untrusted(tr("%1$@ belongs to another user (uid %2$@)", directory, info.st_uid)) }
        guard info.st_mode & 0o077 == 0 else {
            return .untrusted(tr("%1$@ can be opened by other users (mode %2$@)", directory, String(info.st_mode & 0o7777, radix: 8)))
        }
        let parent = (directory as NSString).deletingLastPathComponent
        var parentInfo = stat()
        guard stat(parent, &parentInfo) == 0 else { return .untrusted(tr("%1$@ cannot be examined", parent)) }
        guard parentInfo.st_uid == getuid() || parentInfo.st_uid == 0 else {
            return .untrusted(tr("its parent %1$@ belongs to another user (uid %2$@)", parent, parentInfo.st_uid))
        }
        if parentInfo.st_mode & 0o022 != 0 && parentInfo.st_mode & S_ISVTX == 0 {
            return .untrusted(tr("its parent %1$@ can be changed by other users", parent))
        }
        return .trusted
    }

    /// What `check` found.
    public enum Verdict: Equatable, Sendable {
        case trusted
        case missing
        /// Not safe to use; the reason names the path.
        case untrusted(String)
    }

    /// Creates `directory` (mode 0700) when it is missing, then checks it. Throws when it
    /// cannot be created or cannot be trusted; nothing in it is touched then.
    public static func prepare(_ directory: String) throws(ControlError) {
        if case .missing = check(directory) {
            if mkdir(directory, 0o700) == 0 {
                chmod(directory, 0o700)  // whatever the umask took away
            } else if errno != EEXIST {
                throw ControlError(.untrusted, tr("Cannot create %1$@ (%2$@).", directory, String(cString: strerror(errno))))
            }
        }
        if case .untrusted(let reason) = check(directory) {
            throw ControlError(.untrusted, tr("The control socket's directory is not safe to use: %1$@.", reason))
        }
    }
}
