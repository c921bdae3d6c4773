import SteadyLocalization

extension Scale {
    /// How strong a feeling or urge is, 1–10: the trigger journal, the pause, before/after.
    public static var intensity: Scale {
        Scale(1...10, low: tr("barely there"), high: tr("as strong as it gets"), meanings: [
            tr("barely there"), tr("very mild"), tr("mild"), tr("noticeable"), tr("moderate"), tr("fairly strong"), tr("strong"),
            tr("very strong"), tr("intense"), tr("as strong as it gets"),
        ])
    }

    /// How strong an urge is, 1–10: to send the message, to check, to sort it all out now.
    /// The same range as `intensity`, with its own words, and with a softer response at the
    /// top (`UrgeResponse`) than the safety response a feeling gets.
    public static var urge: Scale {
        Scale(1...10, low: tr("hardly any pull"), high: tr("very hard to resist"), meanings: [
            tr("hardly any pull"), tr("a slight pull"), tr("a mild pull"), tr("a noticeable pull"), tr("a moderate pull"),
            tr("a fairly strong pull"), tr("a strong pull"), tr("a very strong pull"), tr("hard to resist"), tr("very hard to resist"),
        ])
    }

    /// How much a thought feels true, 0–100: the thought record.
    public static var belief: Scale { Scale(0...100, low: tr("not at all"), high: tr("completely")) }

    /// How often something is so, 1–5: the self-assessment.
    public static var frequency: Scale { Scale(1...5, low: tr("never"), high: tr("always")) }
}
