/// A problem opening or writing the journal, in a sentence a person can act on.
///
/// Messages never contain what a person wrote.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case cannotCreateDirectory
        case cannotOpen
        case notFound
        case unknownPrompt
        case alreadyFinished
        case storage
    }

    public let code: Code
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
