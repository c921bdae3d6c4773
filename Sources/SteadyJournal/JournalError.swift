import SteadyLocalization

/// A problem opening or writing the journal, in a sentence a person can act on.
///
/// Messages never contain what a person wrote. A person reads the message in their language
/// (`description`); the daemon's log and `STATUS=` take it in English (`english`).
public struct JournalError: Error, Sendable, CustomStringConvertible, EnglishDescribable {
    public enum Code: Sendable, Hashable {
        case cannotCreateDirectory
        case cannotOpen
        case notFound
        case unknownPrompt
        case alreadyFinished
        /// The disk (or the filesystem holding the journal) is full.
        case full
        /// Another program holds the journal's write lock for longer than steady waits.
        case busy
        /// The file or its directory cannot be written.
        case readOnly
        /// The file is not a journal steady can read (damaged, truncated, not SQLite).
        case damaged
        /// The journal was written by a newer steady.
        case newerVersion
        /// Any other problem storing or reading.
        case storage
    }

    public let code: Code
    /// The message, in the person's language and in English.
    public let phrase: Phrase

    /// The message in the person's language.
    public var description: String { phrase.localized }
    /// The message in English, for logs and `STATUS=`.
    public var english: String { phrase.english }

    init(_ code: Code, _ phrase: Phrase) {
        self.code = code
        self.phrase = phrase
    }
}
