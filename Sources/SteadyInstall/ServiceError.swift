/// Why `steady service` could not do what was asked, in one sentence a person can act on.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; the CLI maps each to an exit status.
    public enum Code: Sendable, Equatable {
        /// No systemd user manager can be reached (files may still have been installed).
        case noManager
        /// A file or directory could not be written or removed.
        case cannotWrite
        /// `systemctl` failed, or the service did not come up.
        case systemctl
        /// A destructive step needs a confirmation that was not given.
        case notConfirmed
        /// A given path is unusable (`--bin` not executable, …).
        case badPath
        /// Another kind of install is in the way (a per-user one where a package's unit would be used).
        case otherInstall
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
