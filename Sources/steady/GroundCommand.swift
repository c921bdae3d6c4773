import ArgumentParser
import SteadyKit

struct GroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ground",
        abstract: "5-4-3-2-1 grounding: come back to the room through your senses.",
        discussion: GuideOptions.discussion(.grounding, how: "One step per sense; press Enter to go on to the next."))

    @OptionGroup var guide: GuideOptions

    func run() throws { try guide.run(.grounding) }
}
