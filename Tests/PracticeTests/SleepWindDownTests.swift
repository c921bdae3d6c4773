import BuiltinPractices
import SteadyKit
import Testing

@testable import SleepWindDown

@Suite struct SleepWindDownTests {
    let practice = SleepWindDownPractice(settings: .init())

    @Test func defaults_windDownHalfAnHourBeforeBedtime() {
        #expect(SleepWindDownSettings().bedtime == "22:30")
        #expect(SleepWindDownSettings().snoozeMinutes == 15)
        #expect(SleepWindDownPractice.defaultSchedule == ["22:00"])
    }

    @Test func prompt_mentionsTheBedtime() throws {
        let settings = try SleepWindDownSettings.decode(from: ["bedtime": .string("23:15")])
        let prompt = SleepWindDownPractice(settings: settings).prompt(for: scheduledOccasion())
        #expect(prompt.body.contains("23:15"))
    }

    @Test func prompt_offersBedOrFifteenMoreMinutes() {
        let keys = choices(of: practice.prompt(for: scheduledOccasion())).map(\.key)
        #expect(keys == ["heading-to-bed", "15-more-minutes"])
    }

    @Test func moreMinutes_snoozesForTheConfiguredTime() throws {
        let settings = try SleepWindDownSettings.decode(from: ["snooze-minutes": .integer(10)])
        let practice = SleepWindDownPractice(settings: settings)
        let prompt = practice.prompt(for: scheduledOccasion())
        let snoozeChoice = try #require(choices(of: prompt).last)
        #expect(snoozeChoice.key == "10-more-minutes")
        #expect(snoozeChoice.label == "10 more minutes")
        let reaction = practice.react(to: answer(.choice(snoozeChoice.key)), prompt: prompt)
        #expect(reaction.snooze == 600)
        #expect(!reaction.skips)
    }

    @Test func headingToBed_isRecordedAsAnswered_withoutSnooze() {
        let prompt = practice.prompt(for: scheduledOccasion())
        let reaction = practice.react(to: answer(.choice("heading-to-bed")), prompt: prompt)
        #expect(reaction.snooze == nil)
        #expect(!reaction.skips)
        #expect(reaction.acknowledgement?.isEmpty == false)
    }

    @Test(arguments: ["25:00", "22.30", "9pm", "22:3", "", "22:30:00"])
    func settings_withBadBedtime_explainTheFormat(bedtime: String) {
        let error = settingsError(SleepWindDownSettings.self, ["bedtime": .string(bedtime)])
        #expect(error?.keyPath == ["bedtime"])
        #expect(error?.hint?.contains("HH:MM") == true)
    }

    @Test(arguments: ["7:05", "00:00", "23:59"])
    func settings_acceptTimesOfDay(bedtime: String) throws {
        #expect(try SleepWindDownSettings.decode(from: ["bedtime": .string(bedtime)]).bedtime == bedtime)
    }

    @Test(arguments: [0, 4, 61])
    func settings_withSnoozeOutOfRange_giveTheRange(minutes: Int) {
        let error = settingsError(SleepWindDownSettings.self, ["snooze-minutes": .integer(minutes)])
        #expect(error?.keyPath == ["snooze-minutes"])
        #expect(error?.hint?.contains("5 to 60") == true)
    }

    @Test func settings_withMisspelledKey_suggestTheRightOne() {
        let error = settingsError(SleepWindDownSettings.self, ["snooze-minute": .integer(10)])
        #expect(error?.hint == "did you mean 'snooze-minutes'?")
    }
}

@Suite struct SleepWindDownScheduleTests {
    @Test func suggestedSchedule_withDefaultBedtime_isTheDefaultSchedule() {
        #expect(SleepWindDownPractice(settings: .init()).suggestedSchedule == SleepWindDownPractice.defaultSchedule)
    }

    @Test(arguments: [("23:45", "23:15"), ("00:10", "23:40"), ("7:00", "06:30")])
    func suggestedSchedule_followsTheBedtime(bedtime: String, expected: String) throws {
        let settings = try SleepWindDownSettings.decode(from: ["bedtime": .string(bedtime)])
        #expect(SleepWindDownPractice(settings: settings).suggestedSchedule == [expected])
    }

    @Test func configuredPractice_forwardsTheSuggestedSchedule() throws {
        let descriptor = try #require(BuiltinPractices.registry["sleep-wind-down"])
        let configured = try descriptor.configure(with: ["bedtime": .string("23:00")])
        #expect(configured.suggestedSchedule == ["22:30"])
    }
}
