import Foundation
import SteadyInsights
import SteadyTestSupport
import Testing

/// `steady stats` and `steady report` show what was chosen and logged by its label — the
/// practice's own choice label, the tool's title — in the person's language, not the stored key.
@Suite struct StatsLabelsTests {
    static let englishChoices = "  What you chose\n    Morning mindfulness  Did box breathing 1 · Not now 1\n"
    static let englishEntries = "A calming practice 6 · Trigger journal 3 · Monthly self-assessment 2 · Looking back at earlier 2 · A pause 1 · "
        + "Thought record 1 · A win worth keeping 1"

    @Test func stats_showsChoiceLabelsAndEntryKinds_notStoredKeys() throws {
        let cli = try CommandLineTests()
        let stats = try cli.steady(["stats", "--since", "all"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains(Self.englishChoices), "\(stats.stdout)")
        #expect(stats.stdout.contains("  Entries you logged\n    " + Self.englishEntries + "\n"), "\(stats.stdout)")
        #expect(!stats.stdout.contains("not-now") && !stats.stdout.contains("trigger-journal"), "\(stats.stdout)")

        let report = try cli.steady(["report", "--since", "all", "-o", "-"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("<li><strong>Morning mindfulness</strong>: Did box breathing 1 · Not now 1</li>"), "\(report.stdout)")
        #expect(report.stdout.contains("Entries you logged: " + Self.englishEntries + "."), "\(report.stdout)")
    }

    @Test func stats_showsChoiceLabelsAndEntryKinds_inGerman_withLANGde() throws {
        let cli = try CommandLineTests()
        let german = ["LANG": "de_DE.UTF-8", "STEADY_LOCALEDIR": try Catalogues.bound()]
        let stats = try cli.steady(["stats", "--since", "all"], environment: german)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("  Was du gewählt hast\n    Achtsamer Morgen  Box-Atmung gemacht 1 · Gerade nicht 1\n"), "\(stats.stdout)")
        #expect(stats.stdout.contains("""
              Einträge, die du notiert hast
                Eine beruhigende Übung 6 · Auslöser-Tagebuch 3 · Monatliche Selbsteinschätzung 2 · Ein Blick zurück 2 · Eine Pause 1 · \
            Gedankenprotokoll 1 · Ein Erfolg zum Aufheben 1

            """), "\(stats.stdout)")

        let report = try cli.steady(["report", "--since", "all", "-o", "-"], environment: german)
        #expect(report.stdout.contains("<li><strong>Achtsamer Morgen</strong>: Box-Atmung gemacht 1 · Gerade nicht 1</li>"), "\(report.stdout)")
    }

    /// A key no practice or tool knows (an external practice since removed) is shown as stored.
    @Test func aKeyNothingKnows_isShownAsStored() {
        let labels = StoredKeyLabels(choices: ["morning-mindfulness": ["not-now": "Not now"]], entryKinds: ["pause": "A pause"])
        #expect(labels.choice("not-now", of: "morning-mindfulness") == "Not now")
        #expect(labels.choice("stretched", of: "my-stretch") == "stretched")
        #expect(labels.choice("box", of: "morning-mindfulness") == "box")
        #expect(labels.entryKind("mood-diary") == "mood-diary")
    }
}
