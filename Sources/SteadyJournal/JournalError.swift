/// A problem opening or writing the journal, in a sentence a person can act on.
///
/// Messages never contain what a person wrote.
public struct JournalError: Error, Sendable, CustomStringConvertible {
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
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
