import Foundation
import SteadyKit
import SteadyTerminal
import SteadyTestSupport
import Testing

/// The words the tools add (entry forms, technique summaries, session lines) stay gentle:
/// no exclamation marks, nothing shaming or hurried.
@Suite struct ToolToneTests {
    static let forbidden = ["streak", "fail", "failed", "you forgot", "you missed", "hurry", "urgent", "immediately",
                            "you should", "you must", "don't give up"]

    static func problems(_ text: String) -> [String] {
        var found = forbidden.filter { text.range(of: "\\b\($0)\\b", options: [.regularExpression, .caseInsensitive]) != nil }
        if text.contains("!") { found.append("!") }
        return found
    }

    static var texts: [String] {
        var texts: [String] = []
        for form in [CalmingEntry.form, PauseEntry.form, WinEntry.form] {
            texts += [form.title, form.intro]
            for field in form.fields {
                texts.append(field.question)
                if case .choices(let choices) = field.request { texts += choices.map(\.label) }
                if case .text(let placeholder) = field.request { texts.append(placeholder) }
            }
        }
        for change in [-3.0, -0.6, 0.0, 0.4, 2.0] {
            texts.append(TechniqueSummary(technique: "box", times: 3, averageChange: change).summary)
        }
        texts += FormStop.allExamples.map(\.description)
        texts += [DraftTexts.kept(command: "steady log thought"), DraftTexts.nothingYet, DraftTexts.question, DraftTexts.continuing,
                  DraftTexts.letGo, DraftTexts.offer(title: "Thought record", when: "Tue 21:14", answered: 3, of: 9),
                  CalmingEntry.name(of: RealityCheck.form.id)]
        let asked = ScriptedConsole(input: [], terminal: false)
        _ = AskPresenter.present(FormResponse(formID: "asking", values: [
            "feeling": .choice("lonely"), "kind": .choice("reassurance"), "request": .text("you always forget"),
        ]), on: asked)
        for verdict in RealityCheck.verdicts {
            CheckPresenter.close(FormResponse(formID: "reality-check", values: [
                "intensity-before": .number(7), "intensity-after": .number(8), "past-or-present": .choice(verdict.key),
            ]), on: asked)
        }
        texts += asked.output.split(separator: "\n").map(String.init)
        let console = ScriptedConsole(input: [], terminal: false)
        _ = BreathingSession(pattern: .box, rounds: 1).run(on: console)
        _ = PauseSession(waitSeconds: 5, variant: 0).run(with: Asker(console: console, safety: SafetySettings()))
        let urgent = ScriptedConsole(input: ["10", "10", "1"], terminal: false)
        var safety = SafetySettings()
        safety.contacts = ["Sam"]
        _ = PauseSession(waitSeconds: 5, variant: 2).run(with: Asker(console: urgent, safety: safety, kit: "From your soothing kit: a walk."))
        texts += urgent.output.split(separator: "\n").map(String.init)
        texts += console.output.split(separator: "\n").map(String.init)
        return texts
    }

    @Test func everyToolString_isGentle() {
        let texts = Self.texts
        #expect(texts.count > 30, "the collector found suspiciously little")
        for text in texts {
            let problems = Self.problems(text)
            #expect(problems.isEmpty, "\"\(text)\": \(problems)")
        }
    }

    /// The same shaming and hurrying words in German (docs/translating.md, "Tone").
    static let forbiddenGerman = ["Serie", "verpasst", "versäumt", "vergessen", "Fehler", "versagt", "gescheitert", "du musst",
                                  "musst du", "du solltest", "solltest du", "beeil dich", "dringend", "sofort", "letzte Chance"]

    /// With LANG=de_DE.UTF-8 the same texts come out German (the session lines, the forms,
    /// the summaries with their plural) and stay gentle.
    @Test func everyToolString_speaksGerman_andIsGentle() throws {
        let english = Self.texts
        let german = try Catalogues.inLocale("de_DE.UTF-8") { Self.texts }
        #expect(german.count == english.count, "the German collection took another path")
        #expect(german.contains { $0.hasPrefix("Runde 1 von 1 · ") }, "\(german)")
        #expect(german.contains("Eine Pause") && german.contains("Wie stark war der Drang vorher?"), "\(german)")
        #expect(german.contains { $0.hasSuffix("(3 Mal).") }, "a summary with its count: \(german)")
        #expect(german.contains { $0.hasPrefix("  1 heißt ") && $0.contains(", 10 heißt ") }, "a scale's ends in words: \(german)")
        #expect(!german.contains { $0.hasPrefix("Round ") || $0 == "A pause" }, "English left over: \(german)")
        for text in german {
            let found = Self.forbiddenGerman.filter { text.range(of: "\\b\($0)\\b", options: [.regularExpression, .caseInsensitive]) != nil }
            #expect(found.isEmpty && !text.contains("!"), "\"\(text)\": \(found)")
        }
    }

    @Test func theScanner_catchesShamingWords() {
        #expect(Self.problems("You missed your streak!") == ["streak", "you missed", "!"])
    }
}

extension FormStop {
    static let allExamples: [FormStop] = [.interrupted, .inputEnded(field: "intensity"), .invalidForm("x")]
}
