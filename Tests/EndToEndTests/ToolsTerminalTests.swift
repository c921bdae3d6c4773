import Foundation
import SteadyTestSupport
import Testing

/// The interactive tools driven through a real pseudo-terminal (tmux), against the real
/// `steady` binary, with the journal checked through the sqlite3 CLI.
///
/// `breathe` runs with the hidden `--speed` option (the pattern's clock runs that many times
/// faster; see `PacingOptions`) so a round takes seconds rather than tens of seconds; the
/// phases, counts and stored durations are those of the real pattern.
@Suite(.serialized) struct ToolsTerminalTests {
    static let safetyLine = "the support line on 0800 000 000"

    @Test func logTrigger_savesTheEntry_showsTheSafetyResponseAtTheThreshold_andTheFollowUpLinksBack() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("trigger", ["log", "trigger"])
        try pane.answer("[1/7] What happened?", with: "A late reply")
        try pane.answer("[2/7] What kind of moment", with: "1")
        try pane.answer("[3/7] What went through your mind?", with: "They are pulling away")
        try pane.answer("[4/7] What did you notice in your body?", with: "")
        try pane.answer("[5/7] Which feeling was strongest?", with: "7")
        try pane.answer("[6/7] How strong was it", with: "12")
        try pane.waitFor("'12' is not on")
        try pane.type("8")
        try pane.answer("[7/7] What did you do", with: "Wrote it down")
        // A strong one: the past-or-present check is offered; Enter lets it be.
        try pane.answer("short past-or-present check? [y/N]", with: "")
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("Saved as entry #1."), "\(screen)")
        // Threshold 8 in [safety]: a rating of 8 shows the response, once, with the person's contact.
        #expect(screen.occurrences(of: "Sam 07700 900123") == 1, "\(screen)")
        #expect(screen.occurrences(of: Self.safetyLine) == 1)
        #expect(screen.contains("That is a lot to carry right now."))

        let row = try home.sqlite("""
            SELECT kind, parent_id IS NULL, \(ToolsHome.value("what-happened", "text")), \(ToolsHome.value("kind", "choice")),
                   \(ToolsHome.value("thoughts", "text")), \(ToolsHome.value("body", "text")) IS NULL,
                   \(ToolsHome.value("feeling", "choice")), \(ToolsHome.value("intensity", "number")),
                   \(ToolsHome.value("what-i-did", "text")) FROM entry
            """)
        #expect(row == "trigger-journal|1|A late reply|distance|They are pulling away|1|lonely|8|Wrote it down")

        // Later: the follow-up finds the entry, re-rates below the threshold (no safety response).
        let later = try home.terminal("follow-up", ["log", "trigger", "--follow-up"])
        try later.waitFor("Entry #1")
        try later.waitFor("A late reply — 8 of 10 at the time")
        try later.answer("[1/2] How long did it take to settle?", with: "2")
        try later.answer("[2/2] How strong is it now", with: "7")
        #expect(try later.exitStatus() == 0)
        let after = try later.screen()
        #expect(after.contains("From 8 to 7: it eased by 1."), "\(after)")
        #expect(!after.contains("Sam 07700 900123"), "a 7 is below the threshold of 8: \(after)")
        #expect(!after.contains(Self.safetyLine))
        #expect(try home.sqlite("""
            SELECT kind, parent_id, \(ToolsHome.value("settled-after", "choice")), \(ToolsHome.value("intensity-now", "number"))
            FROM entry WHERE id = 2
            """) == "trigger-journal-follow-up|1|half-hour|7")

        // Nothing is left waiting.
        let none = try home.steady(["log", "trigger", "--follow-up"])
        #expect(none.status == 66)
        #expect(none.stdout.contains("No trigger entry is waiting for a follow-up."))
    }

    @Test func logThought_savesTheRecord_andShowsTheBeliefChange() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("thought", ["log", "thought"])
        try pane.answer("[1/9] Where were you", with: "At my desk, after sending a long message")
        try pane.answer("[2/9] What is the anxious thought", with: "I said too much")
        try pane.answer("[3/9] How true does it feel right now", with: "80")
        try pane.answer("[4/9] Does it look like one of these?", with: "2")
        try pane.answer("[5/9] What seems to back the thought up?", with: "No reply yet")
        try pane.answer("[6/9] What doesn't fit the thought?", with: "They are in a meeting until four")
        try pane.answer("[7/9] If a friend told you this thought", with: "It was a kind message")
        try pane.answer("[8/9] What's a fairer way to see it?", with: "They will answer when they can")
        try pane.answer("[9/9] How true does the first thought feel now", with: "30")
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("From 80 to 30: it eased by 50."), "\(screen)")
        #expect(screen.contains("Saved as entry #1."))
        // Belief is on a 0–100 scale, not the 1–10 intensity the safety response watches.
        #expect(!screen.contains(Self.safetyLine))
        #expect(try home.sqlite("""
            SELECT kind, \(ToolsHome.value("thought", "text")), \(ToolsHome.value("belief-before", "number")),
                   \(ToolsHome.value("pattern", "choice")), \(ToolsHome.value("belief-after", "number")) FROM entry
            """) == "thought-record|I said too much|80|mind-reading|30")
    }

    @Test func logThought_ctrlC_keepsADraft_andTheNextRunOffersToContinueIt() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("stop", ["log", "thought"])
        try pane.answer("[1/9] Where were you", with: "At my desk")
        try pane.answer("[2/9] What is the anxious thought", with: "I said too much")
        try pane.waitFor("[3/9]")
        try pane.press("C-c")
        #expect(try pane.exitStatus() == 130)
        #expect(try pane.screen().contains("Stopped. What you wrote is kept as a draft; `steady log thought` offers to continue it."))
        #expect(try home.sqlite("SELECT form, json_extract(payload, '$.thought') FROM draft") == "thought-record|I said too much")
        #expect(try home.sqlite("SELECT count(*) FROM entry") == "0", "a draft is not an entry")

        let again = try home.terminal("continue", ["log", "thought"])
        try again.waitFor("You have an unfinished thought record from ")
        try again.waitFor("(2 of 9 answered)")
        try again.answer("Continue where you left off? (No lets it go.) [Y/n]", with: "")
        try again.answer("[3/9] How true does it feel right now", with: "70")
        #expect(try !again.screen().contains("[1/9]"), "answered questions are not asked again")
        try again.answer("[4/9] Does it look like one of these?", with: "")
        try again.answer("[5/9] What seems to back the thought up?", with: "No reply")
        try again.answer("[6/9] What doesn't fit the thought?", with: "They are busy")
        try again.answer("[7/9] If a friend told you this thought", with: "Be kind")
        try again.answer("[8/9] What's a fairer way to see it?", with: "Both can be true")
        try again.answer("[9/9] How true does the first thought feel now", with: "30")
        #expect(try again.exitStatus() == 0)
        #expect(try again.screen().contains("Saved as entry #1."))
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("situation", "text")), \(ToolsHome.value("thought", "text")), \(ToolsHome.value("belief-after", "number"))
            FROM entry
            """) == "At my desk|I said too much|30")
        #expect(try home.sqlite("SELECT count(*) FROM draft") == "0", "finished, so the draft is gone")
    }

    @Test func ctrlC_beforeAnythingIsWritten_keepsNothing() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("nothing", ["log", "thought"])
        try pane.waitFor("[1/9] Where were you")
        try pane.press("C-c")
        #expect(try pane.exitStatus() == 130)
        #expect(try pane.screen().contains("Nothing was written yet, so there is nothing to keep"))
        #expect(!FileManager.default.fileExists(atPath: home.journal))
    }

    @Test func assess_savesEveryRating_andComparesWithTheLastTime() throws {
        let home = try ToolsHome()
        // A first assessment, piped: every sentence "1" (patterns rare, resources rare too).
        let first = try home.steady(["assess"], input: String(repeating: "1\n", count: 28))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Emotional responses: this pattern shows up only now and then."))
        #expect(first.stdout.contains("Security and trust: an area that could use some extra care."))

        // The second, in a terminal: every sentence "3".
        let pane = try home.terminal("assess", ["assess"])
        try pane.waitFor("Monthly self-assessment")
        for number in 1...28 {
            try pane.answer("[\(number)/28]", with: "3")
        }
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("Since "), "\(screen)")
        #expect(screen.contains("Emotional responses: a bit more present than last time"))
        #expect(screen.contains("Security and trust: feels stronger than last time."))
        #expect(screen.contains("Saved as entry #2."))
        #expect(try home.sqlite("""
            SELECT count(*), sum(\(ToolsHome.value("emotional.doubt-care", "number"))),
                   max(\(ToolsHome.value("security.steady", "number"))) FROM entry WHERE kind = 'self-assessment'
            """) == "2|4|3")
        #expect(try home.sqlite("SELECT (SELECT count(*) FROM json_each(payload)) FROM entry WHERE id = 2") == "28")
    }

    @Test func breathe_pacesLiveInPlace_andKeepsBeforeAndAfter() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("breathe", ["breathe", "box", "--rounds", "1", "--speed", "4"])
        try pane.answer("Before you start", with: "7")
        // The live line: phase cue, count, breath bar, round and time left.
        try pane.waitUntil("the live line with a filled breath bar") {
            $0.contains("round 1 of 1 ·") && $0.contains("█") && $0.contains(" left")
        }
        try pane.answer("And now, from 1 to 10?", with: "3")
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("Box breathing: 1 round, 0:16. Saved to your journal (entry #1)."), "\(screen)")
        #expect(screen.contains("From 7 to 3: it eased by 4."))
        // Redrawn in place and cleared at the end: no phase line is left behind.
        #expect(!screen.contains("round 1 of 1 ·"), "\(screen)")
        #expect(!screen.contains("Round 1 of 1 · Breathe in"), "the plain (non-terminal) form was used: \(screen)")
        #expect(screen.contains("[tty echo]"), "echo was not restored: \(screen)")
        #expect(try home.sqlite("""
            SELECT kind, \(ToolsHome.value("technique", "choice")), \(ToolsHome.value("intensity-before", "number")),
                   \(ToolsHome.value("intensity-after", "number")), \(ToolsHome.value("ending", "choice")),
                   \(ToolsHome.value("seconds", "number")) FROM entry
            """) == "calming|box|7|3|finished|16")
    }

    @Test func breathe_ctrlC_endsGently_keepsWhatWasDone_andRestoresTheTerminal() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("breathe-stop", ["breathe", "coherent", "--rounds", "5"])
        try pane.answer("Before you start", with: "")
        try pane.waitFor("round 1 of 5 ·")
        try pane.press("C-c")
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("Stopped there, and that's fine."), "\(screen)")
        #expect(screen.contains("Coherent breathing: part of the first round"))
        #expect(!screen.contains("And now, from 1 to 10?"), "no second question after Ctrl-C")
        #expect(screen.contains("[tty echo]"), "echo was not restored: \(screen)")
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("technique", "choice")), \(ToolsHome.value("intensity-before", "number")) IS NULL,
                   \(ToolsHome.value("intensity-after", "number")) IS NULL, \(ToolsHome.value("ending", "choice")),
                   \(ToolsHome.value("seconds", "number")) < 50 FROM entry
            """) == "coherent|1|1|stopped-early|1")
    }
}
