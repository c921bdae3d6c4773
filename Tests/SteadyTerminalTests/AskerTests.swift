import SteadyKit
import SteadyTerminal
import Testing

@Suite struct AskerTests {
    let form = TriggerJournal.form

    @Test func walk_readsEachField_skipsOptionalOnEmptyLine_andReasksAfterABadReply() throws {
        // Given answers piped in, with an empty line for the optional kind and "11" before "7"
        let console = ScriptedConsole(input: ["A late reply", "", "They're gone", "tight chest", "", "11", "7", "went for a walk"])
        let asker = Asker(console: console, safety: SafetySettings())

        // When the trigger form is walked
        let response = try asker.walk(form).get()

        // Then every answer is kept, the skipped one left out, and the bad rating explained
        #expect(response.text(TriggerJournal.Field.happened) == "A late reply")
        #expect(response.values[TriggerJournal.Field.kind] == nil)
        #expect(response.number(TriggerJournal.Field.intensity) == 7)
        #expect(response.text(TriggerJournal.Field.response) == "went for a walk")
        #expect(console.errors.count == 1)
        #expect(console.errors.first?.contains("'11' is not on") == true, "\(console.errors)")
        #expect(console.output.contains("What happened?"))
        #expect(console.output.contains("(Enter to skip)"))
    }

    @Test func walk_choicesAcceptNumberKeyOrLabel() throws {
        for reply in ["1", "distance", "Someone close seemed distant"] {
            let console = ScriptedConsole(input: ["x", reply, "", "", "", "3", ""])
            let response = try Asker(console: console, safety: SafetySettings()).walk(form).get()
            #expect(response.choice(TriggerJournal.Field.kind) == "distance", "reply '\(reply)'")
        }
    }

    @Test func walk_whenInputEndsBeforeARequiredField_stopsWithThatField() {
        let console = ScriptedConsole(input: ["A late reply", "", "", "", ""])
        let result = Asker(console: console, safety: SafetySettings()).walk(form)
        #expect(result == .failure(.inputEnded(field: TriggerJournal.Field.intensity)))
    }

    @Test func walk_whenInterrupted_stops() {
        let console = ScriptedConsole(input: ["A late reply", "", ""])
        console.interruptOnRead = 1
        #expect(Asker(console: console, safety: SafetySettings()).walk(form) == .failure(.interrupted))
    }

    @Test func walk_requiredTextCannotBeEmpty_andIsAskedAgain() throws {
        let console = ScriptedConsole(input: ["   ", "A late reply", "", "", "", "", "2", ""])
        let response = try Asker(console: console, safety: SafetySettings()).walk(form).get()
        #expect(response.text(TriggerJournal.Field.happened) == "A late reply")
        #expect(console.errors.count == 1)
    }

    // MARK: - Safety response

    @Test(arguments: [(10, 10, true), (9, 10, false), (7, 7, true), (6, 7, false), (1, 1, true)])
    func safetyResponse_appearsAtTheThreshold_andNotBelow(rating: Int, threshold: Int, shown: Bool) throws {
        var settings = SafetySettings()
        settings.threshold = threshold
        settings.contacts = ["Sam 07700 900123"]
        let console = ScriptedConsole(input: ["x", "", "", "", "", "\(rating)", ""])
        _ = try Asker(console: console, safety: settings).walk(form).get()
        #expect(console.output.contains("Sam 07700 900123") == shown, "\(console.output)")
        #expect(console.output.contains("local emergency number") == shown)
    }

    @Test func safetyResponse_isNotShownForRatingsOnOtherScales() throws {
        // A belief of 100 (0–100) and a self-assessment 5 (1–5) are not intensities.
        var settings = SafetySettings()
        settings.threshold = 5
        let console = ScriptedConsole(input: ["s", "t", "100", "", "f", "a", "k", "b", "100"])
        _ = try Asker(console: console, safety: settings).walk(ThoughtRecord.form).get()
        #expect(!console.output.contains("local emergency number"))
    }
}
