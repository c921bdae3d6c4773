import Foundation
import SteadyTestSupport
import Testing

/// The tools with answers piped in (not a terminal): plain output, one answer per line,
/// clear errors, the same journal rows. Also the check-in that `steady assess` closes.
@Suite struct ToolsPipedTests {
    @Test func followUp_ofAnEntryThatIsNotThere_orWhenNoneWaits_saysSoAndExits66() throws {
        let home = try ToolsHome()
        _ = try home.steady(["wins", "add", "a calm morning"])  // an entry of another kind, #1
        let wrongKind = try home.steady(["log", "trigger", "--follow-up", "1"], input: "")
        #expect(wrongKind.status == 66)
        #expect(wrongKind.stderr.contains("there is no trigger entry #1; `steady log trigger --follow-up` without a number picks the latest."),
                "\(wrongKind.stderr)")
        let noneWaiting = try home.steady(["ask", "--follow-up"], input: "")
        #expect(noneWaiting.status == 66)
        #expect(noneWaiting.stdout.contains("No request is waiting to be looked back on."), "\(noneWaiting.stdout)")
    }

    @Test func breathe_offATerminal_printsOnePlainLinePerPhase() throws {
        let home = try ToolsHome()
        let result = try home.steady(["breathe", "4-7-8", "--rounds", "1", "--speed", "20"], input: "5\n2\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("""
            Round 1 of 1 · Breathe in through your nose · 4 s
            Round 1 of 1 · Hold, shoulders soft · 7 s
            Round 1 of 1 · Let it out slowly through your mouth · 8 s
            """), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"), "no ANSI sequences off a terminal")
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("technique", "choice")), \(ToolsHome.value("intensity-before", "number")),
                   \(ToolsHome.value("intensity-after", "number")), \(ToolsHome.value("seconds", "number")) FROM entry
            """) == "4-7-8|5|2|19")
    }

    @Test func safetyResponse_usesTheConfiguredThreshold_andNotBelow() throws {
        let home = try ToolsHome()
        let below = try home.steady(["breathe", "coherent", "--rounds", "1", "--speed", "20"], input: "7\n\n")
        #expect(below.status == 0)
        #expect(!below.stdout.contains("Sam 07700 900123"), "7 is below the threshold of 8")
        let at = try home.steady(["breathe", "coherent", "--rounds", "1", "--speed", "20"], input: "8\n\n")
        #expect(at.stdout.occurrences(of: "Sam 07700 900123") == 1, "\(at.stdout)")
        #expect(at.stdout.contains("the support line on 0800 000 000"))
    }

    @Test func safetyResponse_withoutAConfig_appearsAtTheTopOfTheScaleOnly() throws {
        let home = try ToolsHome(config: nil)
        let nine = try home.steady(["breathe", "coherent", "--rounds", "1", "--speed", "20"], input: "9\n\n")
        #expect(nine.status == 0, "\(nine.stderr)")
        #expect(!nine.stdout.contains("That is a lot to carry right now."))
        let ten = try home.steady(["breathe", "coherent", "--rounds", "1", "--speed", "20"], input: "10\n\n")
        #expect(ten.stdout.occurrences(of: "That is a lot to carry right now.") == 1, "\(ten.stdout)")
        #expect(ten.stdout.contains("your local emergency number or a crisis line"))
    }

    @Test func aStrongUrge_inThePause_getsItsOwnSofterResponse() throws {
        let home = try ToolsHome()
        let kit = try home.steady(["kit", "edit"], input: "a warm shower\n\n\nJo\n\n\n\n\n\n")
        #expect(kit.status == 0, "\(kit.stderr)")
        let ten = try home.steady(["pause", "1s", "--speed", "10"], input: "10\n9\n3\n")
        #expect(ten.status == 0, "\(ten.stderr)")
        #expect(ten.stdout.contains("That is a strong pull."), "\(ten.stdout)")
        #expect(ten.stdout.contains("Someone to talk it over with first: Sam 07700 900123."))
        #expect(ten.stdout.contains("From your soothing kit: a warm shower · Jo."))
        #expect(!ten.stdout.contains("emergency") && !ten.stdout.contains("0800 000 000"), "no emergency wording for an urge")
        #expect(!ten.stdout.contains("That is a lot to carry right now."))
    }

    @Test func aBrokenConfig_doesNotKeepAnyoneFromACalmingTool() throws {
        let home = try ToolsHome(config: "[safety]\nthreshold = 11\n")
        let result = try home.steady(["ground"], input: "10\n\n\n\n\n\n3\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("safety settings use their defaults"), "\(result.stderr)")
        #expect(result.stdout.contains("That is a lot to carry right now."), "the default threshold of 10 applies")
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("technique", "choice")), \(ToolsHome.value("intensity-before", "number")),
                   \(ToolsHome.value("intensity-after", "number")), \(ToolsHome.value("ending", "choice")) FROM entry
            """) == "grounding|10|3|finished")
    }

    @Test func pause_ratesWaitsRerates_andDecides() throws {
        let home = try ToolsHome()
        let result = try home.steady(["pause", "30s", "--speed", "30"], input: "7\n4\nlet-it-pass\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("From 7 to 4: it eased by 3."))
        #expect(result.stdout.contains("Saved to your journal (entry #1)."))
        #expect(try home.sqlite("""
            SELECT kind, \(ToolsHome.value("urge-before", "number")), \(ToolsHome.value("urge-after", "number")),
                   \(ToolsHome.value("decision", "choice")), \(ToolsHome.value("planned-seconds", "number")),
                   \(ToolsHome.value("waited-seconds", "number")) FROM entry
            """) == "pause|7|4|let-it-pass|30|30")
    }

    @Test func pause_rejectsALengthItCannotRead() throws {
        let home = try ToolsHome()
        let result = try home.steady(["pause", "soon"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("try 90s, 5m or 20m"), "\(result.stderr)")
    }

    @Test func logTrigger_whenPipedInputEndsEarly_savesNothing_andSaysWhy() throws {
        let home = try ToolsHome()
        let result = try home.steady(["log", "trigger"], input: "A late reply\n\n\n\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("the input ended before 'intensity' was answered; nothing was saved."), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.journal))
    }

    @Test func logTrigger_badLinesAreExplained_andTheNextLineIsRead() throws {
        let home = try ToolsHome()
        let result = try home.steady(["log", "trigger"], input: "A late reply\n99\n\n\n\n\nloud\n5\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("'99' is not one of this prompt's choices"), "\(result.stderr)")
        #expect(result.stderr.contains("'loud' is not on this prompt's scale"))
        #expect(try home.sqlite("SELECT \(ToolsHome.value("kind", "choice")) IS NULL, \(ToolsHome.value("intensity", "number")) FROM entry")
                == "1|5")
    }

    @Test func wins_addAndShowBack() throws {
        let home = try ToolsHome()
        let empty = try home.steady(["wins"])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("Nothing here yet."))
        #expect(try home.steady(["wins", "add", "They", "called", "back"]).status == 0)
        let asked = try home.steady(["wins", "add"], input: "I asked for what I needed\n")
        #expect(asked.status == 0, "\(asked.stderr)")
        let shown = try home.steady(["wins"])
        #expect(shown.stdout.contains("2 things worth remembering:"), "\(shown.stdout)")
        let lines = shown.stdout.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.contains("I asked for what I needed") })
        let second = try #require(lines.firstIndex { $0.contains("They called back") })
        #expect(first < second, "newest first")
        let json = try home.steady(["wins", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["text"] as? String } == ["I asked for what I needed", "They called back"])
        #expect(items.allSatisfy { $0["source"] as? String == "added" })
        #expect(try home.sqlite("SELECT count(*) FROM entry WHERE kind = 'win'") == "2")
        let blank = try home.steady(["wins", "add", "  "])
        #expect(blank.status == 65)
    }

    @Test func checkIns_assessClosesTheMonthlyOne_andAnsweredWinsShowInTheList() throws {
        let home = try ToolsHome(config: nil)
        let notify = try NotifySocket(directory: home.root.path)
        let slot = Self.slot(inSeconds: 3)
        try home.root.write("config/steady/config.toml", """
            quiet-hours = "off"
            [practices.self-assessment]
            schedule = "\(slot)"
            [practices.wins]
            schedule = "\(slot)"
            """)
        var env = home.environment
        env["NOTIFY_SOCKET"] = notify.path
        let daemon = ChildProcess(SteadyBinary.path, ["daemon"], environment: env)
        try daemon.start()
        defer { if daemon.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(forLine: "READY=1", timeout: 20) != nil, "stderr: \(daemon.stderr)")
        #expect(notify.wait(timeout: 20) { $0.notifyField("STATUS")?.contains("2 pending") == true } != nil,
                "stderr: \(daemon.stderr)")

        // `steady assess` answers the waiting self-assessment check-in through the daemon.
        let result = try home.steady(["assess"], input: String(repeating: "2\n", count: 28))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try home.sqlite("""
            SELECT p.practice, p.outcome, a.kind, a.text, a.channel FROM answer a JOIN prompt p ON p.id = a.prompt_id
            """) == "self-assessment|answered|choice|done|terminal")
        #expect(try home.sqlite("SELECT count(*) FROM entry WHERE kind = 'self-assessment'") == "1")

        // A wins check-in answered with `steady answer` is read back by `steady wins`, with an added one.
        let wins = try home.sqlite("SELECT id FROM prompt WHERE practice = 'wins' AND outcome = 'pending'")
        let answered = try home.steady(["answer", wins, "My sister stayed on the phone"])
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(try home.steady(["wins", "add", "I said no kindly"]).status == 0)
        let json = try home.steady(["wins", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["text"] as? String } == ["I said no kindly", "My sister stayed on the phone"], "\(json.stdout)")
        #expect(items.map { $0["source"] as? String } == ["added", "check-in"])

        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 2) == 0)
    }

    @Test func everythingTheToolsSay_isGentle() throws {
        let home = try ToolsHome()
        var outputs: [(String, CommandResult)] = []
        for command in ["log", "log trigger", "log thought", "pause", "breathe", "ground", "relax", "body-scan", "assess", "wins",
                        "ask", "check", "kit", "kit edit"] {
            let words = command.split(separator: " ").map(String.init)
            outputs.append(("\(command) --help", try home.steady(words + ["--help"])))
        }
        outputs.append(("breathe", try home.steady(["breathe", "box", "--rounds", "1", "--speed", "40"], input: "10\n9\n")))
        outputs.append(("ground", try home.steady(["ground"], input: "\n\n\n\n\n\n\n")))
        outputs.append(("relax", try home.steady(["relax", "--speed", "100"], input: "\n\n")))
        outputs.append(("body-scan", try home.steady(["body-scan", "--speed", "100"], input: "4\n6\n")))
        outputs.append(("pause", try home.steady(["pause", "1s", "--speed", "10"], input: "6\n3\n2\n")))
        outputs.append(("pause", try home.steady(["pause", "1s", "--speed", "10"], input: "3\n6\n1\n")))
        outputs.append(("trigger", try home.steady(["log", "trigger"], input: "x\n\n\n\nwistful\n6\n\n")))
        outputs.append(("follow-up", try home.steady(["log", "trigger", "--follow-up"], input: "4\n6\n")))
        outputs.append(("follow-up again", try home.steady(["log", "trigger", "--follow-up"])))
        outputs.append(("thought", try home.steady(["log", "thought"], input: "a\nb\n50\n\nc\nd\ne\nf\n60\n")))
        outputs.append(("ended early", try home.steady(["log", "thought"], input: "a\n")))
        outputs.append(("assess", try home.steady(["assess"], input: String(repeating: "4\n", count: 28))))
        outputs.append(("assess again", try home.steady(["assess"], input: String(repeating: "2\n", count: 28))))
        outputs.append(("wins add", try home.steady(["wins", "add", "a kind word"])))
        outputs.append(("wins", try home.steady(["wins"])))
        outputs.append(("ask", try home.steady(["ask"], input: "Sam\n7\n1\ncall me tonight\n")))
        outputs.append(("ask follow-up", try home.steady(["ask", "--follow-up"], input: "1\n1\n")))
        outputs.append(("check", try home.steady(["check"], input: "8\nno reply\n\nbusy\n\n\n1\n2\n5\n")))
        outputs.append(("kit none", try home.steady(["kit"])))
        outputs.append(("kit edit", try home.steady(["kit", "edit"], input: "a bath\n\n\n\n\n\n\n\n\n")))
        outputs.append(("kit", try home.steady(["kit"])))
        let forbidden = ["streak", "fail", "failed", "you forgot", "you missed", "hurry", "urgent", "immediately",
                         "you should", "you must", "don't give up"]
        for (name, result) in outputs {
            let text = result.stdout + result.stderr
            #expect(!text.isEmpty, "\(name) said nothing")
            #expect(!text.contains("!"), "\(name): \(text)")
            for phrase in forbidden {
                #expect(text.range(of: "\\b\(phrase)\\b", options: [.regularExpression, .caseInsensitive]) == nil, "\(name) uses '\(phrase)': \(text)")
            }
        }
        // The runs above were real: every one that should have saved, did.
        #expect(try home.sqlite("SELECT kind, count(*) FROM entry GROUP BY kind ORDER BY kind") == """
            asking|1
            asking-follow-up|1
            calming|4
            pause|2
            reality-check|1
            self-assessment|2
            soothing-kit|1
            thought-record|1
            trigger-journal|1
            trigger-journal-follow-up|1
            win|2
            """)
    }

    /// `*-*-* HH:MM:SS` (UTC) for a moment `seconds` from now.
    static func slot(inSeconds seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + Double(seconds)).rounded(.up))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "*-*-* %02d:%02d:%02d", c.hour!, c.minute!, c.second!)
    }
}
