import Foundation

/// A stand-in `systemctl` first on `PATH`: records every argument list, answers `show` from a
/// state file, and turns `enable --now` / `disable --now` / `restart` into state changes, so
/// a test sees exactly what `steady service` asked of systemd.
public struct FakeSystemctl {
    public let directory: TemporaryDirectory
    public var binDirectory: String { directory.file("fake-bin") }
    public var log: String { directory.file("systemctl.log") }
    public var stateFile: String { directory.file("systemctl.state") }

    /// - Parameters:
    ///   - manager: whether a user manager "answers" (`show --property=Version`).
    ///   - startFails: whether `enable --now` leaves the unit failed.
    public init(directory: TemporaryDirectory, manager: Bool = true, startFails: Bool = false, initialState: String = "inactive") throws {
        self.directory = directory
        try directory.write("systemctl.state", initialState + "\n")
        let script = """
            #!/bin/sh
            printf '%s\\n' "$*" >> '\(log)'
            state=$(cat '\(stateFile)')
            case "$*" in
              "--user --no-pager show --property=Version")
                \(manager ? "echo Version=252; exit 0" : "echo 'Failed to connect to bus: No medium found' >&2; exit 1") ;;
              "--user --no-pager show steady.service --property="*)
                printf 'ActiveState=%s\\nSubState=%s\\nUnitFileState=enabled\\nMainPID=4242\\nStatusText=%s\\nNRestarts=0\\nResult=success\\n' \\
                  "$state" "$([ "$state" = active ] && echo running || echo dead)" \\
                  "$([ "$state" = active ] && echo 'next: wins at 19:00' || echo 'config error: config.toml:1:1: oops')"
                exit 0 ;;
              *"enable --now steady.service") echo \(startFails ? "failed" : "active") > '\(stateFile)' ;;
              *"disable --now steady.service") echo inactive > '\(stateFile)' ;;
              *"restart steady.service") echo active > '\(stateFile)' ;;
            esac
            exit 0

            """
        let path = try directory.write("fake-bin/systemctl", script)
        chmod(path, 0o755)
    }

    /// Every call, one argument list per line.
    public var calls: [String] {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// `base` with the fake first on `PATH`.
    public func environment(_ base: [String: String]) -> [String: String] {
        var environment = base
        environment["PATH"] = binDirectory + ":/usr/bin:/bin"
        return environment
    }
}
