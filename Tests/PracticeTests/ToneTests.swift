import BuiltinPractices
import Foundation
import SteadyKit
import Testing

/// One string a person may read, with where it came from for failure messages.
struct UserText: Sendable, CustomStringConvertible {
    var origin: String
    var text: String
    /// A prompt's title or body, which also has to be short.
    var isPromptText = false

    var description: String { "\(origin): \"\(text)\"" }
}

/// Finds shaming, nagging or urgent wording in user-facing text.
enum ToneScanner {
    /// Words and phrases that shame, nag or hurry, matched case-insensitively on word boundaries.
    static let forbiddenPhrases = [
        "streak", "fail", "failed", "failure", "you forgot", "you missed", "missed it", "don't forget",
        "don't give up", "give up", "hurry", "urgent", "urgently", "asap", "immediately", "last chance",
        "you should", "you must", "lazy", "behind schedule", "disappointed", "no excuses",
    ]

    /// The same in German, for the translation (po/de.po): no streaks, nothing missed or
    /// failed, no "you must", no hurry.
    static let forbiddenGermanPhrases = [
        "Serie", "Serie verloren", "verpasst", "versäumt", "vergessen", "du hast vergessen", "Fehler", "versagt",
        "gescheitert", "du musst", "musst du", "du solltest", "solltest du", "beeil dich", "schnell", "dringend",
        "sofort", "letzte Chance", "faul", "gib nicht auf", "keine Ausreden", "enttäuscht von dir", "hinterher",
    ]

    /// Why `text` reads badly, one reason per problem; empty when it is fine.
    static func problems(in text: String) -> [String] {
        var problems = (forbiddenPhrases + forbiddenGermanPhrases).filter { phrase in
            let pattern = "\\b" + NSRegularExpression.escapedPattern(for: phrase).replacingOccurrences(of: "'", with: "['’]") + "\\b"
            return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
        }.map { "uses '\($0)'" }
        if text.contains("!") { problems.append("has an exclamation mark") }
        if text.contains(where: { $0.isLetter }) && text == text.uppercased() && text.count > 3 {
            problems.append("is all in capitals")
        }
        return problems
    }

    /// Problems with the length of a prompt's title or body.
    static func brevityProblems(in item: UserText) -> [String] {
        guard item.isPromptText else { return [] }
        if item.origin.hasSuffix("title") {
            return item.text.count > 40 ? ["title is longer than 40 characters"] : []
        }
        return sentenceCount(item.text) > 2 ? ["body has more than two sentences"] : []
    }

    /// Sentences in `text`, counted by their closing punctuation.
    static func sentenceCount(_ text: String) -> Int {
        let characters = Array(text)
        return characters.indices.filter { index in
            ".?!".contains(characters[index]) && (index + 1 == characters.count || characters[index + 1] == " ")
        }.count
    }

    /// Every problem in `items`, as lines naming the origin; a text repeated on several days
    /// is reported once, under its first origin.
    static func report(_ items: [UserText]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0.text).inserted }.flatMap { item in
            (problems(in: item.text) + brevityProblems(in: item)).map { "\(item) \($0)" }
        }
    }
}

// MARK: - Collecting the strings

enum UserTexts {
    /// Every string a practice shows: names, prompts for a week of occasions, choice and scale
    /// labels, acknowledgements of every possible answer, and the follow-up prompts they ask for.
    static func of(_ descriptor: PracticeDescriptor, settings: [String: SettingValue] = [:]) throws -> [UserText] {
        let id = descriptor.id.rawValue
        let practice = try descriptor.configure(with: settings)
        var texts = [
            UserText(origin: "\(id) displayName", text: descriptor.displayName),
            UserText(origin: "\(id) summary", text: descriptor.summary),
        ]
        var occasions = (0..<7).map { scheduledOccasion(day: 20_000 + $0) }
        var seen = 0
        while seen < occasions.count, seen < 50 {
            let occasion = occasions[seen]
            seen += 1
            let prompt = practice.prompt(for: occasion)
            let origin = "\(id) day \(occasion.dayNumber) \(occasion.reason)"
            texts += of(prompt, origin: origin)
            for value in sampleAnswers(to: prompt.request) {
                let reaction = practice.react(to: answer(value), prompt: prompt)
                if let acknowledgement = reaction.acknowledgement {
                    texts.append(UserText(origin: "\(origin) acknowledgement of \(value.loggable)", text: acknowledgement))
                }
                for followUp in reaction.followUps where occasions.count < 50 {
                    occasions.append(Occasion(
                        reason: .followUp(key: followUp.key, after: value), slot: occasion.slot, dayNumber: occasion.dayNumber))
                }
            }
        }
        return texts
    }

    /// A prompt's title, body and answer labels.
    static func of(_ prompt: PromptContent, origin: String) -> [UserText] {
        [
            UserText(origin: "\(origin) title", text: prompt.title, isPromptText: true),
            UserText(origin: "\(origin) body", text: prompt.body, isPromptText: true),
        ] + of(prompt.request, origin: origin)
    }

    /// The labels of an answer request.
    static func of(_ request: AnswerRequest, origin: String) -> [UserText] {
        switch request {
        case .choices(let choices): choices.map { UserText(origin: "\(origin) choice \($0.key)", text: $0.label) }
        case .scale(let scale): [
            UserText(origin: "\(origin) scale low", text: scale.lowLabel),
            UserText(origin: "\(origin) scale high", text: scale.highLabel),
        ]
        case .text(let placeholder): [UserText(origin: "\(origin) placeholder", text: placeholder)]
        case .done: []
        }
    }

    /// One answer of every shape the request accepts.
    static func sampleAnswers(to request: AnswerRequest) -> [AnswerValue] {
        switch request {
        case .choices(let choices): choices.map { .choice($0.key) }
        case .scale(let scale): scale.range.map { .number($0) }
        case .text: [.text("a few words")]
        case .done: [.done]
        }
    }

    /// A form's title, intro and every field.
    static func of(_ form: Form) -> [UserText] {
        [UserText(origin: "\(form.id) title", text: form.title), UserText(origin: "\(form.id) intro", text: form.intro)]
            + form.fields.flatMap { field in
                [UserText(origin: "\(form.id).\(field.key) question", text: field.question)]
                    + (field.hint.map { [UserText(origin: "\(form.id).\(field.key) hint", text: $0)] } ?? [])
                    + of(field.request, origin: "\(form.id).\(field.key)")
            }
    }

    /// Every string of the on-demand tools: forms, guides, breathing patterns, the pause, the
    /// safety response, before/after and assessment summaries.
    static func ofTools() -> [UserText] {
        var texts = [TriggerJournal.form, TriggerJournal.followUpForm, ThoughtRecord.form, Assessment.form,
                     NeedRequest.form, NeedRequest.followUpForm, RealityCheck.form, SoothingKit.form].flatMap(of)
        texts += ofRelationshipTools()
        for guide in Guide.all {
            texts += [guide.title, guide.intro, guide.closing].map { UserText(origin: "guide \(guide.id)", text: $0) }
            texts += guide.steps.map { UserText(origin: "guide \(guide.id) step", text: $0.instruction) }
        }
        for pattern in BreathingPattern.all {
            texts += [pattern.name, pattern.howTo].map { UserText(origin: "breathing \(pattern.id)", text: $0) }
            texts += pattern.phases.map { UserText(origin: "breathing \(pattern.id) cue", text: $0.cue) }
        }
        for variant in 0..<Pause.groundingSuggestions.count {
            for step in Pause(variant: variant).steps {
                switch step {
                case .rate(let field), .rerate(let field), .decide(let field):
                    texts.append(UserText(origin: "pause \(field.key)", text: field.question))
                    texts += field.hint.map { [UserText(origin: "pause \(field.key) hint", text: $0)] } ?? []
                    texts += of(field.request, origin: "pause \(field.key)")
                case .ground(let text): texts.append(UserText(origin: "pause grounding", text: text))
                case .wait(_, let message): texts.append(UserText(origin: "pause wait", text: message))
                }
            }
        }
        var safety = SafetySettings()
        safety.contacts = ["Sam"]
        for settings in [SafetySettings(), safety] {
            texts += (SafetyResponse.check(intensity: 10, settings: settings)?.lines ?? [])
                .map { UserText(origin: "safety response", text: $0) }
        }
        texts += [(8, 5), (6, 6), (4, 6)].map { UserText(origin: "before/after", text: BeforeAfter(before: $0.0, after: $0.1).summary) }
        let ratingsByScore = (1...5).map { score in
            Assessment.Result(ratings: Dictionary(uniqueKeysWithValues: Assessment.statements.map {
                ($0.id, $0.direction == .pattern ? score : 6 - score)
            }))
        }
        for result in ratingsByScore {
            texts += result.areas.map { UserText(origin: "assessment \($0.area.id)", text: $0.summary) }
        }
        for (earlier, later) in [(ratingsByScore[0], ratingsByScore[4]), (ratingsByScore[4], ratingsByScore[0]), (ratingsByScore[2], ratingsByScore[2])] {
            texts += Assessment.Comparison(earlier: earlier, later: later).changes
                .map { UserText(origin: "assessment comparison \($0.area.id)", text: $0.summary) }
        }
        return texts
    }
}

extension UserTexts {
    /// What `steady ask`, `check` and `kit` say around their forms, the urge response, the
    /// kit's nudge, the more-help line, and every way a check-in says when something was.
    static func ofRelationshipTools() -> [UserText] {
        var texts: [UserText] = []
        func add(_ origin: String, _ items: [String]) { texts += items.map { UserText(origin: origin, text: $0) } }
        add("ask message", [NeedRequest.message(to: "Sam", feeling: "lonely", request: "call me tonight")])
        add("ask notes", NeedRequest.notes(on: "you never call"))
        add("ask closing", NeedRequest.closing(kind: NeedRequest.Kind.reassurance) + NeedRequest.closing(kind: nil))
        add("ask count", [NeedRequest.reassuranceCount(1, days: 30), NeedRequest.reassuranceCount(4, days: 30)])
        add("ask outcome", NeedRequest.outcomes.map { NeedRequest.acknowledgement(of: $0.key) })
        add("ask win", [NeedRequest.keptAcknowledgement, NeedRequest.notKeptAcknowledgement, NeedRequest.winText(request: "a walk")])
        for verdict in RealityCheck.verdicts {
            add("check closing", RealityCheck.closing(for: FormResponse(formID: "reality-check", values: [
                RealityCheck.Field.verdict: .choice(verdict.key), RealityCheck.Field.age: .choice("small-child"),
            ])))
        }
        add("check offer", [RealityCheck.offer])
        add("kit", SoothingKit.noKitYet + [SoothingKit.saved, SoothingKit.nothingWritten, SoothingKit.pointer])
        let kit = SoothingKit(FormResponse(formID: "soothing-kit", values: ["body": .text("a walk")]))
        add("kit lines", kit.lines + [kit.reminder ?? ""])
        let prefills = SoothingKit.prefills(existing: nil, suggestions: .init(bestTechnique: ("Box breathing", 2), people: ["Sam"], hasWins: true))
        add("kit prefill", prefills.values.compactMap(\.reason))
        add("kit nudge", [KitNudge.line(kit: nil, onNotification: true), KitNudge.line(kit: kit, onNotification: true),
                          KitNudge.line(kit: kit, onNotification: false)])
        var safety = SafetySettings()
        safety.contacts = ["Sam"]
        add("urge response", UrgeResponse.check(urge: 10, settings: safety, kit: kit.reminder)?.lines ?? [])
        add("more help", [MoreHelp.line])
        add("feelings", Feelings.words.map(\.label) + [Feelings.hint, Feelings.ownLabel])
        for (seconds, days, minute) in [(30, 0, 600), (2400, 0, 600), (4000, 0, 600), (9000, 0, 600), (30_000, 0, 480), (30_000, 0, 60),
                                        (40_000, 1, 1320), (60_000, 1, 600), (60_000, 1, 900), (60_000, 1, 1140), (300_000, 4, 600),
                                        (900_000, 10, 600)] {
            add("look back", [Occasion.LookBack(seconds: seconds, daysBack: days, minuteOfDay: minute).phrase])
        }
        return texts
    }

    /// Prompts the week of scheduled occasions does not reach: words built from how long ago
    /// something was (`lookBack`) and from the last time (`previous`).
    static func ofOccasionDependentPrompts(_ registry: PracticeRegistry) throws -> [UserText] {
        var texts: [UserText] = []
        let lookBack = Occasion.LookBack(seconds: 40_000, daysBack: 1, minuteOfDay: 1320)
        for (id, key) in [("trigger-journal", "settle"), ("asking", "how-it-went")] {
            let practice = try #require(registry[PracticeID(id)]).configure(with: [:])
            let occasion = Occasion(reason: .followUp(key: key, after: nil), slot: Date(timeIntervalSince1970: 1_728_000_000),
                                    dayNumber: 20_000, lookBack: lookBack)
            texts += of(practice.prompt(for: occasion), origin: "\(id) \(key) with a look back")
        }
        let alone = try #require(registry["time-alone"]).configure(with: [:])
        var grown = scheduledOccasion(day: 20_000)
        grown.previous = ["": .choice("start-15"), "before": .number(5), "end": .number(2)]
        texts += of(alone.prompt(for: grown), origin: "time-alone after a time that went all right")
        return texts
    }
}

// MARK: - Tests

@Suite struct ToneTests {
    @Test func everyBuiltinPractice_isGentleAndBrief() throws {
        let registry = BuiltinPractices.registry
        var texts: [UserText] = []
        for descriptor in registry.all {
            texts += try UserTexts.of(descriptor)
        }
        texts += try UserTexts.of(#require(registry["reach-out"]), settings: ["people": .array([.string("Sam"), .string("Alex")])])
        texts += try UserTexts.ofOccasionDependentPrompts(registry)
        #expect(texts.count > 100, "the collector found suspiciously little to read")
        for line in ToneScanner.report(texts) { Issue.record(Comment(rawValue: line)) }
    }

    @Test func everyTool_isGentle() {
        let texts = UserTexts.ofTools()
        #expect(texts.count > 100, "the collector found suspiciously little to read")
        for line in ToneScanner.report(texts) { Issue.record(Comment(rawValue: line)) }
    }
}

@Suite struct ToneScannerTests {
    @Test(arguments: [
        "Streak broken!",
        "You missed your check-in.",
        "You forgot yesterday's reflection",
        "Don't give up now",
        "Don’t give up now",
        "Hurry, the window closes soon",
        "URGENT: answer now",
        "Last chance to log today",
        "You failed to answer",
        "You should have done this",
        "Well done!",
        "Deine Serie ist verloren",
        "Du hast deinen Check-in verpasst.",
        "Du musst heute noch antworten",
        "Versäumt: dein Abendrückblick",
        "Antworte sofort",
    ])
    func flags_shamingOrUrgentWording(sample: String) {
        #expect(!ToneScanner.problems(in: sample).isEmpty, "'\(sample)' was not flagged")
    }

    @Test(arguments: [
        "A few slow breaths, if you like.",
        "How settled did the day feel, from 1 to 5?",
        "That's fine. Maybe tomorrow.",
        "Noted. No rush.",
        "A cup of tea, perhaps",
        "Das ist in Ordnung. Vielleicht morgen.",
        "Ein paar ruhige Atemzüge?",
    ])
    func accepts_gentleWording(sample: String) {
        #expect(ToneScanner.problems(in: sample).isEmpty)
    }

    @Test func brevity_flagsLongTitlesAndThreeSentenceBodies() {
        let title = UserText(origin: "x title", text: String(repeating: "a", count: 41), isPromptText: true)
        let body = UserText(origin: "x body", text: "One. Two? Three.", isPromptText: true)
        #expect(ToneScanner.brevityProblems(in: title) == ["title is longer than 40 characters"])
        #expect(ToneScanner.brevityProblems(in: body) == ["body has more than two sentences"])
        #expect(ToneScanner.sentenceCount("Breathe in for 4. Use 4-7-8 or 5.5 s if you like.") == 2)
    }

    @Test func collector_catchesABadPractice_inPromptsChoicesAndFollowUps() throws {
        var registry = PracticeRegistry()
        registry.register(NaggingPractice.self)
        let report = ToneScanner.report(try UserTexts.of(#require(registry["nagging"])))
        #expect(report.contains { $0.contains("title") && $0.contains("streak") })
        #expect(report.contains { $0.contains("choice later") && $0.contains("hurry") })
        #expect(report.contains { $0.contains("acknowledgement") && $0.contains("exclamation") })
        #expect(report.contains { $0.contains("followUp") && $0.contains("you missed") })
    }
}

/// A practice that breaks every tone rule, to show the collector and scanner can fail.
private struct NaggingPractice: Practice {
    struct Settings: PracticeSettings {}
    static let id: PracticeID = "nagging"
    static let displayName = "Nagging"
    static let summary = "Shows what the tone test catches."
    static let defaultSchedule = ["09:00"]

    init(settings: Settings) {}

    func prompt(for occasion: Occasion) -> PromptContent {
        if case .followUp = occasion.reason {
            return PromptContent(title: "Again", body: "You missed the last one.", request: .done)
        }
        return PromptContent(
            title: "Keep your streak", body: "Answer now.",
            request: .choices([Choice(key: "now", label: "Now"), Choice(key: "later", label: "Later (hurry)")]))
    }

    func react(to answer: Answer, prompt: PromptContent) -> Reaction {
        Reaction(followUps: [FollowUp(after: 60, key: "again")], acknowledgement: "Great job!")
    }
}
