import ArgumentParser
import Foundation
import SteadyCheckIn
import SteadyConfig
import SteadyControl
import SteadyJournal
import SteadyKit
import SteadyLocalization

struct AnswerCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "answer",
        abstract: tr("Answer a prompt from the terminal."),
        discussion: tr("`steady answer 12 box` answers prompt #12 (`steady status` lists the waiting ones and what each accepts: a choice by name or number, a number on a scale, or a few words). Without a value, or without an id, it asks interactively when run in a terminal.") + "\n\n" + tr("Works whether or not the daemon runs; when it runs, the notification is taken down. The answer is stored before this command says so.") + "\n\n" + tr("Exit status: 0 recorded, 65 the value does not fit the prompt, 66 no such prompt (or already answered), 74 the journal cannot be written.")) }

    @Argument(help: ArgumentHelp(tr("The prompt's number, as shown by `steady status` (with or without '#').")))
    var id: String?

    @Argument(help: ArgumentHelp(tr("Your answer, 'later' to be asked again, or 'skip' to let it pass. Quote text with spaces, or leave it out to be asked.")))
    var value: [String] = []

    @Option(help: ArgumentHelp(tr("A private note to keep with the answer.")))
    var note: String?

    @OptionGroup var options: ConfigOptions

    func validate() throws {
        if let id, Int64(id.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) == nil {
            throw ValidationError(tr("'%1$@' is not a prompt number; `steady status` lists them (e.g. `steady answer 12 box`).", id))
        }
    }

    func run() throws {
        guard let journal = try openJournal(create: false) else {
            printError(tr("there are no prompts yet: the journal is created when steady first runs."))
            throw ExitStatus.notFound
        }
        let interactive = isatty(0) == 1
        var targets: [PromptRecord]
        if let id, let number = Int64(id.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) {
            do {
                targets = [try CheckInService.waitingPrompt(number, in: journal)]
            } catch {
                throw report(error)
            }
        } else {
            targets = (try? CheckInService.waiting(in: journal)) ?? []
            if targets.isEmpty {
                print(tr("No prompts are waiting for an answer."))
                return
            }
            guard interactive else {
                printError(tr("give a prompt number and a value, e.g. `steady answer %1$@ …`; waiting: %2$@", targets[0].id, targets.map { "#\($0.id)" }.joined(separator: ", ")))
                throw ExitStatus.badAnswer
            }
        }
        for prompt in targets {
            var raw = value.isEmpty ? nil : value.joined(separator: " ")
            if raw == nil {
                guard interactive else {
                    printError(tr("prompt #%1$@ takes %2$@; give it after the number.", prompt.id, prompt.content.request.expectation))
                    throw ExitStatus.badAnswer
                }
                raw = ask(prompt)
                if raw == nil { continue }
            }
            let parsed: AnswerValue
            do {
                parsed = try prompt.content.request.parse(raw!)
            } catch {
                // "later"/"skip", or their words in the person's language ("später", "auslassen").
                if let word = AnswerWords.nonAnswer(raw!) {
                    try submit(prompt, request: word == .skip ? .skip(promptID: prompt.id) : .later(promptID: prompt.id), journal: journal)
                    continue
                }
                printError(tr("%1$@ (Or %2$@.)", error.description, AnswerWords.hint))
                throw ExitStatus.badAnswer
            }
            try submit(prompt, request: .answer(promptID: prompt.id, value: parsed, note: note), journal: journal)
        }
    }

    /// Shows a prompt and reads an answer; nil (empty line) lets it pass for now.
    private func ask(_ prompt: PromptRecord) -> String? {
        print("#\(prompt.id) \(prompt.content.title)")
        print("   \(prompt.content.body)")
        let request = prompt.content.request
        let choices = request.actionChoices
        if case .choices = request {
            for (index, choice) in choices.enumerated() { print("   \(index + 1)) \(choice.label)") }
        } else if case .scale(let scale) = request {
            print("   \(scale.range.lowerBound) = \(scale.lowLabel) … \(scale.range.upperBound) = \(scale.highLabel)")
        }
        print(tr("Your answer ('later', 'skip', or Enter to leave it for now): "), terminator: "")
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            print(tr("Left for later."))
            return nil
        }
        return line
    }

    private func submit(_ prompt: PromptRecord, request: ControlRequest, journal: Journal) throws {
        let acknowledgement: String?
        do {
            acknowledgement = try carryOut(request, journal: journal, configPath: options.config)
        } catch {
            throw report(error)
        }
        print(acknowledgement ?? tr("Saved. Thank you."))
    }

    /// Says why a request was not carried out, and gives the exit status for it.
    private func report(_ error: any Error) -> ExitCode {
        switch error {
        case let error as ControlError:
            printError(tr("the daemon did not confirm the answer (%1$@); check `steady history` before answering again.", "\(error)"))
        case is UnexpectedReply:
            printError(tr("the daemon gave an unexpected reply; the answer may not be saved — check `steady history`."))
        default:
            printError("\(error)")
        }
        return ExitStatus.of(error)
    }
}
