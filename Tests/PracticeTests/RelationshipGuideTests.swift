import Foundation
import SteadyKit
import Testing

/// Feeling words: a number or a word from the list is a choice; any other word is the
/// person's own, kept as text.
@Suite struct FeelingWordTests {
    let field = Feelings.field(key: "feeling", question: "Which feeling?")
    var form: Form { Form(id: "f", title: "F", intro: "I", fields: [field]) }

    @Test func listedWords_byNumberOrName_areChoices() throws {
        #expect(try form.parse("3", for: "feeling") == .choice("sad"))
        #expect(try form.parse("Lonely", for: "feeling") == .choice("lonely"))
    }

    @Test func anotherWord_isKeptAsTheirOwn_andBlankLeavesItOut() throws {
        #expect(try form.parse("  wistful ", for: "feeling") == .text("wistful"))
        #expect(try form.parse("", for: "feeling") == nil)
        #expect(try form.response(from: ["feeling": .text("wistful")]).values["feeling"] == .text("wistful"))
        #expect(Feelings.word(.text(" Wistful ")) == "wistful")
        #expect(Feelings.word(.choice("hurt")) == "hurt")
    }

    @Test func aNumberOffTheList_isStillAMistake_notAWord() {
        #expect(throws: FormError.self) { try form.parse("40", for: "feeling") }
    }

    @Test func fieldsWithoutOwnWords_stayStrict() {
        let strict = Form(id: "s", title: "S", intro: "I", fields: [FormField(key: "k", question: "Q?", request: .choices(Feelings.words))])
        #expect(throws: FormError.self) { try strict.parse("wistful", for: "k") }
        #expect(throws: FormError.self) { try strict.response(from: ["k": .text("wistful")]) }
    }

    @Test func theTriggerJournal_asksForAFeelingWord_beforeTheIntensity() {
        let keys = TriggerJournal.form.fields.map(\.key)
        #expect(keys == ["what-happened", "kind", "thoughts", "body", "feeling", "intensity", "what-i-did"])
        #expect(TriggerJournal.form["feeling"]?.acceptsOwnWords == true && TriggerJournal.form["feeling"]?.isOptional == true)
    }
}

/// `steady ask`: the person's feeling and request, shaped into one calm question.
@Suite struct NeedRequestTests {
    @Test(arguments: [
        ("spend an evening together this week", "I've been feeling lonely lately. Could we spend an evening together this week?"),
        ("call me tonight", "I've been feeling lonely lately. Could you call me tonight?"),
        ("Could you call me tonight?", "I've been feeling lonely lately. Could you call me tonight?"),
        ("can we talk on Sunday.", "I've been feeling lonely lately. Can we talk on Sunday?"),
        ("I need you to text when you get home", "I've been feeling lonely lately. Could you text when you get home?"),
        ("I'd like us to plan a walk", "I've been feeling lonely lately. Could we plan a walk?"),
        ("I'd like some time to myself on Saturday", "I've been feeling lonely lately. Would it be all right with you if I had some time to myself on Saturday?"),
        ("remind me of something you love about us", "I've been feeling lonely lately. Could you remind me of something you love about us?"),
        ("text when you land", "I've been feeling lonely lately. Could you text when you land?"),
        ("plan a date night", "I've been feeling lonely lately. Could we plan a date night?"),
    ])
    func request_becomesOneCalmQuestion(request: String, message: String) {
        #expect(NeedRequest.message(feeling: "lonely", request: request) == message)
    }

    @Test func aName_andAnOwnWord_areWoven_in() {
        let message = NeedRequest.message(to: " Sam ", feeling: "unmoored", request: "call me tonight")
        #expect(message == "Sam, I've been feeling unmoored lately. Could you call me tonight?")
    }

    @Test func neverAndAlways_bringAGentleNote() {
        #expect(NeedRequest.notes(on: "you never call me").count == 1)
        #expect(NeedRequest.notes(on: "call me tonight").isEmpty)
    }

    @Test func reassurance_isCountedForThePersonOnly_neverAsAGoal() {
        let line = NeedRequest.reassuranceCount(3, days: 30)
        #expect(line.contains("3 times in the last 30 days"))
        #expect(line.contains("no number to aim for"))
        #expect(NeedRequest.closing(kind: "reassurance").count == NeedRequest.closing(kind: "time-together").count + 1)
    }

    @Test func theCheckIn_inTheTerminal_asksTheOutcome_andOptionallyToKeepIt() {
        #expect(NeedRequest.followUpForm.fields.map(\.key) == ["outcome", "keep-as-win"])
        #expect(NeedRequest.winText(request: "call me tonight") == "I asked for what I needed (call me tonight), and it went well.")
    }
}

/// `steady check`: past or present.
@Suite struct RealityCheckTests {
    @Test func theQuestions_followTheGuidesOrder_andOnlyTwoNeedWords() {
        #expect(RealityCheck.form.fields.map(\.key) == [
            "intensity-before", "happening-now", "feels-like", "most-likely", "other-possibilities",
            "came-through-before", "feeling-age", "past-or-present", "intensity-after",
        ])
        let required = RealityCheck.form.fields.filter { !$0.isOptional }.map(\.key)
        #expect(required == ["happening-now", "most-likely", "past-or-present"])
    }

    @Test func closing_followsTheVerdict_andAYoungFeeling() {
        func closing(_ verdict: String, age: String? = nil) -> [String] {
            var values: [String: AnswerValue] = ["past-or-present": .choice(verdict)]
            if let age { values["feeling-age"] = .choice(age) }
            return RealityCheck.closing(for: FormResponse(formID: "reality-check", values: values))
        }
        let verdicts = RealityCheck.verdicts.map(\.key)
        #expect(Set(verdicts.map { closing($0)[0] }).count == verdicts.count, "each verdict has its own words")
        #expect(closing("mostly-older", age: "small-child").count == 2)
        #expect(closing("mostly-older", age: "my-age").count == 1)
    }

    @Test func beforeAndAfter_makeItATechniqueOfItsOwn() throws {
        let response = FormResponse(formID: "reality-check", values: ["intensity-before": .number(8), "intensity-after": .number(5)])
        let change = try #require(RealityCheck.change(in: response))
        #expect((change.before, change.after, change.practice) == (8, 5, "reality-check"))
    }
}

/// The soothing kit and setback plan.
@Suite struct SoothingKitTests {
    static let kit = SoothingKit(FormResponse(formID: "soothing-kit", values: [
        "body": .text("a warm shower"), "people": .text("Sam, Jo"), "setback-steps": .text("back to basics\nbook a session"),
        "mind": .text("   "),
    ]))

    @Test func lines_showEachSectionWithWhatWasWritten_only() {
        let lines = Self.kit.lines
        #expect(lines.first == "Your soothing kit")
        #expect(lines.contains { $0.contains("For your body") && $0.hasSuffix("a warm shower") })
        #expect(!lines.contains { $0.contains("For your mind") }, "blank lines are left out")
        #expect(lines.contains("Your setback plan"))
        #expect(lines.contains { $0.hasSuffix("book a session") && $0.hasPrefix("     ") }, "a second line stays indented")
    }

    @Test func reminder_isOneLine_ofBodyFeelingsAndPeople() {
        #expect(Self.kit.reminder == "From your soothing kit: a warm shower · Sam, Jo.")
        #expect(SoothingKit(FormResponse(formID: "soothing-kit", values: ["mind": .text("a puzzle")])).reminder == nil)
    }

    @Test func prefills_comeFromTheirOwnRatingsAndConfig_andWhatTheyWroteWins() {
        let suggestions = SoothingKit.Suggestions(bestTechnique: ("Box breathing", 2.25), people: ["Sam 07700 900123"], hasWins: true)
        let fresh = SoothingKit.prefills(existing: nil, suggestions: suggestions)
        #expect(fresh["body"]?.text == "box breathing")
        #expect(fresh["body"]?.reason == "Your own ratings say box breathing eased things most for you (by 2.3 on average).")
        #expect(fresh["people"]?.text == "Sam 07700 900123")
        #expect(fresh["feelings"] != nil)
        let editing = SoothingKit.prefills(existing: Self.kit, suggestions: suggestions)
        #expect(editing["body"] == SoothingKit.Prefill(text: "a warm shower", reason: nil))
    }

    @Test func nudge_comesOnce_whenTheRunOfLowEveningsReachesThree() {
        #expect(!KitNudge.shouldShow(ratingsNewestFirst: [2, 1]))
        #expect(KitNudge.shouldShow(ratingsNewestFirst: [2, 1, 2]))
        #expect(KitNudge.shouldShow(ratingsNewestFirst: [1, 2, 2, 4, 1]))
        #expect(!KitNudge.shouldShow(ratingsNewestFirst: [1, 2, 2, 1]), "not again on the fourth low evening")
        #expect(!KitNudge.shouldShow(ratingsNewestFirst: [3, 1, 1, 1]))
    }

    @Test func nudge_onANotification_pointsAtTheKit_withoutWhatWasWritten() {
        let bubble = KitNudge.line(kit: Self.kit, onNotification: true)
        #expect(!bubble.contains("shower") && bubble.contains("steady kit"))
        #expect(KitNudge.line(kit: Self.kit, onNotification: false).contains("a warm shower"))
        #expect(KitNudge.line(kit: nil, onNotification: true).contains("steady kit edit"))
    }
}

/// A strong urge gets its own, softer response; a strong feeling keeps the safety response.
@Suite struct UrgeResponseTests {
    @Test func atTheThreshold_namesTheKitAPauseAndPeople_withoutEmergencyWording() throws {
        var settings = SafetySettings()
        settings.contacts = ["Sam"]
        settings.crisisLine = "the line on 0800 000 000"
        let response = try #require(UrgeResponse.check(urge: 10, settings: settings, kit: "From your soothing kit: a walk."))
        let text = response.lines.joined(separator: "\n")
        #expect(text.contains("a walk") && text.contains("steady pause") && text.contains("Sam"))
        #expect(!text.contains("emergency") && !text.contains("0800"))
        #expect(UrgeResponse.check(urge: 9, settings: settings) == nil)
        #expect(UrgeResponse.check(urge: 10, insidePause: true)?.pause == nil)
    }

    @Test func thePause_ratesTheUrge_onTheUrgeScale() {
        let fields = Pause().steps.compactMap { step -> FormField? in
            if case .rate(let field) = step { return field }
            if case .rerate(let field) = step { return field }
            return nil
        }
        #expect(fields.count == 2 && fields.allSatisfy { $0.request == .scale(.urge) })
        #expect(Scale.urge != Scale.intensity && Scale.urge.range == Scale.intensity.range)
        #expect(!Pause.decisions.contains { $0.label.contains("calmer") }, "going ahead does not assume calm")
    }

    @Test func theSafetyResponse_canCarryTheKit() throws {
        let response = try #require(SafetyResponse.check(intensity: 10, kit: SoothingKit.pointer))
        #expect(response.lines.contains(SoothingKit.pointer))
        #expect(response.lines.last?.contains("emergency") == true)
    }
}
