import ArgumentParser
import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "check",
        abstract: tr("Past or present? A short reality check when an old alarm goes off."),
        discussion: tr("Lighter than a thought record: what is actually happening now, what the feeling reminds you of, the most likely explanation and what else it could be, a time you came through something like this before, how old the feeling feels, and whether it is mostly about today. How strong it feels is asked before and after (Enter skips either), so `steady stats` can show whether it helps you.") + "\n\n" + tr("`steady log trigger` offers it after a strong entry, and `steady pause` after the wait. Answers can also be piped in, one line each (an empty line skips an optional one). Ctrl-C keeps what you wrote so far as a draft, offered the next time.") + "\n\n" + tr("Exit status: 0 saved, 65 piped input ended or did not fit, 74 the journal cannot be written, 130 stopped with Ctrl-C (a draft is kept if anything was written).")) }

    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try runRealityCheck(tool: ToolConsole(options: options, display: display), parentID: nil)
    }
}

/// Walks the past-or-present check, saves it (following up entry `parentID`, if any) and says
/// the closing words. Returns the journal it was saved in.
@discardableResult
func runRealityCheck(tool: ToolConsole, parentID: Int64?) throws -> Journal {
    let response = try tool.fillKeepingDrafts(RealityCheck.form, command: "steady check")
    let journal = try openJournalForWriting()
    let saved = try saveEntry(response, parentID: parentID, in: journal)
    tool.finished(RealityCheck.form, journal: journal)
    CheckPresenter.close(response, on: tool.console)
    tool.console.line(tr("Saved as entry #%1$d.", saved.id))
    return journal
}

/// Offers the check after something strong (a trigger entry, a pause): asked at a terminal,
/// a pointer otherwise.
func offerRealityCheck(tool: ToolConsole, parentID: Int64?, journal: Journal) throws {
    let console = tool.console
    guard console.inputIsTerminal else {
        console.line(tr("If it helps, `steady check` looks at it with a short past-or-present check."))
        return
    }
    guard tool.asker.confirm(RealityCheck.offer, default: false) else { return }
    console.line()
    try runRealityCheck(tool: tool, parentID: parentID)
}
