import Foundation
import SteadyTestSupport
import Testing

/// swift-argument-parser's own words — the help's headings, its -h/--help and --version
/// descriptions, "(default: …)", its parse errors — in German through the real `steady`
/// binary, with the help's columns still lined up; and in English exactly as the library
/// writes them.
@Suite struct ParserWordsLanguageTests {
    static func run(_ arguments: [String], _ variables: [String: String]) throws -> CommandResult {
        try CommandLineLanguageTests.run(arguments, variables.merging(["COLUMNS": "80"]) { $1 })
    }

    /// Every line of a help screen fits the 80 columns, and each description beside a label
    /// or continuing one starts in the library's description column (26).
    static func expectAligned(_ help: String, _ comment: String) {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("AUFRUF: ") }) else {
            Issue.record("no AUFRUF: line in \(comment):\n\(help)")
            return
        }
        for line in lines[..<usage] {
            #expect(line.count <= 80, "\(comment): longer than 80 columns: '\(line)'")
        }
        for line in lines[(usage + 1)...] {
            #expect(line.count <= 80, "\(comment): longer than 80 columns: '\(line)'")
            let characters = Array(line)
            // A label line ("  -h, --help   …") or a continuation: the text starts at column 26.
            if characters.count > 26, characters[0] == " ", characters[1] == " ", characters[2] != " ",
               String(characters[2..<26]).contains("  ") {
                #expect(characters[25] == " " && characters[26] != " ", "\(comment): description off its column: '\(line)'")
            }
            if characters.prefix(3).allSatisfy({ $0 == " " }), characters.count > 26, characters[3] == " " {
                let start = characters.firstIndex { $0 != " " } ?? 0
                #expect(start == 26 || start == 8 || start == 28, "\(comment): line indented by \(start): '\(line)'")
            }
        }
    }

    @Test func helpHeadingsAndBuiltInOptions_areGerman_withLANGde_andStayInColumn() throws {
        for arguments in [["stats", "--help"], ["help", "stats"], ["stats", "-h"]] {
            let german = try Self.run(arguments, ["LANG": "de_DE.UTF-8"])
            let shown = arguments.joined(separator: " ")
            #expect(german.status == 0, "\(shown): \(german.stderr)")
            #expect(german.stdout.hasPrefix("ÜBERSICHT: Was dir geholfen hat:"), "\(shown): \(german.stdout)")
            #expect(german.stdout.contains("\nAUFRUF: steady stats [--since <when>] [--until <when>] [--json]\n"), "\(shown): \(german.stdout)")
            #expect(german.stdout.contains("\nOPTIONEN:\n"), "\(shown): \(german.stdout)")
            #expect(german.stdout.contains("\n  --version               Die Version anzeigen.\n"), "\(shown): \(german.stdout)")
            #expect(german.stdout.contains("\n  -h, --help              Hilfe anzeigen.\n"), "\(shown): \(german.stdout)")
            for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "Show help information.", "Show the version."] {
                #expect(!german.stdout.contains(english), "\(shown): '\(english)' is still English:\n\(german.stdout)")
            }
            Self.expectAligned(german.stdout, shown)
        }

        let breathe = try Self.run(["breathe", "--help"], ["LANG": "de_DE.UTF-8"])
        #expect(breathe.stdout.contains("\nARGUMENTE:\n  <pattern>               Das Muster: 4-7-8, box, coherent. (Standard: box)\n"), "\(breathe.stdout)")
        Self.expectAligned(breathe.stdout, "breathe --help")

        let kit = try Self.run(["help", "kit"], ["LANG": "de_DE.UTF-8"])
        #expect(kit.stdout.contains("\nUNTERBEFEHLE:\n  show (Standard)         "), "\(kit.stdout)")
        #expect(kit.stdout.hasSuffix("\n  Ausführliche Hilfe: 'steady help kit <subcommand>'.\n"), "\(kit.stdout)")
        Self.expectAligned(kit.stdout, "help kit")

        // A narrow terminal: the longer German words are wrapped again at the description column.
        let narrow = try CommandLineLanguageTests.run(["service", "install", "--help"], ["LANG": "de_DE.UTF-8", "COLUMNS": "44"])
        for line in narrow.stdout.split(separator: "\n") where !line.hasPrefix("AUFRUF: ") {
            // Longer only where one word does not fit (as in English).
            #expect(line.count <= 44 || !line.dropFirst(26).contains(" ") || !line.trimmingCharacters(in: .whitespaces).contains(" "),
                    "longer than 44 columns: '\(line)'\n\(narrow.stdout)")
        }
        #expect(narrow.stdout.contains("\n  -h, --help              Hilfe anzeigen.\n"), "\(narrow.stdout)")
    }

    @Test func helpHeadings_stayTheLibrarysEnglish_inTheCLocale() throws {
        let english = try Self.run(["stats", "--help"], ["LANG": "C.UTF-8"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.hasPrefix("OVERVIEW: What has helped you: what eases things, how triggers felt, wins,\nfeelings; the counts last.\n"),
                "\(english.stdout)")
        #expect(english.stdout.contains("\nUSAGE: steady stats [--since <when>] [--until <when>] [--json]\n\nOPTIONS:\n"), "\(english.stdout)")
        #expect(english.stdout.hasSuffix("  --version               Show the version.\n  -h, --help              Show help information.\n\n"),
                "\(english.stdout)")
        let kit = try Self.run(["help", "kit"], ["LANG": "en_US.UTF-8"])
        #expect(kit.stdout.contains("\nSUBCOMMANDS:\n  show (default)          "), "\(kit.stdout)")
        #expect(kit.stdout.hasSuffix("\n  See 'steady help kit <subcommand>' for detailed help.\n"), "\(kit.stdout)")
        let breathe = try Self.run(["breathe", "--help"], ["LANG": "C"])
        #expect(breathe.stdout.contains("\nARGUMENTS:\n  <pattern>               The pattern: 4-7-8, box, coherent. (default: box)\n"), "\(breathe.stdout)")
    }

    @Test func parseErrors_areGerman_withLANGde_inThePluralToo() throws {
        let unknown = try Self.run(["stats", "--sine", "7d"], ["LANG": "de_DE.UTF-8"])
        #expect(unknown.status == 64)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr == """
            Hinweis: steady kennt die Option '--sine' nicht. Meintest du '--since'?
            Aufruf: steady stats [--since <when>] [--until <when>] [--json]
              Mehr dazu: 'steady stats --help'.

            """)

        let missing = try Self.run(["stats", "--since"], ["LANG": "de_DE.UTF-8"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Hinweis: Zu '--since <when>' fehlt noch ein Wert\nHilfe:  --since <when>  Hier beginnen:"), "\(missing.stderr)")

        let invalid = try Self.run(["breathe", "--rounds", "viele"], ["LANG": "de_DE.UTF-8"])
        #expect(invalid.stderr.hasPrefix("Hinweis: 'viele' passt nicht zu '--rounds <rounds>'\n"), "\(invalid.stderr)")

        let one = try Self.run(["stats", "gestern"], ["LANG": "de_DE.UTF-8"])
        #expect(one.stderr.hasPrefix("Hinweis: 'gestern' gehört hier nicht hin\nAufruf: steady stats"), "\(one.stderr)")
        let two = try Self.run(["stats", "gestern", "heute"], ["LANG": "de_DE.UTF-8"])
        #expect(two.stderr.hasPrefix("Hinweis: 2 Argumente zu viel: 'gestern', 'heute'\n"), "\(two.stderr)")

        let bundle = try Self.run(["history", "-lx"], ["LANG": "de_DE.UTF-8"])
        #expect(bundle.stderr.hasPrefix("Hinweis: steady kennt die Option '-lx' nicht\n   oder: In '-lx' fehlt noch ein Wert zu '-l <limit>'\nAufruf: "),
                "\(bundle.stderr)")

        let flagValue = try Self.run(["stats", "--json=ja"], ["LANG": "de_DE.UTF-8"])
        #expect(flagValue.stderr.hasPrefix("Hinweis: '--json' nimmt keinen Wert, hier stand aber 'ja'.\n"), "\(flagValue.stderr)")

        // steady's own ValidationError keeps its (already German) sentence, framed in German.
        let own = try Self.run(["export", "xml"], ["LANG": "de_DE.UTF-8"])
        #expect(own.stderr.hasPrefix("Hinweis: 'xml' ist kein Exportformat; nimm csv oder json.\nAufruf: steady export"), "\(own.stderr)")
    }

    @Test func parseErrors_stayTheLibrarysEnglish_inTheCLocale() throws {
        let unknown = try Self.run(["stats", "--sine", "7d"], ["LANG": "C.UTF-8"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == """
            Error: Unknown option '--sine'. Did you mean '--since'?
            Usage: steady stats [--since <when>] [--until <when>] [--json]
              See 'steady stats --help' for more information.

            """)
        let two = try Self.run(["stats", "a", "b"], ["LANG": "C"])
        #expect(two.stderr.hasPrefix("Error: 2 unexpected arguments: 'a', 'b'\n"), "\(two.stderr)")
        let invalid = try Self.run(["breathe", "--rounds", "x"], ["LANG": "en_US.UTF-8"])
        #expect(invalid.stderr.hasPrefix("Error: The value 'x' is invalid for '--rounds <rounds>'\nHelp:  --rounds <rounds>  How many rounds"), "\(invalid.stderr)")
    }

    /// Sentences steady wrote itself that skipped translation until now: the "Did you mean"
    /// hint, and what `--follow-up` says when there is nothing to look back on.
    @Test func suggestionsAndFollowUpMessages_areGerman_withLANGde() throws {
        let outcome = try Self.run(["history", "--outcome", "answerd"], ["LANG": "de_DE.UTF-8"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("Hinweis: 'answerd' ist kein Ausgang. Meintest du 'answered'? Nimm einen davon: pending, answered,"),
                "\(outcome.stderr)")
        let english = try Self.run(["history", "--outcome", "answerd"], ["LANG": "C.UTF-8"])
        #expect(english.stderr.hasPrefix("Error: 'answerd' is not an outcome. Did you mean 'answered'? Use one of: pending, answered,"),
                "\(english.stderr)")

        let request = try Self.run(["ask", "--follow-up"], ["LANG": "de_DE.UTF-8"])
        #expect(request.status == 66)
        #expect(request.stdout == "Gerade wartet keine Bitte auf einen Blick zurück. `steady ask` schreibt eine neue.\n", "\(request.stdout)")
        let trigger = try Self.run(["log", "trigger", "--follow-up", "5"], ["LANG": "de_DE.UTF-8"])
        #expect(trigger.status == 66)
        #expect(trigger.stderr == "steady: es gibt keinen Eintrag zu einem Auslöser mit #5; `steady log trigger --follow-up` ohne Nummer nimmt den neuesten.\n",
                "\(trigger.stderr)")
        let englishTrigger = try Self.run(["log", "trigger", "--follow-up", "5"], ["LANG": "C.UTF-8"])
        #expect(englishTrigger.stderr == "steady: there is no trigger entry #5; `steady log trigger --follow-up` without a number picks the latest.\n",
                "\(englishTrigger.stderr)")
    }
}
