import ArgumentParser
import Foundation
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

struct PauseCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "pause",
        abstract: tr("Before sending that message or checking again: a short pause."),
        discussion: tr("Rate the urge from 1 to 10, try one grounding suggestion, wait (2 minutes unless you give another length, e.g. `steady pause 20m`), rate it again and decide what to do. In a terminal the wait counts down in place and Enter moves on early. Ctrl-C ends the pause at any point and keeps what was done. Logged in your journal.") + "\n\n" + tr("Your soothing kit (`steady kit`) is shown with the grounding step, and a very strong urge brings a few gentle suggestions rather than alarm. After \"go ahead\", steady offers to help put what you need into a calm message (`steady ask`); after the other choices, the past-or-present check (`steady check`).") + "\n\n" + tr("Exit status: 0 saved, 65 piped input ended or did not fit, 74 the journal cannot be written, 130 stopped before the first rating.")) }

    @Argument(help: ArgumentHelp(tr("How long to wait: 90s, 5m, 20m, 1h… (default 2m)."), valueName: "length"))
    var length: String?

    @OptionGroup var pacing: PacingOptions
    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    static let longest = TimeSpan.hours(4)

    /// The wait in seconds.
    func seconds() throws(TimeSpanError) -> Int {
        guard let length else { return Pause.defaultWait }
        return try TimeSpan(parsing: length).seconds
    }

    func validate() throws {
        let span: Int
        do {
            span = try seconds()
        } catch {
            throw ValidationError(tr("'%1$@' is not a length of time (%2$@); try 90s, 5m or 20m.", length ?? "", error.message))
        }
        guard span >= 1, span <= Self.longest.seconds else {
            throw ValidationError(tr("A pause can last from 1 second to %1$@; '%2$@' is outside that.", "\(Self.longest)", length ?? ""))
        }
    }

    func run() throws {
        let tool = ToolConsole(options: options, display: display)
        let console = tool.console
        let wait = try seconds()
        console.line(console.bold(tr("A pause")))
        // TRANSLATORS: the wait's length in words ("2 minutes").
        console.line(tr("%1$@ between the urge and acting on it. Ctrl-C stops at any point.", spokenDuration(wait).capitalisedFirst))
        let variant = Occasion.dayNumber(of: Date(), in: .current)
        let session = PauseSession(waitSeconds: wait, variant: variant, speed: pacing.speed)
        switch session.run(with: tool.asker) {
        case .stoppedBeforeStart(let stop):
            throw stopped(stop, console: console)
        case .paused(let response, let finished):
            let journal = try openJournalForWriting()
            let saved = try saveEntry(response, in: journal)
            console.line()
            if !finished { console.line(tr("Stopped there, and that's fine.")) }
            if let change = PauseEntry.change(in: response) { console.line(change.summary) }
            if let decision = response.choice(Pause.Field.decision), let words = Self.closing[decision] {
                console.line(words)
            }
            console.line(tr("Saved to your journal (entry #%1$d).", saved.id))
            for line in techniqueLines(journal: journal, current: PauseEntry.technique) { console.line(line) }
            guard finished, let decision = response.choice(Pause.Field.decision) else { return }
            if decision == "go-ahead" {
                try offerRequest(tool: tool)
            } else {
                try offerRealityCheck(tool: tool, parentID: saved.id, journal: journal)
            }
        }
    }

    /// After "go ahead": help putting the need into words, asked at a terminal, a pointer otherwise.
    private func offerRequest(tool: ToolConsole) throws {
        guard tool.console.inputIsTerminal else {
            tool.console.line(NeedRequest.pointer)
            return
        }
        guard tool.asker.confirm(NeedRequest.offer, default: false) else { return }
        tool.console.line()
        try runRequest(tool: tool, configPath: options.config)
    }

    /// A kind word for each decision.
    static var closing: [String: String] { [
        "go-ahead": tr("Go gently. Whatever comes back, you can take it from here."),
        "wait-longer": tr("Waiting a little longer is a choice too. `steady pause` is here again when you want it."),
        "let-it-pass": tr("Letting it pass takes strength. Notice how that feels."),
        "talk-to-someone": tr("Talking it over can help a lot. Who would be good to reach?"),
    ] }
}
