import Foundation
import SteadyCalendar
import SteadyKit

/// steady's configuration after it has been read and checked: every practice configured,
/// every schedule parsed.
public struct Config: Sendable {
    /// Where it came from: a file path, or `<embedded default>`.
    public var source: String
    /// Quiet hours, daily limit, expiry, grace period.
    public var sparing: Sparing
    /// The enabled practices, sorted by id.
    public var practices: [PracticeSetup]
    /// When and how the safety response appears (the `[safety]` table).
    public var safety: SafetySettings
    /// How prompts reach the person.
    public var channel: ChannelSetting
    /// The program that asks for a typed answer when the notification server cannot
    /// (`answer-command`); nil to pick the first of zenity, kdialog, yad or a terminal.
    public var answerCommand: [String]?
    /// How the terminal tools print (the `[terminal]` table).
    public var terminal = TerminalSettings()

    /// The setup for `id`, if that practice is enabled.
    public func practice(_ id: PracticeID) -> PracticeSetup? { practices.first { $0.id == id } }
}

/// How the terminal tools (`breathe`, `ground`, `pause`, the logs…) print: the `[terminal]` table.
public struct TerminalSettings: Sendable, Hashable {
    /// `plain = true`: print each step once, as a new line, with no redrawing, cursor
    /// movement or colour — for screen readers and braille displays (as `--plain` does).
    public var plain: Bool

    public init(plain: Bool = false) { self.plain = plain }
}

/// One enabled practice: its schedule and the practice configured with its settings.
public struct PracticeSetup: Sendable {
    public var id: PracticeID
    /// When it fires; empty for on-demand practices.
    public var schedule: [CalendarExpression]
    /// Random times a day, in addition to `schedule` (`random = { … }`).
    public var random: RandomWindow?
    /// What happens to a slot inside quiet hours (`during-quiet-hours`, default skip).
    public var quietHoursPolicy: QuietHoursPolicy
    /// Notification urgency (`urgency`: low by default; critical only when asked for).
    public var urgency: Urgency
    /// The practice with its settings. For an external practice, until
    /// ``ExternalPractices/describeAll(_:)`` has asked its program, a stand-in named by the
    /// config that offers the plain fallback prompt and reacts to nothing.
    public var practice: ConfiguredPractice
    /// Set when the practice is a program of the person's own (`exec = …`): what the config
    /// says about it, as plain data.
    public var external: ExternalPracticeSetup?

    public init(id: PracticeID, schedule: [CalendarExpression], random: RandomWindow? = nil,
                quietHoursPolicy: QuietHoursPolicy = .skip, urgency: Urgency = .low, practice: ConfiguredPractice,
                external: ExternalPracticeSetup? = nil) {
        self.id = id
        self.schedule = schedule
        self.random = random
        self.quietHoursPolicy = quietHoursPolicy
        self.urgency = urgency
        self.practice = practice
        self.external = external
    }
}

/// How urgent a practice's notifications look. Low unless the person chooses otherwise.
public enum Urgency: String, Sendable, Hashable, CaseIterable {
    case low, normal, critical
}

/// How prompts reach the person.
public enum ChannelSetting: Sendable, Hashable {
    /// Desktop notifications on the session bus (the default).
    case desktop
    /// A program run with the prompt as JSON on stdin (e.g. a bridge to a phone);
    /// answers come back through `steady answer`.
    case command([String])
}
