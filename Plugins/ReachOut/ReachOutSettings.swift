import SteadyKit
import SteadyLocalization

/// Settings for `reach-out`, from `[practices.reach-out]`.
public struct ReachOutSettings: PracticeSettings {
    /// People from the person's support network, as they like to call them: friends, family,
    /// a partner. The prompt names one of them each time, in turn. Empty: no names are used.
    public var people: [String] = []

    public init() {}

    public func validate() throws(SettingsError) {
        if let index = people.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw SettingsError(
                keyPath: ["people", "[\(index)]"], phrase: Phrase { tr("a name is empty") },
                hint: Phrase { tr("write each name in quotes, e.g. people = [\"Sam\", \"Mum\"]") })
        }
    }
}
