import BuiltinPractices
import Foundation
import SteadyKit
import SteadyLocalization
import SteadyTestSupport
import Testing

@Suite struct PlaceholderTests {
    @Test func numberedPlaceholders_takeTheirArgument_inWhateverOrderTheTranslationPutsThem() {
        #expect(Translation.fill("%1$@ then %2$@", ["a", "b"]) == "a then b")
        #expect(Translation.fill("%2$@ vor %1$@", ["a", "b"]) == "b vor a")
        #expect(Translation.fill("%1$d of %2$d", ["3", "9"]) == "3 of 9")
    }

    @Test func plainPlaceholders_takeTheArgumentsInOrder_andDoublePercentIsOnePercent() {
        #expect(Translation.fill("%@ and %d", ["x", "4"]) == "x and 4")
        #expect(Translation.fill("100%% yours", []) == "100% yours")
        #expect(tr("%1$d%% of %2$@", 40, "the days") == "40% of the days")
    }

    @Test func aPlaceholderWithoutArgument_staysVisible_ratherThanVanishing() {
        #expect(Translation.fill("%1$@ and %2$@", ["a"]) == "a and %2$@")
        #expect(Translation.fill("50% off", []) == "50% off")
    }

    @Test func withoutALocale_everyLookupIsTheEnglishItWasGiven() {
        #expect(tr("Box breathing") == "Box breathing")
        #expect(trn("%1$d more minute", "%1$d more minutes", 1) == "1 more minute")
        #expect(trn("%1$d more minute", "%1$d more minutes", 2) == "2 more minutes")
        #expect(trc("typed answer words", "later") == "later")
    }
}

@Suite struct CatalogueDirectoryTests {
    @Test func anExecutableInABinDirectory_findsShareLocaleBesideIt() {
        #expect(Localization.directory(executable: "/usr/bin/steady", override: nil) == "/usr/share/locale")
        #expect(Localization.directory(executable: "/home/ada/.local/bin/steady", override: nil) == "/home/ada/.local/share/locale")
        #expect(Localization.directory(forBinDirectory: "/opt/steady/bin") == "/opt/steady/share/locale")
    }

    @Test func STEADY_LOCALEDIR_wins_andABuildTreeExecutableHasNoneOfItsOwn() {
        #expect(Localization.directory(executable: "/usr/bin/steady", override: "/tmp/locale") == "/tmp/locale")
        #expect(Localization.directory(executable: "/src/steady/.build/debug/steady", override: nil) == nil)
        #expect(Localization.directory(executable: "/src/steady/.build/debug/steady", override: "") == nil)
    }
}

/// Real glibc gettext over the real catalogue: po/de.po compiled by msgfmt, read in de_DE.UTF-8.
@Suite struct GermanTests {
    static let german = "de_DE.UTF-8"

    @Test func aPracticePrompt_comesOutInGerman() throws {
        let prompt = try Catalogues.inLocale(Self.german) {
            let registry = BuiltinPractices.registry
            let wins = try #require(registry["wins"]).configure(with: [:])
            return wins.prompt(for: Occasion(reason: .scheduled, slot: Date(timeIntervalSince1970: 0), dayNumber: 20_001))
        }
        #expect(prompt.title == "Beweise für die andere Seite")
        #expect(prompt.body == "Gab es zuletzt etwas, das nicht zu einer alten Angst passte? Jemand ist geblieben, hat zurückgeschrieben oder hat sich gefreut, dich zu sehen.")
        #expect(prompt.request == .text(placeholder: "Eine kleine Sache"))
    }

    @Test func pluralForms_followTheCount() throws {
        let (one, two) = try Catalogues.inLocale(Self.german) {
            (trn("%1$d more minute", "%1$d more minutes", 1), trn("%1$d more minute", "%1$d more minutes", 2))
        }
        #expect(one == "Noch 1 Minute")
        #expect(two == "Noch 2 Minuten")
    }

    @Test func aSnoozeChoice_isCountedInGerman() throws {
        let labels = try Catalogues.inLocale(Self.german) {
            let sleep = try #require(BuiltinPractices.registry["sleep-wind-down"])
            return try [5, 20].map { minutes in
                let practice = try sleep.configure(with: ["snooze-minutes": .integer(minutes)])
                let prompt = practice.prompt(for: Occasion(reason: .scheduled, slot: Date(timeIntervalSince1970: 0), dayNumber: 20_000))
                return prompt.request.actionChoices.map(\.label)
            }
        }
        #expect(labels == [["Ich geh ins Bett", "Noch 5 Minuten"], ["Ich geh ins Bett", "Noch 20 Minuten"]])
    }

    @Test func germanOnOneThread_leavesEnglishOnTheOthers() async throws {
        try Catalogues.bound()
        let german = try Catalogues.inLocale(Self.german) { tr("Box breathing") }
        let english = await Task.detached { tr("Box breathing") }.value
        #expect(german == "Box-Atmung")
        #expect(english == "Box breathing")
    }

    @Test func späterAndAuslassen_areUnderstood_asWellAsTheEnglishWords() throws {
        let words = try Catalogues.inLocale(Self.german) {
            (["später", " Später ", "nachher", "later", "auslassen", "skip", "vielleicht"].map(AnswerWords.nonAnswer),
             AnswerWords.hint, try AnswerRequest.done.parse("fertig"), try AnswerRequest.done.parse("ja"), Localization.languageCode)
        }
        #expect(words.0 == [.later, .later, .later, .later, .skip, .skip, nil])
        #expect(words.1 == "'später', um später noch einmal gefragt zu werden, oder 'auslassen', um es auszulassen")
        #expect(words.2 == .done && words.3 == .done)
        #expect(words.4 == "de")
        #expect(AnswerWords.nonAnswer("später") == nil, "English stays English: no German words outside the German locale")
        #expect(AnswerWords.hint == "'later' to be asked again, or 'skip' to let it pass")
    }

    @Test func aSettingsMessage_isGermanToo() throws {
        let message = try Catalogues.inLocale(Self.german) { () -> String in
            let sleep = try #require(BuiltinPractices.registry["sleep-wind-down"])
            do {
                _ = try sleep.configure(with: ["bedtime": .string("late")])
                return "accepted"
            } catch let error as SettingsError {
                return error.message + "; " + (error.hint ?? "")
            }
        }
        #expect(message == "'late' ist keine Uhrzeit; schreib sie als HH:MM im 24-Stunden-Format, z. B. \"22:30\"")
    }
}
