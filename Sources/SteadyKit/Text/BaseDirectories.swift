/// The per-user base directories of the XDG Base Directory specification, read from an
/// environment the caller passes in (nothing here reads the process's own).
///
/// A variable counts only when it holds an absolute path, as the specification says;
/// otherwise the fallback under the home directory is used.
public struct BaseDirectories: Sendable, Hashable {
    /// `$HOME` when absolute, else the fallback the caller gave (the passwd entry's home).
    public let home: String
    /// `$XDG_DATA_HOME`, falling back to `~/.local/share`.
    public let dataHome: String
    /// `$XDG_CONFIG_HOME`, falling back to `~/.config`.
    public let configHome: String
    /// `$XDG_RUNTIME_DIR`, or nil when it is not set (ssh, su, cron): the specification gives no fallback.
    public let runtimeDirectory: String?

    /// - Parameters:
    ///   - environment: the variables to read (usually the process's environment).
    ///   - fallbackHome: the home directory to use when `HOME` is unset or not absolute;
    ///     only evaluated then.
    public init(environment: [String: String], fallbackHome: @autoclosure () -> String) {
        func absolute(_ key: String) -> String? { environment[key].flatMap { $0.hasPrefix("/") ? $0 : nil } }
        let home = absolute("HOME") ?? fallbackHome()
        self.home = home
        dataHome = absolute("XDG_DATA_HOME") ?? home + "/.local/share"
        configHome = absolute("XDG_CONFIG_HOME") ?? home + "/.config"
        runtimeDirectory = Self.runtimeDirectory(in: environment)
    }

    /// `$XDG_RUNTIME_DIR` when it is an absolute path, else nil.
    public static func runtimeDirectory(in environment: [String: String]) -> String? {
        environment["XDG_RUNTIME_DIR"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    }
}
