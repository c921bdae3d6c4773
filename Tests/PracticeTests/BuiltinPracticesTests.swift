import Foundation
import BuiltinPractices
import SteadyCalendar
import SteadyKit
import Testing

@Suite struct BuiltinPracticesTests {
    @Test func registry_holdsEveryBuiltinPractice() {
        #expect(BuiltinPractices.registry.ids.map(\.rawValue) == [
            "asking", "boundaries", "evening-reflection", "morning-mindfulness", "reach-out", "self-assessment",
            "self-compassion", "sleep-wind-down", "time-alone", "trigger-journal", "wins",
        ])
    }

    @Test func everyPractice_withDefaultSettings_suggestsItsDefaultSchedule() throws {
        for descriptor in BuiltinPractices.registry.all {
            // The trigger journal and asking are on demand: their check-ins follow entries.
            #expect(descriptor.defaultSchedule.isEmpty == ["trigger-journal", "asking"].contains(descriptor.id), "\(descriptor.id)")
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

@Suite struct DefaultScheduleTests {
    @Test func everyDefaultSchedule_isAValidCalendarExpression() {
        for descriptor in BuiltinPractices.registry.all {
            for text in descriptor.defaultSchedule {
                #expect(throws: Never.self, "\(descriptor.id): '\(text)'") { try CalendarExpression(text) }
            }
        }
    }

    @Test func selfAssessment_comesOnTheFirstSaturdayOfTheMonth() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let expression = try CalendarExpression(#require(BuiltinPractices.registry["self-assessment"]?.defaultSchedule.first))
        let base = Date(timeIntervalSince1970: 1_767_225_600)  // Thu 2026-01-01 00:00 UTC
        let first = try #require(expression.nextElapse(after: base, in: utc))
        let second = try #require(expression.nextElapse(after: first, in: utc))
        #expect(first == Date(timeIntervalSince1970: 1_767_434_400))  // Sat 2026-01-03 10:00 UTC
        #expect(second == Date(timeIntervalSince1970: 1_770_458_400))  // Sat 2026-02-07 10:00 UTC
    }

    @Test func sleepWindDown_suggestedScheduleForALateBedtime_parses() throws {
        let configured = try #require(BuiltinPractices.registry["sleep-wind-down"]).configure(with: ["bedtime": .string("00:15")])
        #expect(configured.suggestedSchedule == ["23:45"])
        #expect(throws: Never.self) { try CalendarExpression(configured.suggestedSchedule[0]) }
    }
}
