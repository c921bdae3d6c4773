import ArgumentParser
import SteadyKit
import SteadyLocalization

struct GroundCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "ground",
        abstract: tr("5-4-3-2-1 grounding: come back to the room through your senses."),
        discussion: GuideOptions.discussion(.grounding, how: tr("One step per sense; press Enter to go on to the next."))) }

    @OptionGroup var guide: GuideOptions

    func run() throws { try guide.run(.grounding) }
}
