import Foundation
import SteadyCalendar
import SteadyExternal
import SteadyKit
import SteadyLocalization

/// What the config says about a practice run by a program of the person's own
/// (`[practices.NAME] exec = …`): plain data, read without starting the program.
public struct ExternalPracticeSetup: Sendable {
    /// The program's absolute path (`exec` resolved against the home and config directories).
    public var executable: String
    /// The practice's table without steady's own keys, as handed to the program.
    public var settings: [String: SettingValue]
    /// Whether the config gives a `schedule`; if not, the program's own suggestion is used once described.
    public var scheduleGiven: Bool
    /// Where `exec` stands in the file, for an error about the program.
    var execPlace: ConfigError
    /// Where the practice's table starts, for an error about its suggested schedule.
    var practicePlace: ConfigError

    /// The stand-in used until the program has described itself: named as in the config,
    /// it offers the plain fallback prompt and reacts to nothing.
    static func undescribed(_ id: PracticeID) -> ConfiguredPractice {
        ConfiguredPractice(
            id: id, displayName: id.rawValue, suggestedSchedule: [],
            prompt: { _ in ExternalPractice.fallbackPrompt(displayName: id.rawValue) },
            react: { _, _ in .none })
    }
}

/// Asks each external practice's program to describe itself: the one step that starts
/// programs named in a config. The daemon calls it after loading the config (at start and
/// on reload); `steady config check --run-programs` calls it on request. Nothing else does.
public struct ExternalPractices: Sendable {
    /// Told when an external practice's program misbehaves later, at prompt or answer time (safe to log).
    public let report: @Sendable (ExternalPracticeError) -> Void

    public init(report: @escaping @Sendable (ExternalPracticeError) -> Void = { _ in }) {
        self.report = report
    }

    /// `config` with every external practice described by its program: its name, its
    /// prompts and reactions, and its suggested schedule when the config gives none.
    ///
    /// A program that cannot describe itself is a `ConfigError` at its `exec` line, as a
    /// mistake in the file would be.
    public func describeAll(_ config: Config) throws(ConfigError) -> Config {
        var config = config
        for index in config.practices.indices {
            guard let external = config.practices[index].external else { continue }
            let id = config.practices[index].id
            let configured: ConfiguredPractice
            do {
                configured = try ExternalPractice.configure(
                    id: id, executable: external.executable, settings: external.settings, report: report)
            } catch {
                var failure = external.execPlace
                failure.message = error.reason.english
                failure.localizedMessage = error.reason.localized
                throw failure
            }
            config.practices[index].practice = configured
            if !external.scheduleGiven {
                for text in configured.suggestedSchedule {
                    do {
                        config.practices[index].schedule.append(try CalendarExpression(text))
                    } catch {
                        var failure = external.practicePlace
                        let message = ConfigLoader.invalidSuggestedSchedule(text, error)
                        failure.message = message.english
                        failure.localizedMessage = message.localized
                        throw failure
                    }
                }
            }
        }
        return config
    }
}
