import Foundation

// English file: systemd unit files; their comments stay English, like their keys.

/// steady's systemd user unit, `steady.service`.
///
/// The one definition of the unit: `steady service install` writes it, and
/// `systemd/steady.service` in the repository is its rendering for the default paths (a test
/// keeps the two equal); the packages ship that file with `ExecStart=/usr/bin/steady daemon`.
/// docs/service.md explains every line and records the hardening score.
///
/// Paths under the home directory are written with systemd's `%h`, so the default unit is the
/// same for everyone. A person's own `XDG_DATA_HOME` or `XDG_CONFIG_HOME` goes in a drop-in
/// (``ServicePathsDropIn``), so the unit itself never changes with them.
public struct ServiceUnit: Sendable, Equatable {
    /// The unit's file name.
    public static let name = "steady.service"

    /// The `steady` executable the service runs, as written in the unit (`%h/.local/bin/steady`).
    public var executable: String
    /// The directory holding the journal: the one place in the home directory the service may write.
    public var dataDirectory: String

    /// The unit for the default paths.
    public static let standard = ServiceUnit(executable: "%h/.local/bin/steady", dataDirectory: "%h/.local/share/steady")

    /// A unit running `executable` and writing only to `dataDirectory`; both are written as
    /// given, so pass them through ``unitPath(_:home:)`` first.
    public init(executable: String, dataDirectory: String) {
        self.executable = executable
        self.dataDirectory = dataDirectory
    }

    /// A unit for absolute paths on this machine, written relative to `home` (`%h/…`) when under it.
    public init(executablePath: String, dataDirectoryPath: String, home: String) {
        self.init(executable: Self.unitPath(executablePath, home: home),
                  dataDirectory: Self.unitPath(dataDirectoryPath, home: home))
    }

    /// The unit file's text.
    public var text: String {
        """
        # steady's systemd user unit: /usr/lib/systemd/user/steady.service from a package, or
        # ~/.config/systemd/user/steady.service from `steady service install`. Every line is
        # explained in docs/service.md (/usr/share/doc/steady/service.md).
        [Unit]
        Description=steady — gentle check-ins for an anxious attachment style
        Documentation=man:steady(1)
        After=graphical-session.target
        # Give up after 5 failed starts in 10 minutes rather than restart forever.
        StartLimitIntervalSec=10min
        StartLimitBurst=5

        [Service]
        Type=notify
        NotifyAccess=main
        # The journal's directory must exist when the sandbox is set up for steady, or it could
        # not be written (ReadWritePaths= below); "+" runs this one command outside, as you.
        ExecStartPre=+/bin/mkdir -p -m 0700 \(Self.quoted(dataDirectory, dollars: true))
        ExecStart=\(Self.quoted(executable, dollars: true)) daemon
        ExecReload=kill -HUP $MAINPID
        # steady pings every 30 s from its engine queue; a hung engine is restarted.
        WatchdogSec=60
        TimeoutStartSec=30
        TimeoutStopSec=5
        Restart=on-failure
        RestartSec=5
        # A config error (exit 78) needs a person, not a restart: fix it, then restart the unit.
        RestartPreventExitStatus=78

        # Private and sparing: no network, nothing written outside the journal directory.
        UMask=0077
        NoNewPrivileges=yes
        RestrictAddressFamilies=AF_UNIX
        IPAddressDeny=any
        PrivateNetwork=yes
        ProtectSystem=strict
        ProtectHome=read-only
        ReadWritePaths=\(Self.quoted("-" + dataDirectory, dollars: false))
        RuntimeDirectory=steady
        RuntimeDirectoryMode=0700
        PrivateTmp=yes
        PrivateDevices=yes
        PrivateUsers=yes
        PrivateMounts=yes
        PrivateIPC=yes
        KeyringMode=private
        ProcSubset=pid
        ProtectProc=invisible
        ProtectKernelTunables=yes
        ProtectKernelModules=yes
        ProtectKernelLogs=yes
        ProtectControlGroups=yes
        ProtectClock=yes
        ProtectHostname=yes
        RestrictNamespaces=yes
        RestrictRealtime=yes
        RestrictSUIDSGID=yes
        LockPersonality=yes
        MemoryDenyWriteExecute=yes
        SystemCallArchitectures=native
        SystemCallFilter=@system-service
        SystemCallFilter=~@privileged @resources
        SystemCallErrorNumber=EPERM
        CapabilityBoundingSet=
        AmbientCapabilities=

        [Install]
        WantedBy=default.target

        """
    }

    /// The `ExecStart=` executable of an installed unit's text, with `%h` expanded to `home`.
    public static func executable(inUnitText text: String, home: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ExecStart=") }) else { return nil }
        var value = String(line.dropFirst("ExecStart=".count))
        if value.hasSuffix(" daemon") { value.removeLast(" daemon".count) }
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
            value = String(value.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        value = value.replacingOccurrences(of: "$$", with: "$")
        // `%h` is the only specifier steady writes; `%%` is a literal percent sign.
        var expanded = ""
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                expanded.append(character)
                continue
            }
            switch iterator.next() {
            case "h": expanded += home
            case "%": expanded += "%"
            case let other?: expanded += "%" + String(other)
            case nil: expanded += "%"
            }
        }
        return expanded
    }

    // MARK: - Helpers

    /// An absolute path as a unit file wants it: `%` doubled (specifiers), and `%h/…` when
    /// it lies under `home`.
    public static func unitPath(_ path: String, home: String) -> String {
        let escaped = path.replacingOccurrences(of: "%", with: "%%")
        let homePrefix = home.hasSuffix("/") ? home : home + "/"
        guard home.count > 1, path.hasPrefix(homePrefix) else { return escaped }
        return "%h/" + String(path.dropFirst(homePrefix.count)).replacingOccurrences(of: "%", with: "%%")
    }

    /// Quotes a unit-file word when it has blanks or quotes; `$` is doubled in command lines.
    static func quoted(_ word: String, dollars: Bool) -> String {
        var value = dollars ? word.replacingOccurrences(of: "$", with: "$$") : word
        guard value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" || $0 == "\\" }) else {
            return value
        }
        value = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(value)\""
    }
}
