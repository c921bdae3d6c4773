import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starts a child the way every program steady runs is started: `posix_spawn` (never
/// Foundation's `Process`, which cannot see a child end inside the service's sandbox), a clean
/// signal mask and default signal handling (the daemon blocks or ignores the signals it
/// handles, and a child would inherit that), and a process group of its own, so stopping it
/// stops what it started too.
public enum ChildSpawn {
    /// Starts `argv` (`argv[0]` an absolute path) with exactly `environment`. Descriptors 0, 1
    /// and 2 become `stdin`, `stdout` and `stderr`, or `/dev/null` where nil; with
    /// `closingOthers`, every other descriptor is closed in the child whatever its
    /// close-on-exec flag. Returns the child's pid, or the `errno` of the failure.
    public static func start(
        _ argv: [String], environment: [String: String], stdin: Int32?, stdout: Int32?, stderr: Int32?,
        closingOthers: Bool = false
    ) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, fd, mode) in [(Int32(0), stdin, O_RDONLY), (1, stdout, O_WRONLY), (2, stderr, O_WRONLY)] {
            if let fd { posix_spawn_file_actions_adddup2(&actions, fd, target) } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", mode, 0)
            }
        }
        if closingOthers { closeTheRest(&actions) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        var rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        // ETXTBSY: another thread of this process is forking while someone writes the
        // program (or has just written it), so a child briefly holds it open for writing.
        // The window is short; try a few more times, a few milliseconds apart.
        var attempt = 1
        while rc == ETXTBSY && attempt < 5 {
            usleep(UInt32(5_000 * attempt))
            attempt += 1
            rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        }
        return rc == 0 ? .success(pid) : .failure(SpawnError(errno: rc))
    }

    /// Why a child could not be started.
    public struct SpawnError: Error, Sendable, Equatable, CustomStringConvertible {
        public let errno: Int32
        /// `strerror`'s sentence, e.g. "No such file or directory".
        public var description: String { String(cString: strerror(errno)) }
    }

    /// Closes every descriptor from 3 up in the child: glibc's
    /// `posix_spawn_file_actions_addclosefrom_np` (2.34, a GNU extension Swift does not
    /// import), else one close per descriptor open now, as Foundation does.
    private static func closeTheRest(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let closeFrom = Self.closeFrom.map({ unsafeBitCast($0, to: CloseFrom.self) }), closeFrom(&actions, 3) == 0 { return }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd >= 3 { posix_spawn_file_actions_addclose(&actions, fd) }
    }

    private nonisolated(unsafe) static let closeFrom: UnsafeMutableRawPointer? =
        dlopen(nil, RTLD_NOW).flatMap { dlsym($0, "posix_spawn_file_actions_addclosefrom_np") }
}
