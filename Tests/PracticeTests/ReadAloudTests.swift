import BuiltinPractices
import EveningReflection
import SteadyKit
import Testing

/// What a notification shows is read aloud well by a screen reader: no bare symbols in its
/// title or body once `SpokenText` has cleaned it, and a scale's buttons say what each point means.
@Suite struct ReadAloudTests {
    @Test func everyPromptAndThankYou_ofEveryPractice_hasNoBareSymbols_onceCleaned() throws {
        let registry = BuiltinPractices.registry
        var texts: [UserText] = []
        for descriptor in registry.all { texts += try UserTexts.of(descriptor) }
        texts += try UserTexts.ofOccasionDependentPrompts(registry)
        let shown = texts.filter { $0.origin.hasSuffix(" title") || $0.origin.hasSuffix(" body") || $0.origin.contains("acknowledgement") }
        #expect(shown.count > 50, "the collector found suspiciously little")
        for item in shown {
            let spoken = SpokenText.clean(item.text)
            let symbols = spoken.filter { !SpokenText.isSpeakable($0) }
            #expect(symbols.isEmpty, "\(item) keeps \(String(symbols).debugDescription) once cleaned: \(spoken)")
        }
        // Some bodies name a command: the backticks go, the words stay.
        let command = try #require(shown.first { $0.text.contains("`steady") })
        #expect(!SpokenText.clean(command.text).contains("`") && SpokenText.clean(command.text).contains("steady "))
    }

    @Test func whatTheDaemonSaysOnABubble_theSafetyLinesAndTheKitNudge_hasNoBareSymbols_onceCleaned() throws {
        let settings = try SafetySettings.decode(from: ["contacts": .array([.string("Sam 07700 900123")]),
                                                         "crisis-line": .string("the support line on 0800 000 000")])
        var lines = try #require(SafetyResponse.check(intensity: 10, settings: settings, kit: SoothingKit.pointer)).lines
        lines += [KitNudge.line(kit: nil, onNotification: true), SoothingKit.pointer]
        for line in lines {
            let spoken = SpokenText.clean(line)
            #expect(spoken.allSatisfy(SpokenText.isSpeakable), "\(spoken)")
        }
    }

    @Test func cleaning_keepsWords_andTurnsSymbolsIntoWhatAVoiceReadsWell() {
        #expect(SpokenText.clean("`steady ask` helps") == "steady ask helps")
        #expect(SpokenText.clean("a warm shower · Jo · tea") == "a warm shower, Jo, tea")
        #expect(SpokenText.clean("calm → settled") == "calm to settled")
        #expect(SpokenText.clean("Later, then. I'll ask again at 21:30 — or not…") == "Later, then. I'll ask again at 21:30 — or not…")
    }

    /// The scales a check-in asks on a notification (the evening reflection; the trigger
    /// follow-up and time alone on the intensity scale), and the urge the pause asks about.
    /// (The self-assessment's frequency is asked only in the terminal, which shows both ends.)
    static let scales: [(String, Scale)] = [
        ("evening reflection", EveningReflectionPractice.scale), ("intensity", .intensity), ("urge", .urge),
    ]

    @Test func everyScaleACheckInAsks_hasAShortGentleMeaningForEachPoint() {
        for (name, scale) in Self.scales {
            let meanings = scale.meanings ?? []
            #expect(meanings.count == scale.range.count, "\(name) has no meaning for every point")
            #expect(meanings.first == scale.lowLabel && meanings.last == scale.highLabel, "\(name): the ends keep their words")
            #expect(Set(meanings).count == meanings.count, "\(name): two points mean the same: \(meanings)")
            for meaning in meanings {
                #expect(meaning.count <= 22, "\(name): '\(meaning)' is long for a button")
                #expect(ToneScanner.problems(in: meaning).isEmpty, "\(name): '\(meaning)'")
            }
        }
        let evening = AnswerRequest.scale(EveningReflectionPractice.scale)
        #expect(evening.actionChoices.map(\.label) == [
            "1 — unsettled", "2 — a little unsettled", "3 — somewhere in between", "4 — fairly settled", "5 — settled",
        ])
        #expect(evening.actionChoices.map(\.key) == ["1", "2", "3", "4", "5"], "the keys, and so the answers kept, stay numbers")
    }
}
