import Foundation
import SteadyTestSupport
import Testing

/// Checks 1–7 of the server matrix, the same for every server; where a server cannot do what a
/// check needs at all (notify-osd has no buttons), the check proves steady's fallback instead.
///
/// Every check runs its own `steady daemon` (release build, fresh journal) with the evening
/// reflection (a 1–5 scale) due two seconds after start, and acts as a person would on the
/// server's own bubble.
enum MatrixChecks {
    static let practice = "evening-reflection"
    /// One question per prompt: the checks follow one bubble from due to done, so the
    /// feeling word that would follow in the same bubble is turned off.
    static let practiceSettings = "feeling-word = false"

    /// 1. A due prompt appears on screen at its time (on GNOME: as a banner, not only in the list).
    static func promptAppearsWhenDue(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: practice)
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        try desktop.waitUntilShowing(prompt.summary, monitor: run.monitor)
        let delivered = try #require(Double(try run.sqlite("SELECT delivered_at FROM prompt")), "no delivery recorded")
        #expect(delivered >= run.due.timeIntervalSince1970, "shown before it was due")
        #expect(delivered < run.due.timeIntervalSince1970 + 5, "shown \(delivered - run.due.timeIntervalSince1970) s after it was due")
        if desktop.server.hasActions {
            #expect(prompt.actions.contains("steady:later") && prompt.actions.contains("default"), "\(prompt)")
        } else {
            // No `actions` capability: none are sent (notify-osd would open a modal dialog), and the
            // bubble says how to answer instead.
            #expect(prompt.actions.isEmpty && prompt.expireTimeout == -1, "\(prompt)")
            let dialog = try desktop.accessibility(["texts", "notify-osd"])
            #expect(!dialog.contains("Warning"), "a bubble, not notify-osd's modal dialog: \(dialog)")
            #expect(prompt.plainBody.contains("steady answer \(try run.sqlite("SELECT id FROM prompt"))"), "\(prompt)")
        }
        if let folder = ProcessInfo.processInfo.environment["STEADY_MATRIX_SCREENSHOTS"] {
            try desktop.screenshot(to: URL(fileURLWithPath: folder).appendingPathComponent("\(desktop.server.rawValue).png"))
        }
    }

    /// 2. A person answers on the bubble and the answer is in the journal; 3. the bubble then
    /// says thank you in place, or closes, and no bubble with the prompt's buttons is left.
    static func answerOnTheBubble_thenThanksInPlace(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: practice)
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        let id = try run.sqlite("SELECT id FROM prompt")
        try desktop.waitUntilShowing(prompt.summary, monitor: run.monitor)
        let channel: String
        if !desktop.server.hasActions {
            let answered = try run.steady(["answer", id, "4"])
            #expect(answered.status == 0, "\(answered.stderr)")
            channel = "terminal"
        } else {
            try choose("4", orInTerminal: "4", prompt: prompt, id: id, on: desktop, run: run)
            channel = "notification"
        }
        try run.waitForJournal("SELECT p.outcome, a.number, a.channel FROM prompt p JOIN answer a ON a.prompt_id = p.id",
                               toRead: "answered|4|\(channel)")

        // 3. The question is gone from the screen, and no prompt buttons are left behind.
        try desktop.waitUntilShowing(marker(prompt, desktop), gone: true, monitor: run.monitor)
        try waitForNoPromptButtons(desktop, run: run)
        let after = run.monitor.notifies.dropFirst()
        if let thanks = after.first(where: { $0.summary == prompt.summary }) {  // not the blank of a closed bubble
            #expect(thanks.replacesID == (desktop.server.replacesInPlace ? prompt.returnedID : 0), "the thank-you took the bubble's place: \(after)")
            #expect(thanks.actions.isEmpty, "\(thanks)")
        }
    }

    /// 4. "Later" brings the prompt back (in place), and "Skip" ends it.
    static func laterBringsItBack_skipEndsIt(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: practice, settings: "snooze = \"3s\"")
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        let id = try run.sqlite("SELECT id FROM prompt")
        try desktop.waitUntilShowing(prompt.summary, monitor: run.monitor)
        try choose("steady:later", orInTerminal: "later", prompt: prompt, id: id, on: desktop, run: run)
        try run.waitForJournal("SELECT outcome, snoozes FROM prompt", toRead: "pending|1")
        if desktop.server.hasActions {
            // The bubble says when, in its own place (GNOME Shell closes a clicked banner, so there it
            // is sent but not seen).
            let notice = try run.notifyCall(titled: prompt.summary, occurrence: 2)
            #expect(notice.plainBody.hasPrefix("Later, then.") && notice.replacesID == (desktop.server.replacesInPlace ? prompt.returnedID : 0),
                    "\(notice)")
        }
        // Back after three seconds.
        let again = try run.notifyCall(titled: prompt.summary, occurrence: desktop.server.hasActions ? 3 : 2)
        try desktop.waitUntilShowing(marker(prompt, desktop), monitor: run.monitor)
        try choose("steady:skip", orInTerminal: "skip", prompt: again, id: id, on: desktop, run: run)
        try run.waitForJournal("SELECT outcome FROM prompt", toRead: "skipped")
        try desktop.waitUntilShowing(marker(prompt, desktop), gone: true, monitor: run.monitor)
        try waitForNoPromptButtons(desktop, run: run)
    }

    /// 5. A prompt answered in the terminal disappears from the screen.
    static func answeredInTerminal_leavesTheScreen(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: practice)
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        try desktop.waitUntilShowing(marker(prompt, desktop), monitor: run.monitor)
        let answered = try run.steady(["answer", try run.sqlite("SELECT id FROM prompt"), "3"])
        #expect(answered.status == 0, "\(answered.stderr)")
        try desktop.waitUntilShowing(marker(prompt, desktop), gone: true, monitor: run.monitor)
        try waitForNoPromptButtons(desktop, run: run)
        try desktop.waitUntilNothingKept()
    }

    /// 6. After a daemon restart one live bubble shows the prompt, not two, and it answers.
    static func restart_leavesOneLiveBubble(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: practice)
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        try desktop.waitUntilShowing(marker(prompt, desktop), monitor: run.monitor)
        try run.restart()
        try run.waitForJournal("SELECT count(*) FROM event WHERE kind = 'delivered'", toRead: "2")
        let again = try run.notifyCall(titled: prompt.summary, occurrence: 2)
        try desktop.waitUntilShowing(marker(prompt, desktop), monitor: run.monitor)
        #expect(try desktop.showingCount(marker(prompt, desktop), monitor: run.monitor) == 1, "on screen: \(desktop.screenTexts(monitor: run.monitor))")
        // The bubble on screen is the new daemon's: answering on it works.
        try choose("3", orInTerminal: "3", prompt: again, id: try run.sqlite("SELECT id FROM prompt"), on: desktop, run: run)
        try run.waitForJournal("SELECT outcome FROM prompt", toRead: "answered")
        try desktop.waitUntilShowing(marker(prompt, desktop), gone: true, monitor: run.monitor)
    }

    /// 7. No signal is handled twice: one "Later" puts the prompt off once and says so once, one
    /// answer is kept once and thanked once, however many copies of a signal the server sends.
    static func noSignalHandledTwice(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: practice, settings: "snooze = \"3s\"")
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        let id = try run.sqlite("SELECT id FROM prompt")
        try desktop.waitUntilShowing(marker(prompt, desktop), monitor: run.monitor)
        try choose("steady:later", orInTerminal: "later", prompt: prompt, id: id, on: desktop, run: run)
        let again = try run.notifyCall(titled: prompt.summary, occurrence: desktop.server.hasActions ? 3 : 2)
        try desktop.waitUntilShowing(marker(prompt, desktop), monitor: run.monitor)
        try choose("5", orInTerminal: "5", prompt: again, id: id, on: desktop, run: run)
        try run.waitForJournal("SELECT outcome, snoozes FROM prompt", toRead: "answered|1")
        // A duplicate would arrive right behind the original; nothing announces its absence, so
        // give it a moment before counting.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try run.sqlite("SELECT count(*) FROM answer") == "1")
        let calls = run.monitor.notifies.filter { $0.summary == prompt.summary }  // not the blanks of withdrawn bubbles
        #expect(calls.filter { $0.plainBody.hasPrefix("Later, then.") }.count == (desktop.server.hasActions ? 1 : 0), "\(calls)")
        // Thanks only for an answer chosen on the bubble: Answer… (GNOME) closes it for the dialog.
        let thanked = desktop.server.hasActions && offeredLabel(of: "5", in: again) != nil
        #expect(calls.count == (desktop.server.hasActions ? 3 : 2) + (thanked ? 1 : 0), "prompt, later notice, prompt, thanks: \(calls)")
        print("matrix: \(desktop.serverDescription): ActionInvoked signals on the bus for two clicks: \(run.monitor.signalCount("ActionInvoked"))")
    }

    /// 2, typed: on a server with `inline-reply` (Plasma) a text prompt is answered in the bubble's
    /// own field, and the words go straight to the journal (and nowhere else).
    static func inlineReply_isKept(_ desktop: ServerDesktop) throws {
        let run = try MatrixDaemon(on: desktop, practice: "wins")
        defer { run.stop() }
        let prompt = try run.waitForPrompt()
        #expect(prompt.actions.contains("inline-reply") && !prompt.actions.contains("steady:answer"), "\(prompt)")
        try desktop.waitUntilShowing(prompt.plainBody, monitor: run.monitor)
        let label = try #require(offeredLabel(of: "inline-reply", in: prompt))
        try desktop.press(key: "inline-reply", label: label, id: try #require(prompt.returnedID), summary: prompt.summary)
        try desktop.accessibility(["reply", try #require(desktop.server.accessibleName), "called my sister back", "Send", "--near", prompt.summary])
        try run.waitForJournal("SELECT a.kind, a.text, a.channel FROM answer a", toRead: "text|called my sister back|notification")
        try desktop.waitUntilShowing(prompt.plainBody, gone: true, monitor: run.monitor)
        #expect(!run.process.stderr.contains("sister"), "what was written stays in the journal")
    }

    // MARK: - Helpers

    /// The text that shows the prompt itself on screen: its question, or (swaync) its title.
    static func marker(_ prompt: BusMonitor.Notify, _ desktop: ServerDesktop) -> String {
        desktop.server.showsBodyToAccessibility ? prompt.plainBody : prompt.summary
    }

    /// The label the bubble shows for action `key`, if it was offered.
    static func offeredLabel(of key: String, in notify: BusMonitor.Notify) -> String? {
        zip(notify.actions, notify.actionLabels).first { $0.0 == key }?.1
    }

    /// Chooses `key` on the bubble, or (no buttons on this server) types `word` in the terminal.
    static func choose(_ key: String, orInTerminal word: String, prompt: BusMonitor.Notify, id: String,
                       on desktop: ServerDesktop, run: MatrixDaemon) throws {
        guard desktop.server.hasActions else {
            let result = try run.steady(["answer", id, word])
            #expect(result.status == 0, "\(result.stderr)")
            return
        }
        if let label = offeredLabel(of: key, in: prompt) {
            try desktop.press(key: key, label: label, id: try #require(prompt.returnedID), summary: prompt.summary)
            return
        }
        // Fewer buttons than choices (GNOME Shell): "Answer…" opens the dialog with every choice.
        let answer = try #require(offeredLabel(of: "steady:answer", in: prompt), "neither \(key) nor Answer… was offered: \(prompt)")
        try word.write(toFile: run.home.file("dialog-answer"), atomically: true, encoding: .utf8)
        try desktop.press(key: "steady:answer", label: answer, id: try #require(prompt.returnedID), summary: prompt.summary)
    }

    /// Waits until no bubble on screen offers steady's prompt buttons ("Later", "Skip").
    static func waitForNoPromptButtons(_ desktop: ServerDesktop, run: MatrixDaemon) throws {
        switch desktop.server {
        case .dunst, .notifyOSD, .mako:
            let deadline = Date().addingTimeInterval(10)
            while try desktop.liveTexts(monitor: run.monitor).contains(where: { !$0.actions.isEmpty }) {
                guard Date() < deadline else {
                    throw TestSupportError("a bubble with buttons is still up: \(try desktop.liveTexts(monitor: run.monitor))")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        default:
            for label in ["Later", "Skip"] {
                try desktop.accessibility(["wait-text", desktop.server.accessibleName!, label, "--exact", "--gone", "--timeout", "10"])
            }
        }
    }
}
