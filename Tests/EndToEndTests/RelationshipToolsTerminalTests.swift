import Foundation
import SteadyTestSupport
import Testing

/// `steady ask`, `check`, `kit` and the pause's offers, as a new person would use them: the
/// real binary in a real pseudo-terminal (tmux), the journal checked with the sqlite3 CLI.
@Suite(.serialized) struct RelationshipToolsTerminalTests {
    @Test func ask_shapesTheMessage_keepsIt_andLaterAsksHowItWent() throws {
        let home = try ToolsHome(config: ToolsHome.safetyConfig + "\n[practices.asking]\n")
        let pane = try home.terminal("ask", ["ask"])
        try pane.waitFor("Asking for what you need")
        try pane.answer("[1/4] Who is it for?", with: "Alex")
        try pane.answer("[2/4] What have you been feeling?", with: "unmoored")
        try pane.answer("[3/4] What is it mostly about?", with: "1")
        try pane.answer("[4/4] What is one specific thing that would help?", with: "remind me of something you love about us")
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("Alex, I've been feeling unmoored lately. Could you remind me of something you love about us?"), "\(screen)")
        #expect(screen.contains("steady never sends anything"))
        #expect(screen.contains("You have written a request for reassurance once in the last 30 days."))
        #expect(screen.contains("steady will ask how it went"))
        #expect(try home.sqlite("""
            SELECT kind, \(ToolsHome.value("feeling", "text")), \(ToolsHome.value("kind", "choice")),
                   \(ToolsHome.value("message", "text")) FROM entry
            """) == "asking|unmoored|reassurance|Alex, I've been feeling unmoored lately. Could you remind me of something you love about us?")
        #expect(try home.sqlite("SELECT practice, follow_up_key, entry_id FROM prompt") == "asking|how-it-went|1",
                "the check-in is waiting in the journal for the daemon")

        let later = try home.terminal("ask-later", ["ask", "--follow-up"])
        try later.waitFor("Request #1")
        try later.answer("How did it go?", with: "1")
        try later.answer("Would you like to keep it as a win?", with: "1")
        #expect(try later.exitStatus() == 0)
        #expect(try later.screen().contains("Kept with your wins"))
        #expect(try home.sqlite("SELECT outcome FROM prompt") == "answered", "the waiting check-in is closed")
        let wins = try home.steady(["wins"])
        #expect(wins.stdout.contains("I asked for what I needed (remind me of something you love about us), and it went well."), "\(wins.stdout)")
    }

    @Test func aStrongTrigger_offersTheCheck_whichIsSavedWithIt() throws {
        let home = try ToolsHome()
        let pane = try home.terminal("check", ["log", "trigger"])
        try pane.answer("[1/7] What happened?", with: "No reply since noon")
        for _ in 2...5 { try pane.waitFor("(Enter to skip)"); try pane.type("") }
        try pane.answer("[6/7] How strong was it", with: "7")
        try pane.answer("[7/7] What did you do", with: "")
        try pane.answer("short past-or-present check? [y/N]", with: "y")
        try pane.answer("[1/9] How strong is the feeling right now", with: "7")
        try pane.answer("[2/9] What is actually happening right now?", with: "No message since noon")
        try pane.answer("[3/9] What does the feeling remind you of?", with: "Waiting after school")
        try pane.answer("[4/9] What is the most likely explanation?", with: "A long meeting")
        try pane.answer("[5/9] What else could it be?", with: "")
        try pane.answer("[6/9] When did you come through", with: "Last week")
        try pane.answer("[7/9] How old does this feeling feel?", with: "1")
        try pane.answer("[8/9] Looking at it now", with: "2")
        try pane.answer("[9/9] And how strong is it now", with: "4")
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("From 7 to 4: it eased by 3."), "\(screen)")
        #expect(screen.contains("an old alarm ringing in a new room"))
        #expect(try home.sqlite("SELECT kind, parent_id FROM entry ORDER BY id") == "trigger-journal|\nreality-check|1")
        #expect(try home.sqlite("SELECT \(ToolsHome.value("past-or-present", "choice")) FROM entry WHERE id = 2") == "mostly-older")
    }

    @Test func kit_isStartedFromTheirOwnRatings_andShowsUpInThePause() throws {
        let home = try ToolsHome()
        for _ in 0..<2 {
            let breathe = try home.steady(["breathe", "box", "--rounds", "1", "--speed", "40"], input: "7\n3\n")
            #expect(breathe.status == 0, "\(breathe.stderr)")
        }
        let pane = try home.terminal("kit", ["kit", "edit"])
        try pane.waitFor("[1/9] What calms your body?")
        try pane.waitFor("Your own ratings say box breathing eased things most for you (by 4 on average).")
        try pane.answer("(Enter keeps: box breathing · - leaves it out)", with: "")
        try pane.answer("[2/9] What comforts your feelings?", with: "My favourite song")
        try pane.answer("[3/9] What steadies your mind?", with: "")
        try pane.answer("(Enter keeps: Sam 07700 900123 · - leaves it out)", with: "")
        for number in 5...9 { try pane.answer("[\(number)/9]", with: number == 7 ? "Back to basics, then a walk" : "") }
        #expect(try pane.exitStatus() == 0)
        let screen = try pane.screen()
        #expect(screen.contains("For your body"), "\(screen)")
        #expect(screen.contains("Your setback plan"))
        #expect(try home.sqlite("""
            SELECT \(ToolsHome.value("body", "text")), \(ToolsHome.value("people", "text")), \(ToolsHome.value("setback-steps", "text"))
            FROM entry WHERE kind = 'soothing-kit'
            """) == "box breathing|Sam 07700 900123|Back to basics, then a walk")

        let shown = try home.steady(["kit"])
        #expect(shown.stdout.contains("box breathing") && shown.stdout.contains("Back to basics, then a walk"), "\(shown.stdout)")

        let pause = try home.terminal("pause", ["pause", "2s", "--speed", "4"])
        try pause.answer("How strong is the urge", with: "6")
        try pause.waitFor("From your soothing kit: box breathing · My favourite song · Sam 07700 900123.")
        try pause.answer("And now, from 1 to 10?", with: "5")
        try pause.answer("What would you like to do?", with: "1")
        try pause.answer("into a calm message first? [y/N]", with: "y")
        try pause.answer("[1/4] Who is it for?", with: "")
        try pause.answer("[2/4] What have you been feeling?", with: "lonely")
        try pause.answer("[3/4] What is it mostly about?", with: "2")
        try pause.answer("[4/4] What is one specific thing", with: "plan a walk this weekend")
        #expect(try pause.exitStatus() == 0)
        #expect(try pause.screen().contains("I've been feeling lonely lately. Could we plan a walk this weekend?"))
        #expect(try home.sqlite("SELECT kind FROM entry ORDER BY id") == "calming\ncalming\nsoothing-kit\npause\nasking")
    }
}
