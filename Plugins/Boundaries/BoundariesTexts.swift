/// The words of `boundaries`, kept together so they are easy to read and review.
enum BoundariesTexts {
    /// Title and body pairs, rotated one per week's day: each names a small, low-stakes way in.
    static let invitations: [(title: String, body: String)] = [
        ("One small no this week?",
         "Something low-stakes is the point: an invitation you'd rather skip, or a favour you can't fit in."),
        ("A preference, said out loud",
         "Say which film you'd rather see, or where you'd like to eat. Small choices are good practice."),
        ("A small no: time to think first",
         "When asked for something, try \"let me think and get back to you\" before saying yes."),
    ]

    static let tryLabel = "I'll try one"
    static let didLabel = "I did one already"
    static let resentmentLabel = "I noticed resentment"
    static let notNowLabel = "Not this week"

    static let tryAcknowledgement = "Good luck with it. I'll ask in a few days how it went; a small one counts fully."
    static let didAcknowledgement = "That counts. Saying what you prefer is practice for the bigger moments."
    static let notNowAcknowledgement = "That's fine. It will come round again next week."

    static let resentmentTitle = "Where did resentment show up?"
    static let resentmentBody = "A line is enough. Resentment often marks a place where a limit would help."
    static let resentmentPlaceholder = "Saying yes to extra shifts again"
    static let resentmentAcknowledgement = "Noted. That's a useful signal; a small boundary there may be worth a try."

    static let howItWentTitle = "Your small no"
    static let howItWentBody = "A few days ago you meant to try a small no or a stated preference. Did it find its moment?"
    static let saidItLabel = "Yes, I said it"
    static let notYetLabel = "Not this time"
    static let saidItAcknowledgement = "Well noticed. Each small no makes the next one a little easier."
    static let notYetAcknowledgement = "That's all right. The chance comes round again."
}
