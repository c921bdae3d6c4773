import ArgumentParser
import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct AskCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "ask",
        abstract: tr("Ask for what you need: a feeling and one specific request, shaped into a calm message to copy."),
        discussion: tr("Pick a feeling word (from a short list, or your own) and write one specific thing that would help. steady puts them together as a calm, direct message (\"I've been feeling lonely lately. Could we plan a walk this week?\") for you to copy, change and send yourself: it never sends anything. How often you asked for reassurance is counted for you alone, never as a goal.") + "\n\n" + tr("Some time later (`follow-up-after` in [practices.asking], a day by default) a check-in asks how it went; a good outcome can be kept as a win. `steady ask --follow-up` answers the same in the terminal any time.") + "\n\n" + tr("`steady pause` offers it after \"go ahead\". Answers can also be piped in, one line each. Ctrl-C keeps what you wrote so far as a draft, offered the next time.") + "\n\n" + tr("Exit status: 0 saved, 65 piped input ended or did not fit, 66 no request to follow up, 74 the journal cannot be written, 130 stopped with Ctrl-C (a draft is kept if anything was written).")) }

    @Flag(help: ArgumentHelp(tr("Say how an earlier request went, instead of writing a new one.")))
    var followUp = false

    @Argument(help: ArgumentHelp(tr("With --follow-up: the request's entry number (default: the latest still waiting)."), valueName: "entry"))
    var entry: Int64?

    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    /// How far back the reassurance count looks.
    static let countDays = 30

    func validate() throws {
        if entry != nil && !followUp {
            throw ValidationError(tr("An entry number goes with --follow-up, e.g. `steady ask --follow-up 12`."))
        }
    }

    func run() throws {
        let tool = ToolConsole(options: options, display: display)
        if followUp {
            try runFollowUp(tool)
        } else {
            try runRequest(tool: tool)
        }
    }
}

/// Walks `steady ask`, shows the message, saves it and schedules the check-in.
func runRequest(tool: ToolConsole, configPath: String? = nil) throws {
    let console = tool.console
    let response = try tool.fillKeepingDrafts(NeedRequest.form, command: "steady ask")
    let kept = AskPresenter.present(response, on: console)
    let journal = try openJournalForWriting()
    let saved = try saveEntry(kept, in: journal)
    tool.finished(NeedRequest.form, journal: journal)
    console.line()
    console.line(tr("Kept in your journal (entry #%1$d).", saved.id))
    if kept.choice(NeedRequest.Field.kind) == NeedRequest.Kind.reassurance {
        let since = Date().addingTimeInterval(-Double(AskCommand.countDays) * 86_400)
        let count = ((try? journal.entries(kind: NeedRequest.form.id, since: since, limit: 10_000)) ?? [])
            .filter { $0.response.choice(NeedRequest.Field.kind) == NeedRequest.Kind.reassurance }.count
        console.line(NeedRequest.reassuranceCount(count, days: AskCommand.countDays))
    }
    var checkIn: Date?
    do {
        checkIn = try scheduleFollowUps(forEntry: saved.id, journal: journal, configPath: configPath ?? tool.configPath).first
    } catch {
        printError(tr("the check-in on how it went could not be scheduled: %1$@", "\(error)"))
    }
    if let checkIn {
        // TRANSLATORS: when the check-in comes; `steady ask --follow-up` stays as it is.
        console.line(tr("Around %1$@ steady will ask how it went. `steady ask --follow-up` answers any time before.", Clock.short(checkIn)))
    } else {
        console.line(tr("Whenever you like, `steady ask --follow-up` looks back on how it went."))
    }
}

extension AskCommand {
    private func runFollowUp(_ tool: ToolConsole) throws {
        let console = tool.console
        let journal = try openJournalForWriting()
        let parent = try entryToFollowUp(entry, kind: NeedRequest.form.id, followUpKind: NeedRequest.followUpForm.id, in: journal,
                                         missing: { tr("there is no request #%1$d; `steady ask --follow-up` without a number picks the latest.", $0) },
                                         noneWaiting: tr("No request is waiting to be looked back on. `steady ask` writes a new one."), console: console)
        // TRANSLATORS: the request's number, when it was written, the message.
        console.line(tr("Request #%1$d, %2$@: %3$@", parent.id, Clock.short(parent.createdAt), parent.response.text(NeedRequest.Field.message) ?? tr("a request you wrote")))
        let form = NeedRequest.followUpForm
        var values: [String: AnswerValue] = [:]
        switch tool.asker.ask(form.fields[0], of: form) {
        case .success(let value?): values[NeedRequest.FollowUpField.outcome] = value
        case .success(nil): break
        case .failure(let stop): throw stopped(stop, console: console)
        }
        let outcome = values[NeedRequest.FollowUpField.outcome].map(\.description) ?? ""
        if outcome == NeedRequest.Outcome.wentWell {
            switch tool.asker.ask(form.fields[1], of: form) {
            case .success(let value?): values[NeedRequest.FollowUpField.keep] = value
            case .success(nil): break
            case .failure(let stop): throw stopped(stop, console: console)
            }
        }
        let response: FormResponse
        do {
            response = try form.response(from: values)
        } catch {
            printError(error.description)
            throw ExitStatus.badAnswer
        }
        let saved = try saveEntry(response, parentID: parent.id, in: journal)
        do {
            _ = try closeFollowUps(ofEntry: parent.id, followUpEntryID: saved.id, journal: journal, configPath: options.config)
        } catch {
            printError(tr("saved; the check-in about request #%1$@ may still show up (%2$@). Skipping it is fine.", parent.id, "\(error)"))
        }
        console.line()
        console.line(NeedRequest.acknowledgement(of: outcome))
        if response.choice(NeedRequest.FollowUpField.keep) == NeedRequest.keepKey {
            let win = try WinEntry.form.response(from: [WinEntry.field: .text(NeedRequest.winText(request: parent.response.text(NeedRequest.Field.request)))])
            _ = try saveEntry(win, parentID: parent.id, in: journal)
            console.line(NeedRequest.keptAcknowledgement)
        }
        console.line(tr("Saved with request #%1$d (as #%2$d).", parent.id, saved.id))
    }
}
