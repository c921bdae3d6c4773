import BuiltinPractices
import SteadyKit
import Testing

@Suite struct BuiltinPracticesTests {
    @Test func registry_holdsEveryBuiltinPractice() {
        #expect(BuiltinPractices.registry.ids.map(\.rawValue) == [
            "evening-reflection", "morning-mindfulness", "reach-out", "self-assessment",
            "self-compassion", "sleep-wind-down", "wins",
        ])
    }

    @Test func everyPractice_withDefaultSettings_suggestsItsDefaultSchedule() throws {
        for descriptor in BuiltinPractices.registry.all {
            #expect(!descriptor.defaultSchedule.isEmpty, "\(descriptor.id) has no schedule")
            #expect(try descriptor.configure(with: [:]).suggestedSchedule == descriptor.defaultSchedule)
        }
    }

    @Test func everyPractice_configuresWithDefaults_andBuildsAPrompt() throws {
        for descriptor in BuiltinPractices.registry.all {
            let practice = try descriptor.configure(with: [:])
            let prompt = practice.prompt(for: scheduledOccasion())
            #expect(!prompt.title.isEmpty, "\(descriptor.id) has an empty title")
            #expect(!prompt.body.isEmpty, "\(descriptor.id) has an empty body")
            #expect(!descriptor.summary.isEmpty)
        }
    }

    @Test func everyPractice_rejectsUnknownKeys() {
        for descriptor in BuiltinPractices.registry.all {
            #expect(throws: SettingsError.self, "\(descriptor.id) accepted an unknown key") {
                try descriptor.configure(with: ["no-such-setting": .bool(true)])
            }
        }
    }
}
