/// A problem with a history, statistics, report or export request, in a sentence a person
/// can act on. Messages never contain what a person wrote in the journal.
public struct InsightsError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// `--since`/`--until` could not be read, or they are the wrong way round.
        case badWindow
        /// Writing the output failed (disk full, no permission).
        case output
        /// The reader of the output went away (`| head`): not a problem, just the end.
        case outputClosed
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
