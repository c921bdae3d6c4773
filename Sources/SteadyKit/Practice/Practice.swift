import Foundation

/// A practice: one kind of routine steady offers, such as a morning breathing exercise.
///
/// This is the whole contract between steady and a practice. A practice is a small value
/// type that lives in its own target under `Plugins/<Name>/` and imports only SteadyKit:
/// it does no I/O, keeps no clocks and holds no state between calls. steady's engine owns
/// timing, delivery and the journal; the practice owns the words.
///
/// The engine calls, in order:
/// 1. `init(settings:)` once per (re)load of the config, with the practice's typed
///    settings decoded from its `[practices.<id>]` table (defaults filled in, unknown
///    keys rejected before you see them).
/// 2. `prompt(for:)` each time a prompt is due (a schedule slot or a follow-up you asked for).
/// 3. `react(to:prompt:)` when the person answers, to decide what happens next.
/// 4. `followUps(afterEntry:)` when the person writes an entry with the practice's tool
///    (only practices that have one, such as the trigger journal).
///
/// A minimal practice:
/// ```swift
/// public struct StretchPractice: Practice {
///     public struct Settings: PracticeSettings {
///         public var minutes = 2
///         public init() {}
///     }
///     public static let id: PracticeID = "stretch"
///     public static var displayName: String { tr("A short stretch") }
///     public static var summary: String { tr("Invites a two-minute stretch in the afternoon.") }
///     public static let defaultSchedule = ["Mon..Fri 15:00"]
///     let settings: Settings
///     public init(settings: Settings) { self.settings = settings }
///     public func prompt(for occasion: Occasion) -> PromptContent {
///         PromptContent(title: tr("A little stretch?"),
///                       body: trn("%1$d minute for your shoulders, if you like.",
///                                 "%1$d minutes for your shoulders, if you like.", settings.minutes),
///                       request: .done)
///     }
/// }
/// ```
/// Every sentence goes through `tr`/`trn` (SteadyLocalization), so it can be translated
/// (docs/translating.md). Register it in `BuiltinPractices` (`PracticeRegistry.register(StretchPractice.self)`).
///
/// Tone: prompts are short, warm and optional. Never blame the person for a gap, never hurry,
/// no exclamation marks; a test scans every practice's strings for this.
public protocol Practice: Sendable {
    /// The typed settings read from the practice's config table.
    associatedtype Settings: PracticeSettings

    /// Stable identifier, used in the config and the journal.
    static var id: PracticeID { get }
    /// Human name, shown in `steady practices` and as the notification's app-side label.
    static var displayName: String { get }
    /// One sentence on what the practice offers.
    static var summary: String { get }
    /// Calendar expressions (systemd `OnCalendar` syntax) used when the config gives no
    /// `schedule`. Empty for practices that only run on demand.
    static var defaultSchedule: [String] { get }

    /// Creates the practice with validated settings.
    init(settings: Settings)

    /// Builds the prompt for an occasion: a scheduled slot or a follow-up.
    func prompt(for occasion: Occasion) -> PromptContent

    /// Reacts to the person's answer. The default records it and does nothing more.
    func react(to answer: Answer, prompt: PromptContent) -> Reaction

    /// The schedule to use when the config gives none, once the settings are known.
    /// The default is `defaultSchedule`; override it when a setting moves the natural time
    /// (sleep-wind-down asks half an hour before the configured bedtime).
    var suggestedSchedule: [String] { get }

    /// Check-ins that follow an entry the person wrote with this practice's tool: an entry
    /// whose kind is this practice's id (`steady log trigger` writes `trigger-journal`
    /// entries). Each is built later with `prompt(for:)` and `Occasion.Reason.followUp(key:after: nil)`.
    /// The default is none.
    func followUps(afterEntry entry: FormResponse) -> [FollowUp]

    /// A `steady` command that guides this practice in the terminal, such as `["breathe", "box"]`.
    /// Its prompts then offer "Guide me", which opens a terminal running it. The default is none.
    var guideCommand: [String]? { get }
}

extension Practice {
    public func react(to answer: Answer, prompt: PromptContent) -> Reaction { .none }

    public var suggestedSchedule: [String] { Self.defaultSchedule }

    public func followUps(afterEntry entry: FormResponse) -> [FollowUp] { [] }

    public var guideCommand: [String]? { nil }
}
