extension Scale {
    /// How strong a feeling or urge is, 1–10: the trigger journal, the pause, before/after.
    public static let intensity = Scale(1...10, low: "barely there", high: "as strong as it gets", meanings: [
        "barely there", "very mild", "mild", "noticeable", "moderate", "fairly strong", "strong", "very strong", "intense",
        "as strong as it gets",
    ])

    /// How strong an urge is, 1–10: to send the message, to check, to sort it all out now.
    /// The same range as `intensity`, with its own words, and with a softer response at the
    /// top (`UrgeResponse`) than the safety response a feeling gets.
    public static let urge = Scale(1...10, low: "hardly any pull", high: "very hard to resist", meanings: [
        "hardly any pull", "a slight pull", "a mild pull", "a noticeable pull", "a moderate pull", "a fairly strong pull",
        "a strong pull", "a very strong pull", "hard to resist", "very hard to resist",
    ])

    /// How much a thought feels true, 0–100: the thought record.
    public static let belief = Scale(0...100, low: "not at all", high: "completely")

    /// How often something is so, 1–5: the self-assessment.
    public static let frequency = Scale(1...5, low: "never", high: "always")
}
