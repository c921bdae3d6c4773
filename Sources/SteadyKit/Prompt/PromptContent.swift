/// What a practice asks: the words and the kind of answer wanted.
///
/// The engine adds identity (a journal id), timing (due, expiry) and delivery.
/// Keep titles under about 40 characters and bodies to one or two short sentences:
/// they appear in a notification bubble. Words are gentle and optional; nothing urgent.
public struct PromptContent: Sendable, Hashable, Codable {
    /// A few words, shown in bold by most notification servers.
    public var title: String
    /// One or two short sentences. Plain text: channels escape it as they need.
    public var body: String
    /// What kind of answer would fit.
    public var request: AnswerRequest

    public init(title: String, body: String, request: AnswerRequest) {
        self.title = title
        self.body = body
        self.request = request
    }
}
