import Foundation
import SteadyKit
import Testing

@Suite struct AssessmentTests {
    /// Ratings giving every statement the same pattern score.
    func ratings(patternScore: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: Assessment.statements.map {
            ($0.id, $0.direction == .pattern ? patternScore : 6 - patternScore)
        })
    }

    @Test func areas_followTheGuide() {
        #expect(Assessment.areas.map(\.id) == [
            "emotional", "communication", "behaviour", "security", "regulation", "support", "self-compassion",
        ])
        #expect(Assessment.areas.allSatisfy { (3...5).contains($0.statements.count) })
        #expect(Set(Assessment.statements.map(\.id)).count == Assessment.statements.count)
    }

    @Test func form_hasOneOneToFiveFieldPerStatement() {
        #expect(Assessment.form.fields.map(\.key) == Assessment.statements.map(\.id))
        #expect(Assessment.form.fields.allSatisfy { $0.request == .scale(Scale(1...5, low: "never", high: "always")) })
    }

    @Test func patternStatements_scoreAsRated_resourcesReversed() throws {
        let pattern = try #require(Assessment.areas.first { $0.direction == .pattern }?.statements.first)
        let resource = try #require(Assessment.areas.first { $0.direction == .resource }?.statements.first)
        #expect(pattern.patternScore(for: 4) == 4)
        #expect(resource.patternScore(for: 4) == 2)
    }

    @Test func threeOrMore_marksATendency_twoDoesNot() {
        let three = Assessment.Result(ratings: ratings(patternScore: 3))
        let two = Assessment.Result(ratings: ratings(patternScore: 2))
        #expect(three.areas.allSatisfy { $0.marksTendency })
        #expect(three.areas.allSatisfy { $0.tendencies.count == $0.area.statements.count })
        #expect(two.areas.allSatisfy { !$0.marksTendency && $0.tendencies.isEmpty })
    }

    @Test func areaScore_isTheMeanOfItsRatedStatements() throws {
        let area = Assessment.areas[0]
        let ratings = Dictionary(uniqueKeysWithValues: zip(area.statements.map(\.id), [1, 2, 4, 5]))
        let score = try #require(Assessment.Result(ratings: ratings).score(of: area.id))
        #expect(score.meanPatternScore == 3)
        #expect(score.marksTendency)
        #expect(score.tendencies == [area.statements[2].id, area.statements[3].id])
    }

    @Test func unratedAreas_areLeftOut_andOffScaleRatingsIgnored() {
        let area = Assessment.areas[1]
        let result = Assessment.Result(ratings: [area.statements[0].id: 2, area.statements[1].id: 9])
        #expect(result.areas.map(\.area.id) == [area.id])
        #expect(result.areas.first?.meanPatternScore == 2)
    }

    @Test func result_fromACompleteForm() throws {
        let values = ratings(patternScore: 4).mapValues(AnswerValue.number)
        let result = try Assessment.result(from: FormResponse(formID: "self-assessment", values: values))
        #expect(result.areas.count == Assessment.areas.count)
        #expect(result.ratings.count == Assessment.statements.count)
    }

    @Test func result_fromAnIncompleteForm_saysWhatIsMissing() {
        var values = ratings(patternScore: 4).mapValues(AnswerValue.number)
        values[Assessment.statements[0].id] = nil
        #expect(throws: FormError.missing(field: Assessment.statements[0].id)) {
            try Assessment.result(from: FormResponse(formID: "self-assessment", values: values))
        }
    }

    @Test func summary_wordsPatternsAndResourcesDifferently() throws {
        let result = Assessment.Result(ratings: ratings(patternScore: 4))
        let emotional = try #require(result.score(of: "emotional"))
        let security = try #require(result.score(of: "security"))
        #expect(emotional.summary.contains("fairly often"))
        #expect(security.summary.contains("extra care"))
    }

    @Test func comparison_showsWhichAreasEasedOrRose() throws {
        var later = ratings(patternScore: 3)
        for statement in Assessment.areas[0].statements { later[statement.id] = 1 }  // emotional eased
        for statement in Assessment.areas[3].statements { later[statement.id] = 1 }  // security: resource rated low → rose
        let comparison = Assessment.Comparison(
            earlier: Assessment.Result(ratings: ratings(patternScore: 3)), later: Assessment.Result(ratings: later))
        let movements = Dictionary(uniqueKeysWithValues: comparison.changes.map { ($0.area.id, $0.movement) })
        #expect(movements["emotional"] == .eased)
        #expect(movements["security"] == .rose)
        #expect(movements["support"] == .aboutTheSame)
        #expect(comparison.changes.count == Assessment.areas.count)
    }

    @Test func comparison_withinHalfAPoint_isAboutTheSame() throws {
        let area = Assessment.areas[0]
        let before = Assessment.Result(ratings: Dictionary(uniqueKeysWithValues: area.statements.map { ($0.id, 3) }))
        var afterRatings = before.ratings
        afterRatings[area.statements[0].id] = 4  // mean moves by 0.25
        let change = try #require(Assessment.Comparison(earlier: before, later: Assessment.Result(ratings: afterRatings)).changes.first)
        #expect(change.movement == .aboutTheSame)
        #expect(change.change == 0.25)
    }

    @Test func result_survivesEncoding() throws {
        let result = Assessment.Result(ratings: ratings(patternScore: 2))
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(Assessment.Result.self, from: data) == result)
    }
}
