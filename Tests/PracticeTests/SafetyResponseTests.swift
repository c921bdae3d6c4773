import SteadyKit
import Testing

@Suite struct SafetyResponseTests {
    @Test func byDefault_firesAtTheTopOfTheScale() {
        #expect(SafetyResponse.check(intensity: 10) != nil)
    }

    @Test(arguments: 1...9)
    func byDefault_staysQuietBelowTheTop(rating: Int) {
        #expect(SafetyResponse.check(intensity: rating) == nil)
    }

    @Test func withLowerThreshold_firesAtItAndAbove_notBelow() throws {
        let settings = try SafetySettings.decode(from: ["threshold": .integer(8)])
        #expect(SafetyResponse.check(intensity: 7, settings: settings) == nil)
        #expect(SafetyResponse.check(intensity: 8, settings: settings) != nil)
        #expect(SafetyResponse.check(intensity: 9, settings: settings) != nil)
    }

    @Test(arguments: [0, 11, -3])
    func ratingsOffTheScale_doNotFire(rating: Int) {
        #expect(SafetyResponse.check(intensity: rating) == nil)
    }

    @Test func response_showsGroundingContactsAndOneEmergencyLine() throws {
        let settings = try SafetySettings.decode(from: [
            "contacts": .array([.string("Sam 07700 900123"), .string("Mum")]),
            "crisis-line": .string("the Samaritans on 116 123"),
        ])
        let response = try #require(SafetyResponse.check(intensity: 10, settings: settings))
        #expect(response.contacts == ["Sam 07700 900123", "Mum"])
        #expect(response.lines.count == 4)
        #expect(response.lines[1] == response.grounding)
        #expect(response.lines[2].contains("Sam 07700 900123, Mum"))
        #expect(response.emergencyLine.contains("the Samaritans on 116 123"))
        #expect(response.emergencyLine.contains("local emergency number"))
    }

    @Test func withoutContactsOrLine_stillPointsToEmergencyServices() throws {
        let response = try #require(SafetyResponse.check(intensity: 10))
        #expect(response.contacts.isEmpty)
        #expect(response.lines.count == 3)
        #expect(response.emergencyLine.contains("local emergency number or a crisis line"))
    }

    @Test func wording_isNeitherDiagnosisNorAlarm() throws {
        let response = try #require(SafetyResponse.check(intensity: 10))
        let text = response.lines.joined(separator: " ").lowercased()
        for word in ["disorder", "diagnos", "symptom", "danger", "immediately", "urgent", "!"] {
            #expect(!text.contains(word), "safety response contains '\(word)'")
        }
    }

    @Test(arguments: [0, 11])
    func settings_withThresholdOffTheScale_areRejected(threshold: Int) {
        let error = settingsError(SafetySettings.self, ["threshold": .integer(threshold)])
        #expect(error?.keyPath == ["threshold"])
    }

    @Test func settings_withMisspelledKey_suggestTheRightOne() {
        let error = settingsError(SafetySettings.self, ["crisis-lines": .string("x")])
        #expect(error?.hint == "did you mean 'crisis-line'?")
    }
}
