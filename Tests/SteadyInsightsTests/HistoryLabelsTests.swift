import Foundation
import SteadyTestSupport
import Testing

/// `steady history` shows what the journal stores by the words the person read: a practice by
/// its name, an entry kind by its tool's title, a field by its question, a choice by its label —
/// in the person's language. What they typed stays as they typed it; `--json` keeps the keys.
@Suite struct HistoryLabelsTests {
    static let english = [
        "2025-01-07 07:30  #2  Morning mindfulness   skipped: Not now",
        "2025-01-06 09:30  e2  Looking back at earlier  logged: How long did it take to settle? Within half an hour · How strong is it now, from 1 to 10? 4 (follows e1)",
        "2025-01-06 08:15  e1  Trigger journal       logged: What happened? PRIVATE-TRIGGER late reply, again · What kind of moment was it? Someone close seemed distant · How strong was it, from 1 to 10? 8",
        "2025-01-07 15:00  e12  A pause               logged: How strong was the urge before? 7 · How long was the wait meant to be? 120 · How long did it last? 120 · How strong was it afterwards? 3 · What did you decide? Let the urge pass",
        "2025-01-06 21:00  #3  Evening reflection    answered: 4 of 5 — PRIVATE-NOTE, felt \"okay\" ⏎ then better",
    ]

    @Test func history_showsNamesQuestionsAndChoiceLabels_notStoredKeys() throws {
        let cli = try CommandLineTests()
        let history = try cli.steady(["history", "--limit", "100"])
        #expect(history.status == 0, "\(history.stderr)")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        for line in Self.english { #expect(lines.contains(line), "\(history.stdout)") }
        for key in ["morning-mindfulness", "trigger-journal", "settled-after", "half-hour", "not-now", "intensity", "let-it-pass"] {
            #expect(!history.stdout.contains(key), "\(key): \(history.stdout)")
        }
    }

    @Test func history_showsNamesQuestionsAndChoiceLabels_inGerman_withLANGde() throws {
        let cli = try CommandLineTests()
        let german = ["LANG": "de_DE.UTF-8", "STEADY_LOCALEDIR": try Catalogues.bound()]
        let history = try cli.steady(["history", "--limit", "100"], environment: german)
        #expect(history.status == 0, "\(history.stderr)")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        for line in [
            "2025-01-07 07:30  #2  Achtsamer Morgen      ausgelassen: Gerade nicht",
            "2025-01-06 07:30  #1  Achtsamer Morgen      beantwortet: Box-Atmung gemacht (einmal auf später verschoben)",
            "2025-01-06 09:30  e2  Ein Blick zurück      notiert: Wie lange hat es gedauert, bis es sich beruhigt hat? Innerhalb einer halben Stunde · Wie stark ist es jetzt, von 1 bis 10? 4 (folgt auf e1)",
            "2025-01-06 08:15  e1  Auslöser-Tagebuch     notiert: Was ist passiert? PRIVATE-TRIGGER late reply, again · Was für ein Moment war es? Ein naher Mensch wirkte fern · Wie stark war es, von 1 bis 10? 8",
        ] { #expect(lines.contains(line), "\(history.stdout)") }
    }

    /// `--json` is a data format: the stored keys and the same bytes in any language.
    @Test func history_json_keepsTheStoredKeys_inAnyLanguage() throws {
        let cli = try CommandLineTests()
        let english = try cli.steady(["history", "--json", "--limit", "100"])
        let german = try cli.steady(["history", "--json", "--limit", "100"], environment: ["LANG": "de_DE.UTF-8", "STEADY_LOCALEDIR": try Catalogues.bound()])
        #expect(english.status == 0 && german.status == 0, "\(english.stderr)\(german.stderr)")
        #expect(german.stdout == english.stdout)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [[String: Any]])
        let followUp = try #require(rows.first { $0["type"] as? String == "entry" && $0["id"] as? Int == 2 })
        #expect(followUp["practice"] as? String == "trigger-journal-follow-up")
        let fields = try #require(followUp["fields"] as? [String: Any])
        #expect(fields.count == 2 && fields["settled-after"] as? String == "half-hour" && fields["intensity-now"] as? Int == 4, "\(fields)")
        let skipped = try #require(rows.first { $0["type"] as? String == "prompt" && $0["id"] as? Int == 2 })
        #expect(skipped["practice"] as? String == "morning-mindfulness" && skipped["answer"] as? String == "not-now")
        let rated = try #require(rows.first { $0["type"] as? String == "prompt" && $0["id"] as? Int == 3 })
        #expect(rated["answer"] as? String == "4 of 5")
    }
}
