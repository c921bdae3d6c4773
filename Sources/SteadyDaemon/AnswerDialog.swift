import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization

/// Asks for an answer outside the notification — typed text for servers without inline
/// reply, or a pick from the whole list of choices when the bubble could not show them all:
/// the configured `answer-command`, else the first of zenity, kdialog or yad, else a
/// terminal running `steady answer ID`.
///
/// The dialog program gets the prompt in `STEADY_PROMPT_ID`, `STEADY_PROMPT_TITLE`,
/// `STEADY_PROMPT_BODY` and `STEADY_PROMPT_EXPECTS`, and prints the answer on stdout;
/// exit status non-zero or empty output means "not now". A terminal fallback answers by
/// itself through `steady answer`.
enum AnswerDialog {
    /// The program and arguments to run for `prompt`, and whether its stdout is the answer.
    static func command(configured: [String]?, prompt: PromptRecord, steadyPath: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment,
                        exists: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }) -> (argv: [String], printsAnswer: Bool)?
    {
        if let configured { return (configured, true) }
        let title = prompt.content.title
        let text = prompt.content.body
        let choices = prompt.content.request.actionChoices
        let candidates: [(String, [String])] = if case .text = prompt.content.request {
            [
                ("zenity", ["--entry", "--title", title, "--text", text]),
                ("kdialog", ["--title", title, "--inputbox", text]),
                ("yad", ["--entry", "--title", title, "--text", text]),
            ]
        } else {
            // A list to pick from; each prints the label (kdialog the key), which `parse` takes.
            [
                ("zenity", ["--list", "--title", title, "--text", text, "--column", tr("Answer")] + choices.map(\.label)),
                ("kdialog", ["--title", title, "--menu", text] + choices.flatMap { [$0.key, $0.label] }),
                ("yad", ["--list", "--title", title, "--text", text, "--column", tr("Answer"), "--print-column=1", "--separator="]
                    + choices.map(\.label)),
            ]
        }
        for directory in ["/usr/bin", "/usr/local/bin"] {
            for (program, arguments) in candidates where exists("\(directory)/\(program)") {
                return (["\(directory)/\(program)"] + arguments, true)
            }
        }
        guard let terminal = TerminalLauncher.terminal(environment: environment, exists: exists) else { return nil }
        return (TerminalLauncher.command(["answer", String(prompt.id)], steadyPath: steadyPath, terminal: terminal), false)
    }

    /// What came of asking.
    enum Reply: Sendable, Equatable {
        /// The dialog printed this.
        case answered(String)
        /// Closed, cancelled, or nothing typed: "not now".
        case notNow
        /// The dialog never ran; the reason, which names no prompt text.
        case notStarted(String)
    }

    /// Runs the dialog off the engine queue; `completion` gets what came of it.
    static func ask(_ argv: [String], prompt: PromptRecord, completion: @escaping @Sendable (Reply) -> Void) {
        var environment = ProcessInfo.processInfo.environment
        environment["STEADY_PROMPT_ID"] = String(prompt.id)
        environment["STEADY_PROMPT_TITLE"] = prompt.content.title
        environment["STEADY_PROMPT_BODY"] = prompt.content.body
        environment["STEADY_PROMPT_EXPECTS"] = prompt.content.request.expectation
        WindowLauncher.launch(argv, output: true, environment: environment) { outcome in
            switch outcome {
            case .notStarted(let reason):
                completion(.notStarted(reason))
            case .started(let status, let output):
                let text = output.trimmingCharacters(in: .whitespacesAndNewlines)
                completion(status == 0 && !text.isEmpty ? .answered(text) : .notNow)
            }
        }
    }
}
