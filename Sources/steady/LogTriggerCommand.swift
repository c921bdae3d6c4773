import ArgumentParser
import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct LogTriggerCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "trigger",
        abstract: tr("Note a moment that stirred things up, and later how it settled."),
        discussion: tr("Asks what happened, what went through your mind, what you noticed in your body, which feeling was strongest (a word from a short list, or your own), how strong it was (1–10) and what you did. Optional questions can be skipped with Enter. After a strong one (7 or more), steady offers the past-or-present check (`steady check`).") + "\n\n" + tr("Some time later (`follow-up-after` in [practices.trigger-journal], an hour by default) steady checks in with a notification: how long it took to settle, then how strong it is now. `steady log trigger --follow-up` asks the same in the terminal any time, keeps both with the first entry and closes the check-in. Without an entry number it picks the latest one still waiting.") + "\n\n" + tr("When a rating is at the top of the scale, steady shows a short grounding step, your soothing kit and the people you chose to lean on.") + "\n\n" + tr("Answers can also be piped in, one line each (an empty line skips an optional one). Ctrl-C keeps what you wrote so far as a draft, and the next `steady log trigger` in a terminal offers to continue it.") + "\n\n" + tr("Exit status: 0 saved, 65 piped input ended or did not fit, 66 no entry to follow up, 74 the journal cannot be written, 130 stopped with Ctrl-C (a draft is kept if anything was written).")) }

    @Flag(help: ArgumentHelp(tr("Answer the follow-up of an earlier entry instead of writing a new one.")))
    var followUp = false

    @Argument(help: ArgumentHelp(tr("With --follow-up: the entry's number (default: the latest still waiting)."), valueName: "entry"))
    var entry: Int64?

    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if entry != nil && !followUp {
            throw ValidationError(tr("An entry number goes with --follow-up, e.g. `steady log trigger --follow-up 12`."))
        }
    }

    func run() throws {
        let tool = ToolConsole(options: options, display: display)
        if followUp {
            try runFollowUp(tool)
            return
        }
        do {
            // English: a command name
            let response = try tool.fillKeepingDrafts(TriggerJournal.form, command: "steady log trigger")
            let journal = try openJournalForWriting()
            let saved = try saveEntry(response, in: journal)
            tool.finished(TriggerJournal.form, journal: journal)
            let console = tool.console
            console.line()
            console.line(tr("Saved as entry #%1$d. Thank you for writing it down.", saved.id))
            let checkIn: Date?
            do {
                checkIn = try scheduleFollowUps(forEntry: saved.id, journal: journal, configPath: options.config).first
            } catch {
                printError(tr("the check-in on how it settles could not be scheduled: %1$@", "\(error)"))
                checkIn = nil
            }
            if let checkIn {
                // TRANSLATORS: when the check-in comes; `steady log trigger --follow-up` stays as it is.
                console.line(tr("Around %1$@ steady will ask how it settled. `steady log trigger --follow-up` answers any time before.", Clock.short(checkIn)))
            } else {
                // TRANSLATORS: a length of time in words ("4 hours").
                console.line(tr("In about %1$@, `steady log trigger --follow-up` asks how it settled.", spokenDuration(TriggerJournal.followUpDelay)))
            }
            if let intensity = response.number(TriggerJournal.Field.intensity), intensity >= RealityCheck.offerAfterTriggerIntensity {
                try offerRealityCheck(tool: tool, parentID: saved.id, journal: journal)
            }
        }
    }

    private func runFollowUp(_ tool: ToolConsole) throws {
        let console = tool.console
        let journal = try openJournalForWriting()
        let parent = try entryToFollowUp(entry, kind: TriggerJournal.form.id, followUpKind: TriggerJournal.followUpForm.id, in: journal,
                                         missing: { tr("there is no trigger entry #%1$d; `steady log trigger --follow-up` without a number picks the latest.", $0) },
                                         noneWaiting: tr("No trigger entry is waiting for a follow-up. `steady log trigger` writes a new one."), console: console)
        // TRANSLATORS: the entry's number, when it was written, a short recap of it.
        console.line(tr("Entry #%1$d, %2$@: %3$@", parent.id, Clock.short(parent.createdAt), Self.recap(parent.response)))
        console.line()
        switch tool.asker.walk(TriggerJournal.followUpForm) {
        case .failure(let stop):
            throw stopped(stop, console: console)
        case .success(let response):
            let saved = try saveEntry(response, parentID: parent.id, in: journal)
            do {
                _ = try closeFollowUps(ofEntry: parent.id, followUpEntryID: saved.id, journal: journal, configPath: options.config)
            } catch {
                printError(tr("saved; the check-in about entry #%1$@ may still show up (%2$@). Skipping it is fine.", parent.id, "\(error)"))
            }
            console.line()
            if let change = TriggerJournal.change(entry: parent.response, followUp: response) {
                console.line(change.summary)
            }
            console.line(tr("Saved with entry #%1$d (as #%2$d).", parent.id, saved.id))
        }
    }

    /// What the person wrote about the moment, and how strong it was, shown back to them.
    static func recap(_ response: FormResponse) -> String {
        var parts: [String] = []
        if let happened = response.text(TriggerJournal.Field.happened) { parts.append(happened) }
        if let intensity = response.number(TriggerJournal.Field.intensity) { parts.append(tr("%1$d of 10 at the time", intensity)) }
        return parts.isEmpty ? tr("a moment you noted") : parts.joined(separator: " — ")
    }
}
