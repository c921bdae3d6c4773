import SteadyKit

/// What `steady ask` shows once the questions are answered: the shaped message, ready to
/// copy, gentle notes on the wording, and what to keep in mind around sending it.
public enum AskPresenter {
    /// Shows the message for `response` (a completed `NeedRequest.form`) and returns the
    /// response with the message added, as it is kept in the journal.
    public static func present(_ response: FormResponse, on console: any Console) -> FormResponse {
        let feeling = Feelings.word(response.values[NeedRequest.Field.feeling]) ?? "unsettled"
        let request = response.text(NeedRequest.Field.request) ?? ""
        let message = NeedRequest.message(to: response.text(NeedRequest.Field.to), feeling: feeling, request: request)
        console.line()
        console.line(console.bold("Your message, to copy:"))
        console.line()
        console.line("    " + message)
        console.line()
        for note in NeedRequest.notes(on: request) { console.line(note) }
        for line in NeedRequest.closing(kind: response.choice(NeedRequest.Field.kind)) { console.line(line) }
        var kept = response
        kept.values[NeedRequest.Field.message] = .text(message)
        return kept
    }
}

/// What `steady check` says at the end.
public enum CheckPresenter {
    public static func close(_ response: FormResponse, on console: any Console) {
        console.line()
        if let change = RealityCheck.change(in: response) { console.line(change.summary) }
        for line in RealityCheck.closing(for: response) { console.line(line) }
    }
}

/// The words around drafts: what a tool says when it keeps one on Ctrl-C and when it offers
/// one back.
public enum DraftTexts {
    /// Said on Ctrl-C when something was written: `command` is how to come back to it.
    public static func kept(command: String) -> String {
        "Stopped. What you wrote is kept as a draft; `\(command)` offers to continue it."
    }

    /// Said on Ctrl-C before anything was written.
    public static let nothingYet = "Stopped. Nothing was written yet, so there is nothing to keep; come back to it any time."

    /// The offer at the start of the next run.
    public static func offer(title: String, when: String, answered: Int, of total: Int) -> String {
        "You have an unfinished \(title.lowercasingFirstLetter) from \(when) (\(answered) of \(total) answered)."
    }

    /// The yes-or-no question after the offer.
    public static let question = "Continue where you left off? (No lets it go.)"
    /// Said when continuing.
    public static let continuing = "Picking up where you left off."
    /// Said when the person lets the draft go.
    public static let letGo = "Let go. Starting afresh."
}

extension String {
    /// The string with its first letter in lower case, unless it starts a name-like word in
    /// capitals ("Trigger journal" → "trigger journal").
    var lowercasingFirstLetter: String { prefix(1).lowercased() + dropFirst() }
}
