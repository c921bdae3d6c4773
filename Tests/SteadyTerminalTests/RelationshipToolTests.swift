import SteadyKit
import SteadyTerminal
import Testing

/// Drafts, own feeling words, suggested answers, and the responses that name the kit.
@Suite struct FillAndDraftTests {
    let form = TriggerJournal.form

    @Test func ctrlC_partway_returnsWhatWasAnswered_forADraft() {
        let console = ScriptedConsole(input: ["A late reply", "1", "They're gone", "never read"])
        console.interruptOnRead = 3
        let walk = Asker(console: console, safety: SafetySettings()).fill(form)
        #expect(walk == .stopped(.interrupted, answered: [
            "what-happened": .text("A late reply"), "kind": .choice("distance"), "thoughts": .text("They're gone"),
        ]))
    }

    @Test func aDraft_resumes_askingOnlyWhatIsLeft() throws {
        let console = ScriptedConsole(input: ["tight chest", "wistful", "7", ""])
        let draft: [String: AnswerValue] = ["what-happened": .text("A late reply"), "kind": .choice("distance"), "thoughts": .text("x")]
        guard case .completed(let response) = Asker(console: console, safety: SafetySettings()).fill(form, answered: draft) else {
            Issue.record(Comment(rawValue: "not completed: \(console.output)"))
            return
        }
        #expect(response.text("what-happened") == "A late reply")
        #expect(response.text("body") == "tight chest")
        #expect(response.values["feeling"] == .text("wistful"), "a word of their own is kept as written")
        #expect(response.number("intensity") == 7)
        #expect(!console.output.contains("What happened?"), "answered questions are not asked again")
        #expect(console.output.contains("[4/7] What did you notice in your body?"))
    }

    @Test func aFeelingFromTheList_byNumber_isAChoice() throws {
        let console = ScriptedConsole(input: ["x", "", "", "", "7", "4", ""])
        let response = try Asker(console: console, safety: SafetySettings()).walk(form).get()
        #expect(response.choice("feeling") == "lonely")
        #expect(console.output.contains("Pick a number, or type a word of your own."))
    }

    @Test func suggestions_areKeptOnEnter_replacedByTyping_orLeftOutWithADash() throws {
        let suggestions = [
            "body": Asker.Suggestion(text: "box breathing", reason: "Your own ratings say box breathing eased things most for you."),
            "feelings": Asker.Suggestion(text: "my wins"),
            "people": Asker.Suggestion(text: "Sam"),
        ]
        let console = ScriptedConsole(input: ["", "a song", "", "-"])
        guard case .completed(let response) = Asker(console: console, safety: SafetySettings())
            .fill(SoothingKit.form, suggestions: suggestions) else { Issue.record(Comment(rawValue: console.output)); return }
        #expect(response.text("body") == "box breathing")
        #expect(response.text("feelings") == "a song")
        #expect(response.values["people"] == nil)
        #expect(console.output.contains("Your own ratings say box breathing eased things most for you."))
        #expect(console.output.contains("(Enter keeps: box breathing · - leaves it out)"))
    }

    @Test func confirm_isOnlyAskedAtATerminal() {
        let piped = ScriptedConsole(input: ["y"])
        #expect(!Asker(console: piped, safety: SafetySettings()).confirm("Continue?", default: true))
        #expect(piped.unread == ["y"], "piped input belongs to the form")
        for (reply, expected) in [("", true), ("n", false), ("yes", true)] {
            let console = ScriptedConsole(input: [reply], terminal: true)
            #expect(Asker(console: console, safety: SafetySettings()).confirm("Continue?", default: true) == expected, "\(reply)")
        }
    }
}

@Suite struct UrgeAndKitResponseTests {
    static let kit = "From your soothing kit: a warm shower · Sam."

    @Test func aStrongFeeling_bringsTheSafetyResponse_withTheKit() throws {
        let console = ScriptedConsole(input: ["x", "", "", "", "", "10", ""])
        _ = try Asker(console: console, safety: SafetySettings(), kit: Self.kit).walk(TriggerJournal.form).get()
        #expect(console.output.contains("local emergency number"))
        #expect(console.output.contains(Self.kit))
    }

    @Test func aStrongUrge_inAPause_bringsTheSofterResponse_withoutEmergencyWords() {
        var safety = SafetySettings()
        safety.contacts = ["Sam"]
        let console = ScriptedConsole(input: ["10", "9", "3"])
        _ = PauseSession(waitSeconds: 5, variant: 0).run(with: Asker(console: console, safety: safety, kit: Self.kit))
        #expect(!console.output.contains("emergency"), "\(console.output)")
        #expect(console.output.contains("That is a strong pull."))
        #expect(console.output.contains("Someone to talk it over with first: Sam."))
        #expect(!console.output.contains("steady pause 20m"), "no pause suggested inside a pause")
        #expect(console.output.components(separatedBy: Self.kit).count - 1 >= 2, "with the grounding step and the urge response")
    }

    @Test func thePause_showsTheKit_withTheGroundingStep_evenWhenCalm() {
        let console = ScriptedConsole(input: ["4", "3", "3"])
        _ = PauseSession(waitSeconds: 5, variant: 0).run(with: Asker(console: console, safety: SafetySettings(), kit: Self.kit))
        #expect(console.output.contains(Pause.groundingSuggestions[0] + "\n" + Self.kit))
    }
}

@Suite struct AskAndCheckPresenterTests {
    @Test func ask_showsTheMessageToCopy_andKeepsItWithTheEntry() {
        let console = ScriptedConsole(input: [])
        let response = FormResponse(formID: "asking", values: [
            "feeling": .text("Unmoored"), "kind": .choice("reassurance"), "request": .text("you never call me back"),
        ])
        let kept = AskPresenter.present(response, on: console)
        #expect(kept.text("message") == NeedRequest.message(feeling: "unmoored", request: "you never call me back"))
        #expect(console.output.contains("    " + (kept.text("message") ?? "?")))
        #expect(console.output.contains("\"Never\" and \"always\""))
        #expect(console.output.contains("let it settle before asking again"))
    }

    @Test func check_closesWithTheChangeAndTheVerdictsWords() {
        let console = ScriptedConsole(input: [])
        CheckPresenter.close(FormResponse(formID: "reality-check", values: [
            "intensity-before": .number(8), "intensity-after": .number(6), "past-or-present": .choice("some-of-both"),
        ]), on: console)
        #expect(console.output.contains("From 8 to 6: it eased by 2."))
        #expect(console.output.contains(RealityCheck.closing(for: FormResponse(formID: "reality-check", values: [
            "past-or-present": .choice("some-of-both")]))[0]))
    }
}
