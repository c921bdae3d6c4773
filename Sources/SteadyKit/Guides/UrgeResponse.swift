import SteadyLocalization

/// What steady shows when an *urge* (to send the message, to check again) is rated at the top
/// of the scale: softer than the safety response a feeling gets, because a strong urge is a
/// pull to act, not a sign of danger. It names what can help instead: the person's soothing
/// kit, a pause, and someone to talk it over with. No emergency wording.
public struct UrgeResponse: Sendable, Hashable {
    /// An acknowledgement of the pull, and that it passes.
    public var opening: String
    /// A line about the person's soothing kit, when they have one.
    public var kit: String?
    /// The people the person chose to lean on, as configured in `[safety]`.
    public var contacts: [String]
    /// A pointer to `steady pause`, left out inside a pause.
    public var pause: String?

    /// Everything to show, one line each, in order.
    public var lines: [String] {
        var lines = [opening]
        if let kit { lines.append(kit) }
        if let pause { lines.append(pause) }
        if !contacts.isEmpty {
            lines.append(tr("Someone to talk it over with first: %1$@.", Translation.list(contacts)))
        }
        return lines
    }

    /// The response for an urge rating, or nil when it is below the `[safety]` threshold (or
    /// outside the 1–10 scale). `insidePause` leaves out the pointer to a pause.
    public static func check(urge rating: Int, settings: SafetySettings = SafetySettings(), kit: String? = nil,
                             insidePause: Bool = false) -> UrgeResponse? {
        guard Scale.urge.range.contains(rating), rating >= settings.threshold else { return nil }
        return UrgeResponse(
            opening: tr("That is a strong pull. Urges build, crest and ease, even when you do nothing with them."),
            kit: kit,
            contacts: settings.contacts,
            pause: insidePause ? nil : tr("A pause gives it a little time first: `steady pause 20m`."))
    }
}
