import ArgumentParser
import Foundation
import SteadyConfig
import SteadyInsights
import SteadyJournal
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

// Shared plumbing of the on-demand tools (`log`, `pause`, `breathe`, `ground`, `relax`,
// `body-scan`, `assess`, `wins`): the console, the safety settings, saving entries.

/// The safety response's settings (the config's `[safety]` table): who to lean on, the
/// crisis line, the threshold. A config with a problem must not keep someone from a
/// calming tool: then the defaults are used, and the problem is named once on stderr.
///
/// The `[terminal]` settings are read with them, once.
func toolSettings(_ options: ConfigOptions) -> (safety: SafetySettings, terminal: TerminalSettings) {
    do {
        let config = try ConfigLoader(registry: registry).load(path: options.config)
        return (config.safety, config.terminal)
    } catch {
        printError(tr("the config has a problem, so the safety settings use their defaults for now: %1$@", error.localizedSummary))
        return (SafetySettings(), TerminalSettings())
    }
}

/// How a terminal tool prints, shared by every interactive tool.
struct DisplayOptions: ParsableArguments {
    /// Plain mode: also on by itself when output is not a terminal or `TERM=dumb`, and with
    /// `[terminal] plain = true` in the config.
    @Flag(help: ArgumentHelp(
        tr("Print each step once, as a new line, with no redrawing, cursor movement or colour (for screen readers and braille displays; on by itself with TERM=dumb or when output is not a terminal).")))
    var plain = false
}

/// Pacing shared by the timed tools.
struct PacingOptions: ParsableArguments {
    /// Runs the clock this many times faster than real time. For tests only (a round of box
    /// breathing at `--speed 40` takes 0.4 s); hidden from `--help` because breathing faster
    /// is never the point.
    @Option(help: .hidden)
    var speed: Double = 1

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError(tr("--speed must be a positive number.")) }
    }
}

/// The console and the question-asker every tool uses.
struct ToolConsole {
    let console: SystemConsole
    let asker: Asker
    /// `--config`, for what the tool does with the config after its own work.
    let configPath: String?

    /// The asker knows the person's soothing kit, to show it beside the safety and urge
    /// responses and in a pause. Plain mode comes from `--plain` or `[terminal] plain`.
    init(options: ConfigOptions, display: DisplayOptions) {
        let settings = toolSettings(options)
        console = SystemConsole(plain: display.plain || settings.terminal.plain)
        asker = Asker(console: console, safety: settings.safety, kit: latestKit()?.reminder)
        configPath = options.config
    }

    /// Walks `form`, offering a draft kept from an earlier Ctrl-C first (at a terminal), and
    /// keeping what was written as a draft if this run is stopped with Ctrl-C too. Returns the
    /// completed response; the caller saves it and then calls `finished(_:)`.
    /// `command` is how the person comes back to it (`steady log thought`).
    func fillKeepingDrafts(_ form: Form, command: String, suggestions: [String: Asker.Suggestion] = [:]) throws -> FormResponse {
        let journal = try? openJournal(create: false)
        var answered: [String: AnswerValue] = [:]
        var intro = true
        if let journal, console.inputIsTerminal, let draft = try? journal.draft(form: form.id) {
            let kept = draft.response.values.filter { form[$0.key] != nil }
            console.line(console.bold(form.title))
            console.line(DraftTexts.offer(title: form.title, when: Clock.short(draft.savedAt), answered: kept.count, of: form.fields.count))
            if asker.confirm(DraftTexts.question, default: true) {
                answered = kept
                console.line(DraftTexts.continuing)
                for field in form.fields {
                    guard let value = kept[field.key] else { continue }
                    var words = HistoryText.describe(value, in: field.request).replacingOccurrences(of: "\n", with: " ")
                    if words.count > 60 { words = String(words.prefix(59)) + "…" }
                    console.line(console.dim("  \(field.question) \(words)"))
                }
            } else {
                _ = try? journal.discardDraft(form: form.id)
                console.line(DraftTexts.letGo)
                console.line(form.intro)
            }
            intro = false
        }
        switch asker.fill(form, intro: intro, answered: answered, suggestions: suggestions) {
        case .completed(let response):
            return response
        case .stopped(.interrupted, let partial):
            guard !partial.isEmpty else {
                console.line(DraftTexts.nothingYet)
                throw ExitStatus.stopped
            }
            do {
                let journal = try journal ?? openJournalForWriting()
                try journal.saveDraft(FormResponse(formID: form.id, values: partial), at: Date())
                console.line(DraftTexts.kept(command: command))
            } catch {
                printError(tr("what you wrote could not be kept as a draft: %1$@", "\(error)"))
            }
            throw ExitStatus.stopped
        case .stopped(let stop, _):
            throw stopped(stop, console: console)
        }
    }

    /// After the entry made from `form` is saved: its draft, if any, is no longer needed.
    func finished(_ form: Form, journal: Journal) {
        _ = try? journal.discardDraft(form: form.id)
    }
}

/// The person's soothing kit: the newest `soothing-kit` entry, if they wrote one.
func latestKit() -> SoothingKit? {
    guard let journal = try? openJournal(create: false),
          let entry = (try? journal.entries(kind: SoothingKit.form.id, limit: 1))?.first else { return nil }
    return SoothingKit(entry.response)
}

/// The technique that has eased things most in the person's own before/after ratings (at
/// least two rated sessions, easing by half a point or more on average).
func bestTechnique(journal: Journal) -> TechniqueSummary? {
    guard let best = techniqueSummaries(journal: journal).first, best.averageChange <= -0.5 else { return nil }
    return best
}

/// One summary per technique with two or more rated sessions, the one that eased things most first.
func techniqueSummaries(journal: Journal) -> [TechniqueSummary] {
    let calming = (try? journal.entries(kind: CalmingEntry.form.id, limit: 500)) ?? []
    let pauses = (try? journal.entries(kind: PauseEntry.form.id, limit: 500)) ?? []
    let checks = (try? journal.entries(kind: RealityCheck.form.id, limit: 500)) ?? []
    let changes = calming.compactMap { CalmingEntry.change(in: $0.response) } + pauses.compactMap { PauseEntry.change(in: $0.response) }
        + checks.compactMap { RealityCheck.change(in: $0.response) }
    return TechniqueSummary.summaries(changes, minimum: 2)
}

/// Opens (creating if needed) the journal for a tool that writes.
func openJournalForWriting() throws -> Journal {
    guard let journal = try openJournal(create: true) else { throw ExitStatus.journal }
    return journal
}

/// Saves an entry durably, or says why not and exits 74.
@discardableResult
func saveEntry(_ response: FormResponse, parentID: Int64? = nil, in journal: Journal? = nil) throws -> EntryRecord {
    do {
        let journal = try journal ?? openJournalForWriting()
        return try journal.recordEntry(response, at: Date(), parentID: parentID)
    } catch let error as JournalError {
        printError(error.description)
        throw ExitStatus.journal
    }
}

/// Says why a form stopped and picks the exit status: 130 after Ctrl-C, 65 when piped input
/// ended or did not fit.
func stopped(_ stop: FormStop, console: any Console) -> ExitCode {
    switch stop {
    case .interrupted:
        console.line(tr("Stopped. Nothing was saved; come back to it any time."))
        return ExitStatus.stopped
    case .inputEnded, .invalidForm:
        printError(stop.description)
        return ExitStatus.badAnswer
    }
}

/// After a calming practice or a pause: what has eased things most, from the person's own
/// before/after ratings (only techniques with at least two rated sessions).
func techniqueLines(journal: Journal, current: String) -> [String] {
    let summaries = techniqueSummaries(journal: journal)
    var lines: [String] = []
    if let mine = summaries.first(where: { $0.technique == current }) { lines.append(mine.summary) }
    if let best = summaries.first, best.technique != current, best.averageChange <= -0.5 {
        // TRANSLATORS: a technique's name, e.g. "box breathing".
        lines.append(tr("What has eased things most for you so far: %1$@.", Translation.insideSentence(CalmingEntry.name(of: best.technique))))
    }
    return lines
}

extension String {
    /// The string with its first letter lowercased ("Box breathing" → "box breathing").
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

extension String {
    /// The string with its first letter in capitals ("2 minutes" stays, "a pause" → "A pause").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
