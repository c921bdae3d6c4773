import SteadyKit
import SteadyLocalization

/// Human names for the techniques and measures that before/after pairs are grouped by.
public enum TechniqueNames {
    /// "Box breathing", "5-4-3-2-1 grounding", "A pause before acting"; unknown ids as they are.
    public static func label(_ technique: String) -> String {
        if let pattern = BreathingPattern.named(technique) { return pattern.name }
        if let guide = Guide.named(technique) { return guide.title }
        switch technique {
        case "pause": return tr("A pause before acting")
        case ThoughtRecord.form.id: return tr("Thought record")
        case TriggerJournal.form.id: return tr("Time after a trigger")
        case RealityCheck.form.id: return tr("Past-or-present check")
        case "time-alone": return tr("Time alone")
        default: return technique
        }
    }

    /// What was rated: "urge", "intensity", "belief in the thought".
    public static func measure(_ measure: String) -> String {
        switch measure {
        // TRANSLATORS: what was rated before and after a technique.
        case "belief": return tr("belief in the thought")
        case "intensity": return tr("intensity")
        case "urge": return tr("urge")
        case "anxiety": return tr("anxiety")
        default: return measure.replacingOccurrences(of: "-", with: " ")
        }
    }

    /// The trigger kind's label from the trigger journal, or the key itself.
    public static func triggerKind(_ key: String) -> String {
        if key == "unspecified" { return tr("Not said") }
        return TriggerJournal.kinds.first { $0.key == key }?.label ?? key
    }

    /// A feeling word's label; own words are counted together.
    public static func feeling(_ key: String) -> String {
        Feelings.words.first { $0.key == key }?.label ?? key
    }

    /// What a request was about.
    public static func requestKind(_ key: String) -> String {
        if key == "unspecified" { return tr("not said") }
        return NeedRequest.kinds.first { $0.key == key }?.label.lowercasingFirst ?? key
    }

    /// How a request went.
    public static func requestOutcome(_ key: String) -> String {
        NeedRequest.outcomes.first { $0.key == key }?.label.lowercasingFirst ?? key
    }

    /// Where a past-or-present check placed the feeling.
    public static func verdict(_ key: String) -> String {
        RealityCheck.verdicts.first { $0.key == key }?.label.lowercasingFirst ?? key
    }

    /// One kind phrase for a mean change on a scale.
    public static func changePhrase(_ change: Double) -> String {
        switch BeforeAfter.direction(ofMeanChange: change) {
        // TRANSLATORS: how much a rating eased after a technique (a number such as 1.5).
        case .eased: return tr("eased by %1$@ on average", NumberText.oneDecimal(-change))
        case .unchanged: return tr("about the same on average")
        case .rose: return tr("a little higher afterwards on average; some moments take longer to soften")
        }
    }
}

extension String {
    /// The string with its first letter in lower case ("Time together" → "time together").
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
