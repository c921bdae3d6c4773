extension Scale {
    /// How strong a feeling or urge is, 1–10: the trigger journal, the pause, before/after.
    public static let intensity = Scale(1...10, low: "barely there", high: "as strong as it gets")

    /// How much a thought feels true, 0–100: the thought record.
    public static let belief = Scale(0...100, low: "not at all", high: "completely")

    /// How often something is so, 1–5: the self-assessment.
    public static let frequency = Scale(1...5, low: "never", high: "always")
}
