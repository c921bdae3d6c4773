import ArgumentParser
import SteadyKit
import SteadyLocalization
import SteadyTerminal
import SteadyLocalization

/// What `ground`, `relax` and `body-scan` share: one guide inside the before/after loop.
struct GuideOptions: ParsableArguments {
    @OptionGroup var pacing: PacingOptions
    @OptionGroup var options: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run(_ guide: Guide) throws {
        let tool = ToolConsole(options: options, display: display)
        let console = tool.console
        console.line(console.bold(guide.title))
        console.line(guide.intro)
        if guide.timedSeconds > 0 {
            // TRANSLATORS: how long the guide takes, as m:ss.
            console.line(tr("About %1$@. Ctrl-C ends it whenever you like.", clockText(guide.timedSeconds)))
        } else {
            console.line(tr("Take each step at your own pace. Ctrl-C ends it whenever you like."))
        }
        let session = GuideSession(guide: guide, speed: pacing.speed)
        try CalmingRun(tool: tool, technique: guide.id, name: guide.title).run({
            let progress = session.run(on: console)
            if progress.finished {
                console.line()
                console.line(guide.closing)
            }
            return progress
        }) { progress in
            if progress.finished { return trn("all %1$d step", "all %1$d steps", progress.total) }
            // TRANSLATORS: %1$d: steps in all; %2$d: steps done.
            return progress.done == 0 ? tr("part of the first step") : trn("%2$d of %1$d step", "%2$d of %1$d steps", progress.total, progress.done)
        }
    }

    static func discussion(_ guide: Guide, how: String) -> String {
        "\(guide.intro) \(how)\n\n"
            + tr("Before and after, steady asks how strong the feeling is from 1 to 10 (Enter skips either), and keeps both in your journal, so you can see which technique helps you most. Ctrl-C ends it whenever you like and still keeps what you did.")
            + "\n\n" + tr("Exit status: 0 saved, 65 piped input did not fit, 74 the journal cannot be written, 130 stopped before starting.")
    }
}
