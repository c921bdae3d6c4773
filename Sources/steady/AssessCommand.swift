import ArgumentParser
import Foundation
import SelfAssessment
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct AssessCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "assess",
        abstract: tr("The self-assessment: rate a few sentences about how things are lately."),
        discussion: trn("%1$d sentence in %2$d areas, each rated from 1 (never) to 5 (always).", "%1$d sentences in %2$d areas, each rated from 1 (never) to 5 (always).", Assessment.statements.count, Assessment.areas.count) + " " + tr("Afterwards steady says, kindly, where old patterns show up and what you can already lean on, and how each area moved since your last assessment. It is for noticing, never a diagnosis.") + "\n\n" + tr("If the monthly self-assessment check-in is waiting, it is marked done.") + "\n\n" + tr("Answers can also be piped in, one number per line. Ctrl-C keeps the ratings so far as a draft, and the next `steady assess` in a terminal offers to continue it.") + "\n\n" + tr("Exit status: 0 saved, 65 piped input ended or did not fit, 74 the journal cannot be written, 130 stopped with Ctrl-C (a draft is kept if anything was rated).")) }

    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let tool = ToolConsole(options: options, display: display)
        let console = tool.console
        let response = try tool.fillKeepingDrafts(Assessment.form, command: "steady assess")
        let journal = try openJournalForWriting()
        let earlier = (try? journal.entries(kind: Assessment.form.id, limit: 1))?.first
        let saved = try saveEntry(response, in: journal)
        tool.finished(Assessment.form, journal: journal)
        let result = Self.result(of: response)

        console.line()
        console.line(console.bold(tr("Thank you. How it looks this time:")))
        for area in result.areas { console.line("  " + area.summary) }
        if let earlier {
            let comparison = Assessment.Comparison(earlier: Self.result(of: earlier.response), later: result)
            if !comparison.changes.isEmpty {
                console.line()
                // TRANSLATORS: the date of the earlier assessment.
                console.line(console.bold(tr("Since %1$@:", String(Clock.full(earlier.createdAt).prefix(10)))))
                for change in comparison.changes { console.line("  " + change.summary) }
            }
        }
        console.line()
        console.line(tr("Saved as entry #%1$d. Scores like these move slowly; noticing them is the work.", saved.id))
        console.line(MoreHelp.line)
        let acknowledgements = answerWaitingPrompts(
            of: SelfAssessmentPractice.id, with: .choice(SelfAssessmentPractice.doneKey), journal: journal, configPath: options.config)
        for acknowledgement in acknowledgements { console.line(acknowledgement) }
    }

    /// The ratings of a stored assessment, read leniently so an older entry still compares.
    static func result(of response: FormResponse) -> Assessment.Result {
        Assessment.Result(ratings: response.values.compactMapValues { value in
            if case .number(let n) = value { return n }
            return nil
        })
    }
}
