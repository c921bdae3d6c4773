import ArgumentParser
import SteadyKit

struct RelaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relax",
        abstract: "Progressive muscle relaxation: tense and release, from your feet up.",
        discussion: GuideOptions.discussion(.muscleRelaxation, how: "Each step is timed, with a countdown in the terminal."))

    @OptionGroup var guide: GuideOptions

    func run() throws { try guide.run(.muscleRelaxation) }
}
