import ArgumentParser
import SteadyKit
import SteadyLocalization

struct BodyScanCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "body-scan",
        abstract: tr("A short body scan: notice each part of your body in turn."),
        discussion: GuideOptions.discussion(.bodyScan, how: tr("Each step is timed, with a countdown in the terminal."))) }

    @OptionGroup var guide: GuideOptions

    func run() throws { try guide.run(.bodyScan) }
}
