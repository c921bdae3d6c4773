import Foundation
import SteadyLocalization

/// Settings for the safety response, for the config to read from its own table (e.g. `[safety]`)
/// with `SafetySettings.decode(from:)`.
public struct SafetySettings: PracticeSettings {
    /// The rating on the 1–10 intensity scale at or above which the safety response appears.
    /// Default: 10, the top of the scale.
    public var threshold = Scale.intensity.range.upperBound
    /// People the person chose to lean on, as they want them shown ("Sam 07700 900123").
    public var contacts: [String] = []
    /// A crisis or support line the person looked up for where they live; empty for none.
    public var crisisLine = ""

    enum CodingKeys: String, CodingKey {
        case threshold
        case contacts
        case crisisLine = "crisis-line"
    }

    public init() {}

    public func validate() throws(SettingsError) {
        let range = Scale.intensity.range
        guard range.contains(threshold) else {
            throw SettingsError(
                keyPath: [CodingKeys.threshold.rawValue],
                phrase: Phrase { tr("%1$d is not on the 1–10 intensity scale", threshold) },
                hint: Phrase { tr("pick a whole number from %1$d to %2$d; %2$d is the default", range.lowerBound, range.upperBound) })
        }
    }
}

/// What steady shows when a rating is very high: one grounding step, the person's own
/// support contacts, and one neutral line about emergency services or a crisis line.
///
/// Never a diagnosis, never alarmist: it offers, it does not insist.
public struct SafetyResponse: Sendable, Hashable {
    /// An acknowledgement that this is a lot right now.
    public var opening: String
    /// One short grounding step.
    public var grounding: String
    /// A line about the person's soothing kit, when they have one (see `SoothingKit`).
    public var kit: String?
    /// The person's support contacts, as configured.
    public var contacts: [String]
    /// One neutral line pointing to local emergency services or the configured crisis line.
    public var emergencyLine: String

    /// Everything to show, one line each, in order.
    public var lines: [String] {
        var lines = [opening, grounding]
        if let kit { lines.append(kit) }
        if !contacts.isEmpty {
            lines.append(tr("People you chose to lean on: %1$@.", Translation.list(contacts)))
        }
        lines.append(emergencyLine)
        return lines
    }

    /// The safety response for an intensity rating, or nil when the rating is below the
    /// threshold (or outside the 1–10 scale). `kit` is a line about the person's soothing kit
    /// (`SoothingKit.reminder` in the terminal, `SoothingKit.pointer` on a notification).
    public static func check(intensity rating: Int, settings: SafetySettings = SafetySettings(), kit: String? = nil) -> SafetyResponse? {
        guard Scale.intensity.range.contains(rating), rating >= settings.threshold else { return nil }
        let line = settings.crisisLine.trimmingCharacters(in: .whitespacesAndNewlines)
        return SafetyResponse(
            opening: tr("That is a lot to carry right now."),
            grounding: tr("If it helps, breathe out slowly, a little longer than you breathe in, and feel your feet on the floor."),
            kit: kit,
            contacts: settings.contacts,
            emergencyLine: line.isEmpty
                ? tr("If you ever feel unsafe, your local emergency number or a crisis line is there, any hour.")
                // TRANSLATORS: %1$@ is the crisis line the person wrote in their config, e.g. "Samaritans 116 123".
                : tr("If you ever feel unsafe, %1$@ or your local emergency number is there, any hour.", line))
    }
}
