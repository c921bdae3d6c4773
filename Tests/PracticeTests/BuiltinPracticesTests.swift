import BuiltinPractices
import SteadyKit
import Testing

@Suite struct BuiltinPracticesTests {
    @Test func registry_holdsTheSkeletonPractices() {
        let ids = BuiltinPractices.registry.ids.map(\.rawValue)
        #expect(ids.contains("morning-mindfulness"))
        #expect(ids.contains("evening-reflection"))
        #expect(ids.contains("sleep-wind-down"))
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
