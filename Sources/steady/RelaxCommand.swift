import ArgumentParser
import SteadyKit
import SteadyLocalization

struct RelaxCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "relax",
        abstract: tr("Progressive muscle relaxation: tense and release, from your feet up."),
        discussion: GuideOptions.discussion(.muscleRelaxation, how: tr("Each step is timed, with a countdown in the terminal."))) }

    @OptionGroup var guide: GuideOptions

    func run() throws { try guide.run(.muscleRelaxation) }
}
