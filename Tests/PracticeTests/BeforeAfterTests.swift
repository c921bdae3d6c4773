import SteadyKit
import Testing

@Suite struct BeforeAfterTests {
    @Test func eased_whenTheRatingDrops() {
        let change = BeforeAfter(before: 8, after: 5, practice: "box")
        #expect(change.change == -3)
        #expect(change.direction == .eased)
        #expect(change.summary == "From 8 to 5: it eased by 3.")
    }

    @Test func unchanged_isSaidKindly() {
        let change = BeforeAfter(before: 6, after: 6)
        #expect(change.direction == .unchanged)
        #expect(change.summary.hasPrefix("Still 6."))
    }

    @Test func rose_isNotTreatedAsFailure() {
        let change = BeforeAfter(before: 4, after: 6)
        #expect(change.direction == .rose)
        #expect(change.summary.contains("not a mark against you"))
    }

    @Test func averageChange_overSeveralPractices() {
        let items = [BeforeAfter(before: 8, after: 5), BeforeAfter(before: 6, after: 5), BeforeAfter(before: 3, after: 4)]
        #expect(BeforeAfter.averageChange(items) == -1)
        #expect(BeforeAfter.averageChange([]) == nil)
    }

    @Test func defaultScale_isTheOneToTenIntensity() {
        #expect(BeforeAfter(before: 1, after: 1).scale.range == 1...10)
    }

    /// One threshold for "eased", "about the same" and "higher" on average, which the tools'
    /// technique summaries and the stats both read (they once used ±0.5 and ±0.05).
    @Test func aMeanChange_countsAsEasedOrHigher_onlyFromHalfAPoint() {
        #expect(BeforeAfter.direction(ofMeanChange: -1.8) == .eased)
        #expect(BeforeAfter.direction(ofMeanChange: -0.5) == .eased)
        #expect(BeforeAfter.direction(ofMeanChange: -0.3) == .unchanged)
        #expect(BeforeAfter.direction(ofMeanChange: 0) == .unchanged)
        #expect(BeforeAfter.direction(ofMeanChange: 0.49) == .unchanged)
        #expect(BeforeAfter.direction(ofMeanChange: 0.5) == .rose)
    }
}
