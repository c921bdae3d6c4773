import SteadyKit
import Testing

@Suite struct AnswerRequestTests {
    let choices = AnswerRequest.choices([Choice(key: "box", label: "Box breathing"), Choice(key: "not-now", label: "Not now")])

    @Test func choice_matchesKeyLabelOrPosition() throws {
        #expect(try choices.parse("box") == .choice("box"))
        #expect(try choices.parse("Box Breathing") == .choice("box"))
        #expect(try choices.parse("2") == .choice("not-now"))
    }

    @Test func choice_rejectsOthersListingTheChoices() {
        #expect(throws: AnswerError.self) { try choices.parse("3") }
        do {
            _ = try choices.parse("square")
        } catch {
            #expect(error.description.contains("1 Box breathing, 2 Not now"), "\(error)")
        }
    }

    @Test func scale_acceptsOnlyItsRange() throws {
        let scale = AnswerRequest.scale(Scale(1...5, low: "unsettled", high: "settled"))
        #expect(try scale.parse(" 4 ") == .number(4))
        #expect(throws: AnswerError.self) { try scale.parse("6") }
        #expect(throws: AnswerError.self) { try scale.parse("four") }
        #expect(scale.actionChoices.map(\.key) == ["1", "2", "3", "4", "5"])
    }

    @Test func scale_labelsSayWhatEachPointMeans_andAreReadBackAsTheirNumber() throws {
        let scale = Scale(1...5, low: "unsettled", high: "settled",
                          meanings: ["unsettled", "a little unsettled", "somewhere in between", "fairly settled", "settled"])
        let request = AnswerRequest.scale(scale)
        #expect(request.actionChoices.map(\.label)[3] == "4 — fairly settled")
        // What a dialog prints (the label), and the meaning typed on its own, are that point.
        #expect(try request.parse("4 — fairly settled") == .number(4))
        #expect(try request.parse("Fairly Settled") == .number(4))
        #expect(throws: AnswerError.self) { try request.parse("very settled") }
        #expect(scale.endsInWords == "1 means unsettled, 5 means settled.")
    }

    @Test func scale_withoutMeanings_labelsItsEnds_andLeavesTheMiddleANumber() {
        let scale = Scale(0...100, low: "not at all", high: "completely")
        #expect(scale.label(for: 0) == "0 — not at all" && scale.label(for: 100) == "100 — completely")
        #expect(scale.label(for: 40) == "40")
    }

    @Test func text_keepsWhatWasWritten_butNotEmpty() throws {
        let text = AnswerRequest.text(placeholder: "a few words")
        #expect(try text.parse("a walk, and tea") == .text("a walk, and tea"))
        #expect(throws: AnswerError.emptyText) { try text.parse("   ") }
    }

    @Test func loggableForm_neverContainsText() {
        #expect(AnswerValue.text("my secret").loggable == "text(9 chars)")
        #expect(!AnswerValue.text("my secret").loggable.contains("secret"))
    }

    @Test func suggestion_findsTypos() {
        #expect(Suggestion.nearest(to: "mornig-mindfulness", in: ["morning-mindfulness", "evening-reflection"]) == "morning-mindfulness")
        #expect(Suggestion.nearest(to: "xyz", in: ["morning-mindfulness"]) == nil)
    }
}
