import SteadyKit
import Testing

@Suite struct TriggerJournalTests {
    @Test func form_asksTheJournalFieldsInOrder() {
        #expect(TriggerJournal.form.fields.map(\.key) == [
            "what-happened", "kind", "thoughts", "body", "feeling", "intensity", "what-i-did",
        ])
        #expect(TriggerJournal.form[TriggerJournal.Field.intensity]?.request == .scale(.intensity))
    }

    @Test func form_needsOnlyWhatHappenedAndIntensity() throws {
        let required = TriggerJournal.form.fields.filter { !$0.isOptional }.map(\.key)
        #expect(required == ["what-happened", "intensity"])
        let response = try TriggerJournal.form.response(from: ["what-happened": .text("No reply all evening"), "intensity": .number(7)])
        #expect(response.number("intensity") == 7)
    }

    @Test func kinds_coverRelationshipLifeAndInnerTriggers() {
        let keys = TriggerJournal.kinds.map(\.key)
        for key in ["distance", "conflict", "work", "health", "body", "self-talk", "other"] {
            #expect(keys.contains(key))
        }
    }

    @Test func followUp_asksHowLongItTookToSettle_andReRates() {
        #expect(TriggerJournal.followUpForm.fields.map(\.key) == ["settled-after", "intensity-now"])
        #expect(TriggerJournal.followUpDelay == 3600)
    }

    @Test func change_comparesTheEntryWithTheFollowUp() throws {
        let entry = try TriggerJournal.form.response(from: ["what-happened": .text("x"), "intensity": .number(8)])
        let later = try TriggerJournal.followUpForm.response(from: ["settled-after": .choice("half-hour"), "intensity-now": .number(3)])
        let change = try #require(TriggerJournal.change(entry: entry, followUp: later))
        #expect(change.before == 8)
        #expect(change.after == 3)
        #expect(change.direction == .eased)
    }

    @Test func entryIntensity_atTheTop_bringsTheSafetyResponse() throws {
        let entry = try TriggerJournal.form.response(from: ["what-happened": .text("x"), "intensity": .number(10)])
        let intensity = try #require(entry.number(TriggerJournal.Field.intensity))
        #expect(SafetyResponse.check(intensity: intensity) != nil)
    }
}

@Suite struct ThoughtRecordTests {
    @Test func form_walksFromThoughtToBalancedView() {
        #expect(ThoughtRecord.form.fields.map(\.key) == [
            "situation", "thought", "belief-before", "pattern", "evidence-for", "evidence-against",
            "to-a-friend", "balanced-view", "belief-after",
        ])
    }

    @Test func beliefs_areRatedFromZeroToHundred() {
        #expect(ThoughtRecord.form["belief-before"]?.request == .scale(Scale(0...100, low: "not at all", high: "completely")))
        #expect(ThoughtRecord.form["belief-after"]?.request == .scale(.belief))
    }

    @Test func change_comparesBeliefBeforeAndAfter() throws {
        var values: [String: AnswerValue] = [:]
        for field in ThoughtRecord.form.fields where !field.isOptional {
            values[field.key] = field.request == .scale(.belief) ? .number(0) : .text("something")
        }
        values["belief-before"] = .number(85)
        values["belief-after"] = .number(40)
        let response = try ThoughtRecord.form.response(from: values)
        let change = try #require(ThoughtRecord.change(in: response))
        #expect(change.change == -45)
        #expect(change.scale == .belief)
    }
}

@Suite struct PauseTests {
    @Test func steps_rateGroundWaitReRateDecide() {
        let pause = Pause()
        guard pause.steps.count == 5,
              case .rate(let rate) = pause.steps[0], case .ground = pause.steps[1],
              case .wait(let seconds, _) = pause.steps[2], case .rerate(let rerate) = pause.steps[3],
              case .decide(let decide) = pause.steps[4]
        else {
            Issue.record("unexpected steps: \(pause.steps)")
            return
        }
        #expect(rate.request == .scale(.urge))
        #expect(rerate.request == .scale(.urge))
        #expect(seconds == Pause.defaultWait)
        #expect(decide.request == .choices(Pause.decisions))
    }

    @Test func wait_isConfigurable() {
        guard case .wait(let seconds, _) = Pause(waitSeconds: 600).steps[2] else {
            Issue.record("third step is not a wait")
            return
        }
        #expect(seconds == 600)
    }

    @Test func groundingSuggestion_changesWithTheVariant() {
        let suggestions = (0..<Pause.groundingSuggestions.count).map { variant -> String? in
            if case .ground(let text) = Pause(variant: variant).steps[1] { return text }
            return nil
        }
        #expect(Set(suggestions.compactMap { $0 }).count == Pause.groundingSuggestions.count)
        #expect(Pause(variant: -1).steps[1] == Pause(variant: Pause.groundingSuggestions.count - 1).steps[1])
    }

    @Test func outcome_isABeforeAfterOfTheUrge() {
        let outcome = Pause.outcome(before: 9, after: 6)
        #expect(outcome.direction == .eased)
        #expect(outcome.practice == "pause")
    }
}
