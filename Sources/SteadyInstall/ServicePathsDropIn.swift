// English file: systemd unit files; their comments stay English, like their keys.

/// The drop-in that fits `steady.service` to a person's own XDG base directories.
///
/// The unit (a package's, or the one `steady service install` writes) lets the service write
/// only `%h/.local/share/steady`. Someone whose `XDG_DATA_HOME` or `XDG_CONFIG_HOME` points
/// elsewhere gets, from `steady service install`, the drop-in
/// `$XDG_CONFIG_HOME/systemd/user/steady.service.d/xdg-paths.conf`, which
/// - sets the same variables for the service, so the daemon uses the journal and config the
///   command line uses (a shell's variables never reach the user manager by themselves);
/// - replaces the unit's writable directory and the `mkdir` that creates it with the real one.
public struct ServicePathsDropIn: Sendable, Equatable {
    /// The drop-in's file name.
    public static let fileName = "xdg-paths.conf"

    /// `XDG_DATA_HOME` for the service, as a unit writes a path; nil when it is the default.
    public var dataHome: String?
    /// `XDG_CONFIG_HOME` for the service, as a unit writes a path; nil when it is the default.
    public var configHome: String?
    /// The journal's directory, as a unit writes a path.
    public var dataDirectory: String

    /// The drop-in for these absolute paths, or nil when they are the defaults under `home`
    /// (`~/.local/share/steady`, `~/.config/steady`) and the unit fits as it is.
    public init?(dataDirectory: String, configDirectory: String, home: String) {
        let dataHome = Self.parent(dataDirectory)
        let configHome = Self.parent(configDirectory)
        let homePrefix = home.hasSuffix("/") ? String(home.dropLast()) : home
        let customData = dataHome != homePrefix + "/.local/share"
        let customConfig = configHome != homePrefix + "/.config"
        guard customData || customConfig else { return nil }
        self.dataHome = customData ? ServiceUnit.unitPath(dataHome, home: home) : nil
        self.configHome = customConfig ? ServiceUnit.unitPath(configHome, home: home) : nil
        self.dataDirectory = ServiceUnit.unitPath(dataDirectory, home: home)
    }

    /// The drop-in file's text.
    public var text: String {
        var environment: [String] = []
        if let dataHome { environment.append(ServiceUnit.quoted("XDG_DATA_HOME=" + dataHome, dollars: false)) }
        if let configHome { environment.append(ServiceUnit.quoted("XDG_CONFIG_HOME=" + configHome, dollars: false)) }
        let directory = ServiceUnit.quoted(dataDirectory, dollars: true)
        return """
            # Written by `steady service install` for your own XDG directories; removed by
            # `steady service uninstall`. The service uses the journal and config you use.
            [Service]
            Environment=\(environment.joined(separator: " "))
            ExecStartPre=
            ExecStartPre=+/bin/mkdir -p -m 0700 \(directory)
            ReadWritePaths=
            ReadWritePaths=\(ServiceUnit.quoted("-" + dataDirectory, dollars: false))

            """
    }

    private static func parent(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
