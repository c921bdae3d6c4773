import Foundation
import SteadyJournal
import SteadyKit

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
                ("zenity", ["--list", "--title", title, "--text", text, "--column", "Answer"] + choices.map(\.label)),
                ("kdialog", ["--title", title, "--menu", text] + choices.flatMap { [$0.key, $0.label] }),
                ("yad", ["--list", "--title", title, "--text", text, "--column", "Answer", "--print-column=1", "--separator="]
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

    /// Runs the dialog off the engine queue; `completion` gets the typed text (nil for "not now").
    static func ask(_ argv: [String], prompt: PromptRecord, completion: @escaping @Sendable (String?) -> Void) {
        var environment = ProcessInfo.processInfo.environment
        environment["STEADY_PROMPT_ID"] = String(prompt.id)
        environment["STEADY_PROMPT_TITLE"] = prompt.content.title
        environment["STEADY_PROMPT_BODY"] = prompt.content.body
        environment["STEADY_PROMPT_EXPECTS"] = prompt.content.request.expectation
        let argv = WindowLauncher.command(argv, output: true, environment: environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            completion(nil)
            return
        }
        DispatchQueue.global().async {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            completion(process.terminationStatus == 0 && !text.isEmpty ? text : nil)
        }
    }
}
