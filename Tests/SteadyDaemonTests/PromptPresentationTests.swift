import Foundation
import SteadyNotifications
import SteadyJournal
import SteadyKit
import SteadyTestSupport
import Testing
@testable import SteadyDaemon

/// How a prompt is fitted to a notification server (actions within what it shows, a
/// default action), to the answer dialog, and to the terminal.
@Suite struct PromptPresentationTests {
    static func server(_ name: String, _ capabilities: Set<String> = ["actions", "body", "body-markup"]) -> ServerInfo {
        ServerInfo(name: name, vendor: "test", version: "1", specVersion: "1.2", capabilities: capabilities)
    }

    /// A pending morning-mindfulness prompt (five choices) from a real journal.
    static func morningPrompt() throws -> (EngineHarness, PromptRecord) {
        let h = try EngineHarness(config: "quiet-hours = \"off\"\n[practices.morning-mindfulness]\nschedule = \"08:00\"\n",
                                  start: "2026-12-01 07:59")
        h.clock.advance(by: 60)
        return (h, try #require(try h.journal.pendingPrompts().first))
    }

    @Test func serverShowingThreeActions_getsAnswerInsteadOfTheChoices_andKeepsLater() throws {
        let (h, prompt) = try Self.morningPrompt()
        let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
        #expect(offer.actions.count > 3)
        let shown = NotificationChannel.notification(for: offer, server: Self.server("gnome-shell"), replacing: nil)
        let visible = shown.actions.filter { $0.key != "default" }
        #expect(visible.count <= 3, "\(visible)")
        #expect(visible.first?.key == "steady:answer" && visible.first?.label == "Answer…")
        #expect(visible.contains { $0.key == "steady:later" })
        #expect(shown.actions.last?.key == "default", "clicking the bubble opens the answer dialog")
    }

    /// With LANG=de_DE.UTF-8, steady's own action labels, the bubble without buttons and
    /// "I'll ask again at …" are German.
    @Test func inGerman_stedysOwnLabels_andTheNotices_speakGerman() throws {
        let (h, prompt) = try Self.morningPrompt()
        let (labels, bare, again) = try Catalogues.inLocale("de_DE.UTF-8") {
            let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
            let limited = NotificationChannel.notification(for: offer, server: Self.server("gnome-shell"), replacing: nil)
            let bare = NotificationChannel.notification(for: offer, server: Self.server("notify-osd", ["body"]), replacing: nil)
            let at = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-12-01 ...
            return (limited.actions.map(\.label), bare.body,
                    Engine.askAgain(at: at, now: at.addingTimeInterval(-600), zone: TimeZone(identifier: "UTC")!))
        }
        #expect(labels.contains("Antworten…") && labels.contains("Später") && labels.last == "Antworten", "\(labels)")
        #expect(bare.hasSuffix("(Antworte, wann immer du magst: steady answer \(prompt.id))"), "\(bare)")
        #expect(again.hasPrefix("Ich frage dich um ") && !again.contains("ask again"), "\(again)")
        // English stays as it was.
        let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
        #expect(offer.actions.contains { $0.label == "Later" })
        // "later" typed in the terminal: the reply through the check-in service, in German.
        let later = try Catalogues.inLocale("de_DE.UTF-8") { try h.engine.handleWithoutAnswer(promptID: prompt.id, skip: false) }
        #expect(later.hasPrefix("Ich frage dich um ") && later.hasSuffix(" noch einmal."), "\(later)")
    }

    @Test func serverListingEveryAction_showsEveryChoice() throws {
        let (h, prompt) = try Self.morningPrompt()
        let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
        let shown = NotificationChannel.notification(for: offer, server: Self.server("dunst"), replacing: nil)
        #expect(shown.actions.map(\.key) == offer.actions.map(\.key) + ["default"])
        #expect(Self.server("dunst").visibleActionLimit == nil)
        #expect(Self.server("Some Future Server").visibleActionLimit == nil, "only GNOME Shell is known to drop actions")
    }

    @Test func gnomeShell_getsNormalUrgency_soItShowsABanner_otherServersKeepLow() throws {
        let (h, prompt) = try Self.morningPrompt()
        let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
        #expect(NotificationChannel.notification(for: offer, server: Self.server("gnome-shell"), replacing: nil).urgency == .normal)
        #expect(NotificationChannel.notification(for: offer, server: Self.server("dunst"), replacing: nil).urgency == .low)
        let critical = Offer(prompt: prompt, actions: offer.actions, urgency: .critical)
        #expect(NotificationChannel.notification(for: critical, server: Self.server("gnome-shell"), replacing: nil).urgency == .critical,
                "only what the person configured is ever critical")
    }

    @Test func withdrawnBubble_becomesABlankThatExpiresByItself() {
        let blank = NotificationChannel.blank(replacing: 9)
        #expect(blank.replacesID == 9 && blank.actions.isEmpty && blank.transient && blank.body.isEmpty)
        #expect(blank.expireTimeout > 0 && blank.expireTimeout <= 1_000 && blank.urgency == .low)
    }

    @Test func serverWithoutActions_getsNoActions_andTheTerminalLine() throws {
        let (h, prompt) = try Self.morningPrompt()
        let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
        let shown = NotificationChannel.notification(for: offer, server: Self.server("notify-osd", ["body"]), replacing: nil)
        #expect(shown.actions.isEmpty)
        #expect(shown.body.hasSuffix("(Answer any time: steady answer \(prompt.id))"))
        #expect(shown.expireTimeout == -1, "notify-osd makes a never-expiring notification a modal dialog")
        #expect(NotificationChannel.notification(for: offer, server: Self.server("dunst"), replacing: nil).expireTimeout == 0)
    }

    /// A pending evening-reflection prompt (a 1–5 scale) from a real journal.
    static func eveningPrompt() throws -> (EngineHarness, PromptRecord) {
        let h = try EngineHarness(config: "quiet-hours = \"off\"\n[practices.evening-reflection]\nschedule = \"21:00\"\n",
                                  start: "2026-12-01 20:59")
        h.clock.advance(by: 60)
        return (h, try #require(try h.journal.pendingPrompts().first { $0.practice.rawValue == "evening-reflection" }))
    }

    @Test func scaleButtons_sayWhatEachPointMeans_whereThereIsRoom_elseTheBodySaysWhatTheEndsMean() throws {
        let (h, prompt) = try Self.eveningPrompt()
        let offer = Offer(prompt: prompt, actions: h.engine.actions(for: prompt), urgency: .low)
        let roomy = NotificationChannel.notification(for: offer, server: Self.server("dunst"), replacing: nil)
        let labels = Dictionary(uniqueKeysWithValues: roomy.actions.map { ($0.key, $0.label) })
        #expect(labels["4"] == "4 — fairly settled" && labels["1"] == "1 — unsettled" && labels["5"] == "5 — settled", "\(roomy.actions)")
        #expect(roomy.body == prompt.content.body)
        #expect(Self.server("Some Future Server").fitsWordsOnButtons, "a server steady does not know gets the words")

        // xfce4-notifyd, notification-daemon and swaync draw one row of buttons: numbers there, the ends in words after the body.
        for name in ["Xfce Notify Daemon", "Notification Daemon", "SwayNotificationCenter"] {
            let narrow = NotificationChannel.notification(for: offer, server: Self.server(name), replacing: nil)
            #expect(narrow.actions.filter { Int($0.key) != nil }.map(\.label) == ["1", "2", "3", "4", "5"], "\(name)")
            #expect(narrow.actions.map(\.key) == roomy.actions.map(\.key), "the same choices, the same keys")
            #expect(narrow.body == prompt.content.body + " 1 means unsettled, 5 means settled.", "\(name): \(narrow.body)")
        }

        // GNOME Shell's three buttons: "Answer…", whose dialog lists every point with its meaning.
        let zenityOnly: (String) -> Bool = { $0 == "/usr/bin/zenity" }
        let list = try #require(AnswerDialog.command(configured: nil, prompt: prompt, steadyPath: "/bin/steady", exists: zenityOnly))
        #expect(list.argv.contains("4 — fairly settled"))
        #expect(try prompt.content.request.parse("4 — fairly settled") == .number(4), "what the dialog prints is read back")
    }

    @Test func bodiesAndTitles_areCleanedOfBareSymbols_beforeTheyAreShown() throws {
        let (h, prompt) = try Self.morningPrompt()
        var content = prompt
        content.content.body = "If you like, `steady breathe` · a slow breath."
        let offer = Offer(prompt: content, actions: h.engine.actions(for: prompt), urgency: .low)
        #expect(NotificationChannel.notification(for: offer, server: Self.server("dunst"), replacing: nil).body
            == "If you like, steady breathe, a slow breath.")
        let notice = NotificationChannel.notification(for: Notice(title: "Kit", body: "From your soothing kit: tea · Jo."), replacing: nil)
        #expect(notice.body == "From your soothing kit: tea, Jo.")
    }

    @Test func notice_isQuietTransientAndClosesItself_unlessItLingers() {
        let notice = NotificationChannel.notification(for: Notice(title: "Morning breathing", body: "Noted."), replacing: 7)
        #expect(notice.replacesID == 7 && notice.actions.isEmpty && notice.transient && notice.urgency == .low)
        #expect(notice.expireTimeout == NotificationChannel.noticeTimeout)
        let lingering = NotificationChannel.notification(for: Notice(title: "t", body: "b", lingers: true), replacing: nil)
        #expect(lingering.replacesID == 0 && lingering.expireTimeout == 0)
    }

    @Test func answerDialog_offersTheWholeListOfChoices_andAnEntryForText() throws {
        let (_, prompt) = try Self.morningPrompt()
        let zenityOnly: (String) -> Bool = { $0 == "/usr/bin/zenity" }
        let list = try #require(AnswerDialog.command(configured: nil, prompt: prompt, steadyPath: "/bin/steady", exists: zenityOnly))
        #expect(list.printsAnswer)
        #expect(list.argv.prefix(2) == ["/usr/bin/zenity", "--list"])
        for choice in prompt.content.request.actionChoices { #expect(list.argv.contains(choice.label)) }

        var text = prompt
        text.content.request = .text(placeholder: "a few words")
        let entry = try #require(AnswerDialog.command(configured: nil, prompt: text, steadyPath: "/bin/steady", exists: zenityOnly))
        #expect(entry.argv.prefix(2) == ["/usr/bin/zenity", "--entry"])
    }

    @Test func withoutDialogProgram_aTerminalRunsSteadyAnswer() throws {
        let (_, prompt) = try Self.morningPrompt()
        let command = AnswerDialog.command(configured: nil, prompt: prompt, steadyPath: "/bin/steady",
                                           environment: ["TERMINAL": "kitty", "PATH": "/opt/bin:/usr/bin"],
                                           exists: { $0 == "/usr/bin/kitty" })
        #expect(command?.argv == ["/usr/bin/kitty", "-e", "/bin/steady", "answer", String(prompt.id)])
        #expect(command?.printsAnswer == false)
    }

    @Test func terminal_isTERMINAL_elseTheDebianDefault_elseXterm_elseNone() {
        #expect(TerminalLauncher.terminal(environment: ["TERMINAL": "/opt/term"], exists: { $0 == "/opt/term" }) == "/opt/term")
        #expect(TerminalLauncher.terminal(environment: ["TERMINAL": "/opt/gone"], exists: { $0 == "/usr/bin/xterm" }) == "/usr/bin/xterm")
        #expect(TerminalLauncher.terminal(environment: [:], exists: { $0.hasPrefix("/usr/bin/") }) == "/usr/bin/x-terminal-emulator")
        #expect(TerminalLauncher.terminal(environment: [:], exists: { _ in false }) == nil)
    }
}

/// Window programs (the answer dialog, a terminal) start outside the service's sandbox.
@Suite struct WindowLauncherTests {
    @Test func asAService_theUserManagerStartsTheProgram_withTheDisplayPassedOn() {
        let environment = ["INVOCATION_ID": "abc", "DISPLAY": ":0", "XDG_RUNTIME_DIR": "/run/user/1000", "SECRET": "x"]
        let command = WindowLauncher.command(["/usr/bin/xterm", "-e", "steady", "breathe"], output: false,
                                             environment: environment, exists: { _ in true })
        #expect(command == ["/usr/bin/systemd-run", "--user", "--quiet", "--collect",
                            "--setenv=DISPLAY", "--setenv=XDG_RUNTIME_DIR", "--", "/usr/bin/xterm", "-e", "steady", "breathe"])
        let dialog = WindowLauncher.command(["/usr/bin/zenity", "--entry"], output: true, environment: environment, exists: { _ in true })
        #expect(dialog.prefix(6) == ["/usr/bin/systemd-run", "--user", "--quiet", "--collect", "--wait", "--pipe"],
                "the dialog's answer comes back on stdout")
    }

    @Test func inATerminal_orWithoutSystemdRun_theProgramStartsDirectly() {
        let argv = ["/usr/bin/zenity", "--entry"]
        #expect(WindowLauncher.command(argv, output: true, environment: ["DISPLAY": ":0"], exists: { _ in true }) == argv)
        #expect(WindowLauncher.command(argv, output: true, environment: ["INVOCATION_ID": "abc"], exists: { _ in false }) == argv)
    }
}

/// The short times in status lines and notices ("21:00", "Tue 07:30", "2026-12-24 09:00").
@Suite struct DescribeTimeTests {
    let zone = TimeZone(identifier: "Europe/Berlin")!
    func date(_ text: String) -> Date { EngineHarness.date(text, in: zone) }

    @Test func today_isTheTime_withinSixDays_theWeekday_laterTheDate() {
        let now = date("2026-12-01 10:00")  // a Tuesday
        #expect(Engine.describe(date("2026-12-01 21:00"), now: now, zone: zone) == "21:00")
        #expect(Engine.describe(date("2026-12-01 07:05"), now: now, zone: zone) == "07:05")
        #expect(Engine.describe(date("2026-12-02 07:30"), now: now, zone: zone) == "Wed 07:30")
        #expect(Engine.describe(date("2026-12-06 09:00"), now: now, zone: zone) == "Sun 09:00")
        #expect(Engine.describe(date("2026-12-24 09:00"), now: now, zone: zone) == "2026-12-24 09:00")
        #expect(Engine.describe(date("2026-11-30 22:30"), now: now, zone: zone) == "Mon 22:30")
    }

    @Test func theZoneDecides_theDay_andTheTime() {
        let now = EngineHarness.date("2026-12-01 22:30", in: TimeZone(identifier: "UTC")!)
        // 23:30 UTC is 00:30 the next day in Berlin.
        let later = now.addingTimeInterval(3600)
        #expect(Engine.describe(later, now: now, zone: TimeZone(identifier: "UTC")!) == "23:30")
        #expect(Engine.describe(later, now: now, zone: zone) == "Wed 00:30")
    }
}
