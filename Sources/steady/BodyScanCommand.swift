import ArgumentParser
import SteadyKit

struct BodyScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body-scan",
        abstract: "A short body scan: notice each part of your body in turn.",
        discussion: GuideOptions.discussion(.bodyScan, how: "Each step is timed, with a countdown in the terminal."))

    @OptionGroup var guide: GuideOptions

    func run() throws { try guide.run(.bodyScan) }
}
