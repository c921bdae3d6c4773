import BuiltinPractices
import Foundation
import SteadyKit
import SteadyLocalization
import SteadyTestSupport
import Testing

/// The English of every marked string (`tr`, `trn`, `trc`), read from po/steady.pot.
struct Catalogue {
    /// Each msgid and msgid_plural.
    var messages: [String] = []

    init(potFile: String) throws {
        for line in try String(contentsOfFile: potFile, encoding: .utf8).split(separator: "\n") {
            for prefix in ["msgid \"", "msgid_plural \""] where line.hasPrefix(prefix) {
                let literal = line.dropFirst(prefix.count).dropLast()
                let text = literal.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                if !text.isEmpty { messages.append(text) }
            }
        }
    }

    /// A pattern matching any one message with its placeholders filled.
    var messagePattern: String {
        messages.sorted { $0.count > $1.count }.map { message in
            NSRegularExpression.escapedPattern(for: message)
                .replacingOccurrences(of: #"%[0-9]+\\\$[@d]"#, with: ".+?", options: .regularExpression)
                .replacingOccurrences(of: "%%", with: "%")
        }.joined(separator: "|")
    }

    /// The texts that are not one message, or messages joined by spaces
    /// (`Translation.sentences`), with their placeholders filled.
    func untranslatable(_ texts: [UserText]) throws -> [UserText] {
        let any = "(?:\(messagePattern))"
        let whole = try NSRegularExpression(pattern: "^\(any)(?: \(any))*$", options: [.dotMatchesLineSeparators])
        return texts.filter { item in
            whole.firstMatch(in: item.text, range: NSRange(item.text.startIndex..., in: item.text)) == nil
        }
    }
}

enum Sources {
    static let root = Catalogues.repository

    /// Every Swift file xgettext reads.
    static func swiftFiles() throws -> [String] {
        try ["Sources", "Plugins"].flatMap { folder in
            try FileManager.default.subpathsOfDirectory(atPath: root + "/" + folder)
                .filter { $0.hasSuffix(".swift") }.map { root + "/" + folder + "/" + $0 }
        }.sorted()
    }
}

/// Every string a practice shows goes through the catalogue, and the catalogue is current:
/// the check that fails when a person-facing string skips translation.
@Suite struct TranslationCoverageTests {
    @Test func thePotFile_isWhatXgettextExtractsFromTheSources() throws {
        let result = try ChildProcess.run(Sources.root + "/scripts/update-po", ["--pot"], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "scripts/update-po --pot: \(result.stderr)")
        let committed = try String(contentsOfFile: Sources.root + "/po/steady.pot", encoding: .utf8)
        #expect(result.stdout == committed, "po/steady.pot is out of date: run scripts/update-po and translate the new strings")
    }

    /// xgettext reads Swift as Objective-C: it finds a marked string only as a one-line literal
    /// right after `tr(`, `trn(` or `trc(`, without `\u{…}` escapes, and no `"""` literal.
    @Test func everyMarkedString_isALiteralXgettextCanRead() throws {
        let call = try NSRegularExpression(pattern: #"(?<![\w.])(?<!func )(tr|trn|trc)\("#)
        var problems: [String] = []
        for file in try Sources.swiftFiles() {
            let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
            for (number, line) in lines.enumerated() {
                let code = line.components(separatedBy: "//").first ?? line
                for match in call.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                    let after = code[Range(match.range, in: code)!.upperBound...]
                    let place = "\(file.dropFirst(Sources.root.count + 1)):\(number + 1)"
                    if after.hasPrefix("\"\"\"") || !after.hasPrefix("\"") {
                        problems.append("\(place): \(code.trimmingCharacters(in: .whitespaces)) — the first argument must be a one-line \"literal\"")
                    } else if after.contains("\\u{") {
                        problems.append("\(place): \\u{…} inside a marked string; write the character itself")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func german_isComplete_andPassesMsgfmtCheck() throws {
        let result = try ChildProcess.run("/usr/bin/env", ["msgfmt", "--check", "--statistics", "--output-file=/dev/null",
                                                           Sources.root + "/po/de.po"], environment: ["LC_ALL": "C", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("translated messages."), "\(result.stderr)")
        #expect(!result.stderr.contains("fuzzy") && !result.stderr.contains("untranslated"), "po/de.po: \(result.stderr)")
    }

    @Test func everyPracticeString_comesFromTheCatalogue() throws {
        let catalogue = try Catalogue(potFile: Sources.root + "/po/steady.pot")
        let texts = try PracticeTexts.all()
        #expect(texts.count > 100, "the collector found suspiciously little to read")
        for item in try catalogue.untranslatable(texts) {
            Issue.record("not from the catalogue (mark it with tr): \(item)")
        }
    }

    /// The tools' words (forms, guides, breathing cues, the pause, the safety and urge
    /// responses, summaries), except what is made of the person's own words.
    @Test func everyToolString_comesFromTheCatalogue() throws {
        let catalogue = try Catalogue(potFile: Sources.root + "/po/steady.pot")
        let texts = PracticeTexts.tools()
        #expect(texts.count > 100, "the collector found suspiciously little to read")
        for item in try catalogue.untranslatable(texts) {
            Issue.record("not from the catalogue (mark it with tr): \(item)")
        }
    }

    @Test func theGermanToolTexts_areGentle() throws {
        let german = try Catalogues.inLocale("de_DE.UTF-8") { PracticeTexts.tools() }
        let english = PracticeTexts.tools()
        #expect(german.count == english.count)
        for line in ToneScanner.report(german) { Issue.record(Comment(rawValue: line)) }
        let untranslated = zip(english, german).filter { $0.0.text == $0.1.text && $0.0.text.contains(" ") }
        #expect(untranslated.isEmpty, "still English in German: \(untranslated.map(\.0))")
    }

    @Test func everyPracticeString_readsInGerman() throws {
        let english = try PracticeTexts.all()
        let german = try Catalogues.inLocale("de_DE.UTF-8") { try PracticeTexts.all() }
        try #require(english.count == german.count, "the German collection took another path: \(english.count) vs \(german.count) texts")
        // Words that are the same in both languages.
        let same: Set<String> = ["%1$@: %2$@ %3$@", "5-4-3-2-1"]
        for (en, de) in zip(english, german) where en.text == de.text && !same.contains(en.text) && !en.text.isEmpty {
            Issue.record("still English in German: \(en)")
        }
    }

    @Test func theGermanTexts_areGentleAndBrief() throws {
        let german = try Catalogues.inLocale("de_DE.UTF-8") { try PracticeTexts.all() }
        #expect(german.count > 100)
        for line in ToneScanner.report(german) { Issue.record(Comment(rawValue: line)) }
    }
}

/// What the practices' tone test reads: every practice's strings, in the current language.
enum PracticeTexts {
    static func all() throws -> [UserText] {
        let registry = BuiltinPractices.registry
        var texts: [UserText] = []
        for descriptor in registry.all {
            texts += try UserTexts.of(descriptor)
        }
        texts += try UserTexts.of(#require(registry["reach-out"]), settings: ["people": .array([.string("Sam"), .string("Alex")])])
        texts += try UserTexts.ofOccasionDependentPrompts(registry)
        return texts
    }

    /// Origins whose text is built from what the person wrote, not from the catalogue: the
    /// message `steady ask` shapes from their words (reworded by English grammar in English,
    /// kept as written in a translated frame in another language), and the kit as they wrote it.
    static let personsOwnWords = ["ask message", "kit lines"]

    /// The tool texts the tone test reads, without the person's own words.
    static func tools() -> [UserText] {
        UserTexts.ofTools().filter { item in !personsOwnWords.contains { item.origin.hasPrefix($0) } }
    }
}
