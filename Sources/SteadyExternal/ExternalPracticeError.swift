import SteadyLocalization

/// Why an external practice's program could not be used, in one sentence a person can act on.
///
/// Messages describe what the program did (its exit status, the size or shape of its
/// reply), never what it printed or what the person wrote: they go to the logs.
public struct ExternalPracticeError: Error, Sendable, Equatable, CustomStringConvertible, EnglishDescribable {
    /// What went wrong, for code that reacts to it (tests, the config loader).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case notExecutable, cannotStart, timedOut, tooMuchOutput, exited, killed, notJSON, wrongProtocol, badReply
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The `exec` path is not an absolute path to an executable file.
        public static let notExecutable = Code(.notExecutable)
        /// The program could not be started (`posix_spawn` failed).
        public static let cannotStart = Code(.cannotStart)
        /// The program did not reply and exit within the time limit; it was stopped.
        public static let timedOut = Code(.timedOut)
        /// The program printed more than the size limit; it was stopped.
        public static let tooMuchOutput = Code(.tooMuchOutput)
        /// The program exited with a non-zero status.
        public static let exited = Code(.exited)
        /// The program was killed by a signal (it crashed).
        public static let killed = Code(.killed)
        /// The reply is not a JSON object.
        public static let notJSON = Code(.notJSON)
        /// The reply speaks another version of the protocol.
        public static let wrongProtocol = Code(.wrongProtocol)
        /// The reply is JSON but lacks something or has a value out of bounds.
        public static let badReply = Code(.badReply)

        public var description: String { kind.rawValue }
    }

    public let code: Code
    /// The program's path, as configured.
    public let executable: String
    /// What happened, in a sentence said of the program (without its path): `.localized` for
    /// a person (`steady config check`), `.english` for the log.
    public let reason: Phrase

    public init(_ code: Code, executable: String, _ reason: Phrase) {
        self.code = code
        self.executable = executable
        self.reason = reason
    }

    /// `path: reason`, in the person's language.
    public var description: String { "\(executable): \(reason.localized)" }

    /// `path: reason` in English, for the log.
    public var english: String { "\(executable): \(reason.english)" }
}
