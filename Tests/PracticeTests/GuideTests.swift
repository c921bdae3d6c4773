import SteadyKit
import Testing

@Suite struct BreathingPatternTests {
    @Test func fourSevenEight_isInFourHoldSevenOutEight() {
        let pattern = BreathingPattern.fourSevenEight
        #expect(pattern.phases.map(\.action) == [.breatheIn, .holdFull, .breatheOut])
        #expect(pattern.phases.map(\.seconds) == [4, 7, 8])
        #expect(pattern.secondsPerRound == 19)
    }

    @Test func box_hasFourSidesOfFour() {
        #expect(BreathingPattern.box.phases.map(\.action) == [.breatheIn, .holdFull, .breatheOut, .holdEmpty])
        #expect(BreathingPattern.box.phases.map(\.seconds) == [4, 4, 4, 4])
    }

    @Test func coherent_isFiveInFiveOut() {
        #expect(BreathingPattern.coherent.phases.map(\.action) == [.breatheIn, .breatheOut])
        #expect(BreathingPattern.coherent.phases.map(\.seconds) == [5, 5])
    }

    @Test func timeline_placesEveryPhaseOfEveryRound() {
        let timeline = BreathingPattern.coherent.timeline(rounds: 2)
        #expect(timeline.map(\.round) == [1, 1, 2, 2])
        #expect(timeline.map(\.startsAt) == [0, 5, 10, 15])
        #expect(BreathingPattern.coherent.duration(rounds: 2) == 20)
    }

    @Test func timeline_withoutRounds_usesTheDefault() {
        let pattern = BreathingPattern.box
        #expect(pattern.timeline().count == pattern.defaultRounds * pattern.phases.count)
        #expect(pattern.duration() == pattern.defaultRounds * 16)
    }

    @Test func noRounds_isAnEmptySession() {
        #expect(BreathingPattern.box.timeline(rounds: 0).isEmpty)
        #expect(BreathingPattern.box.duration(rounds: 0) == 0)
    }

    @Test func named_findsEachPatternById() {
        for pattern in BreathingPattern.all {
            #expect(BreathingPattern.named(pattern.id) == pattern)
        }
        #expect(BreathingPattern.named("square") == nil)
    }
}

@Suite struct GuideTests {
    @Test func grounding_countsDownFromFiveSenses() {
        let counts = Guide.grounding.steps.map { $0.instruction.first { $0.isNumber } }
        #expect(counts == ["5", "4", "3", "2", "1"])
        #expect(Guide.grounding.steps.allSatisfy { $0.seconds == nil })
    }

    @Test func muscleRelaxation_tensesForFiveSeconds_thenReleases() {
        let steps = Guide.muscleRelaxation.steps
        #expect(steps.count % 2 == 0)
        for pair in stride(from: 0, to: steps.count, by: 2) {
            #expect(steps[pair].seconds == 5)
            #expect(steps[pair + 1].seconds == 10)
            #expect(steps[pair + 1].instruction.hasPrefix("Release"))
        }
        #expect(steps.first?.instruction.contains("feet") == true)
        #expect(steps[steps.count - 2].instruction.contains("face"))
    }

    @Test func bodyScan_isShortAndTimed() {
        #expect(Guide.bodyScan.steps.allSatisfy { $0.seconds != nil })
        #expect(Guide.bodyScan.timedSeconds <= 180)
    }

    @Test func named_findsEachGuideById() {
        #expect(Guide.all.map(\.id) == ["grounding", "muscle-relaxation", "body-scan"])
        for guide in Guide.all {
            #expect(Guide.named(guide.id) == guide)
        }
    }
}
