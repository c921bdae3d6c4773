import SteadyLocalization

/// Asking for what you need, directly (`steady ask`): a feeling word and one specific
/// request, shaped into a calm message to copy. steady never sends anything itself.
///
/// Stored as an entry of kind `asking`, with the message as it was shown. A check-in later
/// (the `asking` practice) asks how it went; a good outcome can be kept as a win. How often
/// reassurance was asked for is counted for the person alone, never as a goal.
public enum NeedRequest {
    /// Field keys of `form`, and `message`, which steady adds.
    public enum Field {
        public static let to = "to"
        public static let feeling = "feeling"
        public static let kind = "kind"
        public static let request = "request"
        public static let message = "message"
    }

    /// Kind keys of the `kind` field.
    public enum Kind {
        public static let reassurance = "reassurance"
        public static let timeTogether = "time-together"
        public static let help = "help"
        public static let room = "room"
        public static let other = "other"
    }

    /// What the request is about, so the reassurance asked for can be noticed over time.
    public static var kinds: [Choice] { [
        Choice(key: Kind.reassurance, label: tr("Reassurance that we're all right")),
        Choice(key: Kind.timeTogether, label: tr("Time together")),
        Choice(key: Kind.help, label: tr("Help or support with something")),
        Choice(key: Kind.room, label: tr("Some room of my own")),
        Choice(key: Kind.other, label: tr("Something else")),
    ] }

    /// What the person is asked.
    public static var form: Form { Form(
        id: "asking",
        title: tr("Asking for what you need"),
        intro: tr("A feeling and one specific request, put into a calm message you can copy. steady never sends anything."),
        fields: [
            FormField(key: Field.to, question: tr("Who is it for?"),
                      request: .text(placeholder: tr("Sam")), isOptional: true),
            FormField(key: Field.feeling, question: tr("What have you been feeling?"), hint: Feelings.hint,
                      request: .choices(Feelings.words), acceptsOwnWords: true),
            FormField(key: Field.kind, question: tr("What is it mostly about?"), request: .choices(kinds), isOptional: true),
            FormField(key: Field.request, question: tr("What is one specific thing that would help?"),
                      hint: tr("Something they could do, e.g. \"call me tonight\" or \"plan a walk together this week\"."),
                      request: .text(placeholder: tr("spend an evening together this week"))),
        ]) }

    /// The offer `steady pause` makes after "go ahead".
    public static var offer: String { tr("Would you like help putting what you need into a calm message first?") }
    /// The pointer shown instead when nobody is at a terminal to answer the offer.
    public static var pointer: String { tr("If it is a message about a need, `steady ask` can help you put it calmly.") }

    // MARK: - Shaping the message

    /// The message: the feeling as information about you, then the request.
    /// `feeling` is a word ("lonely"), `request` what the person wrote, in any of the usual
    /// forms ("call me tonight", "Could you call me tonight?", "I'd like some time alone").
    ///
    /// In English the request becomes one calm question, reworded by English grammar
    /// (`question(from:)`); in another language it stays in the person's own words inside a
    /// translated frame (`inOwnWords(_:)`), as no grammar rules are known for it.
    public static func message(to name: String? = nil, feeling: String, request: String) -> String {
        let feeling = feeling.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let opening: String
        if let name = name.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }).flatMap(\.nonEmpty) {
            // TRANSLATORS: the first sentence of the message `steady ask` shapes for the person to send: %1$@ is the name of whom it is for, %2$@ a feeling word ("lonely").
            opening = tr("%1$@, I've been feeling %2$@ lately.", name, feeling)
        } else {
            // TRANSLATORS: the first sentence of the message `steady ask` shapes for the person to send: %1$@ is a feeling word ("lonely").
            opening = tr("I've been feeling %1$@ lately.", feeling)
        }
        return Translation.sentences(opening, rewordsInEnglish ? question(from: request) : inOwnWords(request))
    }

    /// Whether the request is reworded by English grammar: when the words in use are English,
    /// as the catalogue's language code says (`en`, `en-GB`, or no catalogue at all).
    static var rewordsInEnglish: Bool {
        let code = Localization.languageCode
        return code == "en" || code.hasPrefix("en-")
    }

    /// The request in the person's own words, in the frame of the language in use; a request
    /// that is already a question stands on its own.
    static func inOwnWords(_ request: String) -> String {
        var text = request.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, ".,;:!".contains(last) { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return "" }
        if text.hasSuffix("?") { return text.prefix(1).uppercased() + text.dropFirst() }
        // TRANSLATORS: the second sentence of the message `steady ask` shapes, in languages other than English: %1$@ is the person's request in their own words ("ruf mich heute Abend an"), without a full stop; a request that is a question is shown without this frame. (In English, the language code "en", steady rewords the request into a question with English grammar rules instead: "I need you to call me" → "Could you call me?". Set the entry "language code" to your language's code so your frame is used.)
        return tr("What would help me: %1$@.", text)
    }

    /// The request as one calm question, by English grammar.
    static func question(from request: String) -> String {
        var text = request.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, ".?!,;".contains(last) { text.removeLast() }
        let lower = text.lowercased()
        // Already a question that asks: keep the person's own wording.
        for opener in ["could you ", "can you ", "would you ", "will you ", "could we ", "can we ", "would we ", "shall we ",
                       // English: English grammar, used only while the words are English (see `rewordsInEnglish`)
                       "would it be ", "is it ok", "is it okay"] where lower.hasPrefix(opener) {
            return text.prefix(1).uppercased() + text.dropFirst() + "?"
        }
        // "I need you to…", "I'd like us to…": the request is what follows.
        // English: English grammar, as above
        for opener in ["i need you to ", "i'd like you to ", "i would like you to ", "i want you to "] where lower.hasPrefix(opener) {
            return "Could you \(text.dropFirst(opener.count))?"
        }
        // English: English grammar, as above
        for opener in ["i need us to ", "i'd like us to ", "i would like us to ", "i want us to "] where lower.hasPrefix(opener) {
            return "Could we \(text.dropFirst(opener.count))?"
        }
        // English: English grammar, as above
        for opener in ["i need to ", "i'd like to ", "i would like to ", "i want to ", "i need ", "i'd like ", "i would like "]
        where lower.hasPrefix(opener) {
            let rest = String(text.dropFirst(opener.count))
            // English: English grammar, as above
            return "Would it be all right with you if I \(opener.hasSuffix("to ") ? rest : "had " + rest)?"
        }
        let words = Set(lower.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
        if lower.hasPrefix("you ") { return "Could you \(text.dropFirst(4))?" }
        if lower.hasPrefix("we ") { return "Could we \(text.dropFirst(3))?" }
        let phrase = text.prefix(1).lowercased() + text.dropFirst()
        // English: English grammar, as above
        if !words.isDisjoint(with: ["myself", "i", "i'm"]) { return "Would it be all right with you if I \(phrase)?" }
        if !words.isDisjoint(with: ["me", "my", "mine"]) { return "Could you \(phrase)?" }
        if !words.isDisjoint(with: ["us", "we", "our", "together"]) { return "Could we \(phrase)?" }
        if !words.isDisjoint(with: ["you", "your"]) { return "Could you \(phrase)?" }
        return "Could we \(phrase)?"
    }

    /// Gentle notes on the request's wording, if any: "never" and "always" tend to land as blame.
    public static func notes(on request: String) -> [String] {
        let words = Set(request.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
        var notes: [String] = []
        if !words.isDisjoint(with: ["never", "always"]) {
            notes.append(tr("\"Never\" and \"always\" can be heard as blame. Naming one thing you would like tends to go further."))
        }
        return notes
    }

    /// What is said around the message, after it is shown.
    public static func closing(kind: String?) -> [String] {
        var lines = [tr("Copy it, change any word you like, and send it when it suits you. steady never sends anything.")]
        if kind == Kind.reassurance {
            lines.append(tr("When the answer comes, see whether you can let it settle before asking again."))
        }
        lines.append(tr("A \"no\" or \"not now\" is allowed too; it is about that moment, not about your worth. Your soothing kit is there either way."))
        return lines
    }

    /// The gentle count of reassurance requests, for the person alone.
    public static func reassuranceCount(_ count: Int, days: Int) -> String {
        // TRANSLATORS: %2$d is the number of days looked at (30); the sentence is about %1$d requests.
        trn("You have written a request for reassurance once in the last %2$d days. This is only here for you to notice; there is no number to aim for.",
            "You have written a request for reassurance %1$d times in the last %2$d days. This is only here for you to notice; there is no number to aim for.",
            count, days)
    }

    // MARK: - How it went

    /// Outcome keys of the check-in.
    public enum Outcome {
        public static let wentWell = "went-well"
        public static let mixed = "mixed"
        public static let notAsHoped = "not-as-hoped"
        public static let notSent = "not-sent"
    }

    /// How it went.
    public static var outcomes: [Choice] { [
        Choice(key: Outcome.wentWell, label: tr("It went well")),
        Choice(key: Outcome.mixed, label: tr("Somewhere in between")),
        Choice(key: Outcome.notAsHoped, label: tr("Not as I hoped")),
        Choice(key: Outcome.notSent, label: tr("I didn't send it")),
    ] }

    /// Choice keys for keeping a good outcome as a win.
    public static let keepKey = "keep"
    public static let noThanksKey = "no-thanks"
    public static var keepChoices: [Choice] { [
        Choice(key: keepKey, label: tr("Keep it as a win")),
        Choice(key: noThanksKey, label: tr("No, thanks")),
    ] }

    /// Field keys of `followUpForm`.
    public enum FollowUpField {
        public static let outcome = "outcome"
        public static let keep = "keep-as-win"
    }

    /// The check-in in the terminal (`steady ask --follow-up`). The second question is asked
    /// only after "it went well".
    public static var followUpForm: Form { Form(
        id: "asking-follow-up",
        title: tr("How your request went"),
        intro: tr("Looking back at a request you wrote."),
        fields: [
            FormField(key: FollowUpField.outcome, question: tr("How did it go?"), request: .choices(outcomes)),
            FormField(key: FollowUpField.keep, question: tr("Would you like to keep it as a win?"), request: .choices(keepChoices),
                      isOptional: true),
        ]) }

    /// A kind word for each outcome.
    public static func acknowledgement(of outcome: String) -> String {
        switch outcome {
        case Outcome.wentWell: tr("Glad it went well. Asking plainly was the brave part.")
        case Outcome.mixed: tr("Mixed is common, and you still said what you needed. Thank you for looking back.")
        case Outcome.notAsHoped: tr("Thank you for telling me. Asking was your part, and you did it; how they answered is theirs.")
        default: tr("That's all right. The words are in your journal if you want them another time.")
        }
    }

    /// Said after keeping it as a win, or not.
    public static var keptAcknowledgement: String { tr("Kept with your wins, for a day you need reminding.") }
    public static var notKeptAcknowledgement: String { tr("All right. It's noted in your journal either way.") }

    /// The words of a win kept in the terminal.
    public static func winText(request: String?) -> String {
        guard let request = request?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty else {
            return tr("I asked for what I needed, and it went well.")
        }
        return tr("I asked for what I needed (%1$@), and it went well.", request)
    }
}
