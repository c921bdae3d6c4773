import SteadyLocalization

/// The words of `boundaries`, kept together so they are easy to read and review.
enum BoundariesTexts {
    /// Title and body pairs, rotated one per week's day: each names a small, low-stakes way in.
    static var invitations: [(title: String, body: String)] { [
        (tr("One small no this week?"),
         tr("Something low-stakes is the point: an invitation you'd rather skip, or a favour you can't fit in.")),
        (tr("A preference, said out loud"),
         tr("Say which film you'd rather see, or where you'd like to eat. Small choices are good practice.")),
        (tr("A small no: time to think first"),
         tr("When asked for something, try \"let me think and get back to you\" before saying yes.")),
    ] }

    static var tryLabel: String { tr("I'll try one") }
    static var didLabel: String { tr("I did one already") }
    static var resentmentLabel: String { tr("I noticed resentment") }
    static var notNowLabel: String { tr("Not this week") }

    static var tryAcknowledgement: String { tr("Good luck with it. I'll ask in a few days how it went; a small one counts fully.") }
    static var didAcknowledgement: String { tr("That counts. Saying what you prefer is practice for the bigger moments.") }
    static var notNowAcknowledgement: String { tr("That's fine. It will come round again next week.") }

    static var resentmentTitle: String { tr("Where did resentment show up?") }
    static var resentmentBody: String { tr("A line is enough. Resentment often marks a place where a limit would help.") }
    static var resentmentPlaceholder: String { tr("Saying yes to extra shifts again") }
    static var resentmentAcknowledgement: String { tr("Noted. That's a useful signal; a small boundary there may be worth a try.") }

    static var howItWentTitle: String { tr("Your small no") }
    static var howItWentBody: String { tr("A few days ago you meant to try a small no or a stated preference. Did it find its moment?") }
    static var saidItLabel: String { tr("Yes, I said it") }
    static var notYetLabel: String { tr("Not this time") }
    static var saidItAcknowledgement: String { tr("Well noticed. Each small no makes the next one a little easier.") }
    static var notYetAcknowledgement: String { tr("That's all right. The chance comes round again.") }
}
