import SteadyKit
import SteadyLocalization

/// What `steady ask` shows once the questions are answered: the shaped message, ready to
/// copy, gentle notes on the wording, and what to keep in mind around sending it.
public enum AskPresenter {
    /// Shows the message for `response` (a completed `NeedRequest.form`) and returns the
    /// response with the message added, as it is kept in the journal.
    public static func present(_ response: FormResponse, on console: any Console) -> FormResponse {
        let feeling = Feelings.word(response.values[NeedRequest.Field.feeling]) ?? tr("unsettled")
        let request = response.text(NeedRequest.Field.request) ?? ""
        let message = NeedRequest.message(to: response.text(NeedRequest.Field.to), feeling: feeling, request: request)
        console.line()
        console.line(console.bold(tr("Your message, to copy:")))
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
        // TRANSLATORS: the command that offers the draft back, e.g. `steady ask`.
        tr("Stopped. What you wrote is kept as a draft; `%1$@` offers to continue it.", command)
    }

    /// Said on Ctrl-C before anything was written.
    public static var nothingYet: String { tr("Stopped. Nothing was written yet, so there is nothing to keep; come back to it any time.") }

    /// The offer at the start of the next run.
    public static func offer(title: String, when: String, answered: Int, of total: Int) -> String {
        // TRANSLATORS: %1$d: questions answered; %2$d: questions in all; %3$@: the tool's title (e.g. "trigger journal"); %4$@: when it was started.
        trn("You have an unfinished %3$@ from %4$@ (%1$d of %2$d answered).", "You have an unfinished %3$@ from %4$@ (%1$d of %2$d answered).",
            answered, total, Translation.insideSentence(title), when)
    }

    /// The yes-or-no question after the offer.
    public static var question: String { tr("Continue where you left off? (No lets it go.)") }
    /// Said when continuing.
    public static var continuing: String { tr("Picking up where you left off.") }
    /// Said when the person lets the draft go.
    public static var letGo: String { tr("Let go. Starting afresh.") }
}

extension String {
    /// The string with its first letter in lower case, unless it starts a name-like word in
    /// capitals ("Trigger journal" → "trigger journal").
    var lowercasingFirstLetter: String { prefix(1).lowercased() + dropFirst() }
}
