/// A practice with its settings applied, its concrete type erased so the engine can hold many.
public struct ConfiguredPractice: Sendable {
    public let id: PracticeID
    public let displayName: String
    /// See `Practice.suggestedSchedule`: the schedule to use when the config gives none.
    public let suggestedSchedule: [String]
    /// See `Practice.guideCommand`.
    public let guideCommand: [String]?
    private let buildPrompt: @Sendable (Occasion) -> PromptContent
    private let buildReaction: @Sendable (Answer, PromptContent) -> Reaction
    private let buildEntryFollowUps: @Sendable (FormResponse) -> [FollowUp]

    /// Wraps a configured practice value (also used for practices that are not Swift types, e.g. external programs).
    public init<P: Practice>(_ practice: P) {
        id = P.id
        displayName = P.displayName
        suggestedSchedule = practice.suggestedSchedule
        guideCommand = practice.guideCommand
        buildPrompt = { practice.prompt(for: $0) }
        buildReaction = { practice.react(to: $0, prompt: $1) }
        buildEntryFollowUps = { practice.followUps(afterEntry: $0) }
    }

    /// A practice built from closures, for practices whose identity comes from the config
    /// (an external program under `[practices.NAME] exec = …`) rather than a Swift type.
    public init(
        id: PracticeID, displayName: String, suggestedSchedule: [String],
        prompt: @escaping @Sendable (Occasion) -> PromptContent,
        react: @escaping @Sendable (Answer, PromptContent) -> Reaction
    ) {
        self.id = id
        self.displayName = displayName
        self.suggestedSchedule = suggestedSchedule
        guideCommand = nil
        buildPrompt = prompt
        buildReaction = react
        buildEntryFollowUps = { _ in [] }
    }

    /// See `Practice.prompt(for:)`.
    public func prompt(for occasion: Occasion) -> PromptContent { buildPrompt(occasion) }
    /// See `Practice.react(to:prompt:)`.
    public func react(to answer: Answer, prompt: PromptContent) -> Reaction { buildReaction(answer, prompt) }
    /// See `Practice.followUps(afterEntry:)`.
    public func followUps(afterEntry entry: FormResponse) -> [FollowUp] { buildEntryFollowUps(entry) }
}

/// What the registry knows about a practice type before any config is read.
public struct PracticeDescriptor: Sendable {
    public let id: PracticeID
    public let displayName: String
    public let summary: String
    public let defaultSchedule: [String]
    private let factory: @Sendable ([String: SettingValue]) throws(SettingsError) -> ConfiguredPractice

    init<P: Practice>(_ type: P.Type) {
        id = P.id
        displayName = P.displayName
        summary = P.summary
        defaultSchedule = P.defaultSchedule
        factory = { table throws(SettingsError) in ConfiguredPractice(P(settings: try P.Settings.decode(from: table))) }
    }

    /// Creates the practice from its settings table (without steady's own keys such as `schedule`).
    public func configure(with table: [String: SettingValue]) throws(SettingsError) -> ConfiguredPractice {
        try factory(table)
    }
}

/// The set of practices steady knows, keyed by id.
public struct PracticeRegistry: Sendable {
    private var descriptors: [PracticeID: PracticeDescriptor] = [:]

    public init() {}

    /// Adds a practice type. Registering the same id twice is a programming error.
    public mutating func register<P: Practice>(_ type: P.Type) {
        precondition(descriptors[P.id] == nil, "practice '\(P.id)' registered twice")
        descriptors[P.id] = PracticeDescriptor(type)
    }

    /// The descriptor for `id`, if registered.
    public subscript(id: PracticeID) -> PracticeDescriptor? { descriptors[id] }

    /// All registered practices, sorted by id.
    public var all: [PracticeDescriptor] { descriptors.values.sorted { $0.id < $1.id } }

    /// All registered ids, sorted.
    public var ids: [PracticeID] { descriptors.keys.sorted() }
}
