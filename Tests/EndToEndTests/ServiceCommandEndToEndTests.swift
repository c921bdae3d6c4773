import Foundation
import SteadyTestSupport
import Testing

/// `steady service …`, `--version`, the completions and the man page, run as a person runs
/// them: the real binary, a temporary home, and a recording `systemctl` first on `PATH`.
@Suite struct ServiceCommandEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A temporary home and a fake systemctl.
    struct Setup {
        let directory = TemporaryDirectory(prefix: "steady-svc-cli")
        let fake: FakeSystemctl
        var home: String { directory.file("home") }
        var runtime: String { directory.file("run") }

        init(manager: Bool = true) throws {
            fake = try FakeSystemctl(directory: directory, manager: manager)
            try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }

        func environment(runtimeDirectory: Bool = true) -> [String: String] {
            var environment = fake.environment([
                "HOME": home, "LANG": "C.UTF-8", "TERM": "dumb",
            ])
            if runtimeDirectory { environment["XDG_RUNTIME_DIR"] = runtime }
            return environment
        }

        func steady(_ arguments: [String], runtimeDirectory: Bool = true, input: String? = nil) throws -> CommandResult {
            try ChildProcess.run(SteadyBinary.path, arguments, environment: environment(runtimeDirectory: runtimeDirectory),
                                 input: input, timeout: 60)
        }

        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: home + "/" + relative) }
    }

    @Test func version_printsTheVersion() throws {
        let result = try Setup().steady(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    // MARK: - install

    @Test func install_dryRun_printsTheSteps_andChangesNothing() throws {
        let setup = try Setup()
        let result = try setup.steady(["service", "install", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Dry run: nothing is changed.\nwould copy "), "\(result.stdout)")
        #expect(result.stdout.contains("would write the unit \(setup.home)/.config/systemd/user/steady.service\n"))
        #expect(result.stdout.contains("would write the man page \(setup.home)/.local/share/man/man1/steady.1\n"))
        #expect(result.stdout.contains("would write the desktop entry \(setup.home)/.local/share/applications/steady.desktop\n"))
        #expect(result.stdout.contains("would write the icon \(setup.home)/.local/share/icons/hicolor/scalable/apps/steady.svg\n"))
        #expect(result.stdout.hasSuffix("would run systemctl --user daemon-reload\nwould run systemctl --user enable --now steady.service\n"))
        #expect(!FileManager.default.fileExists(atPath: setup.home))
        #expect(setup.fake.calls.isEmpty, "dry run called systemctl: \(setup.fake.calls)")
    }

    @Test func install_putsEverythingInPlace_andStartsTheService() throws {
        let setup = try Setup()
        let result = try setup.steady(["service", "install"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(setup.fake.calls.filter { !$0.contains(" show ") } == [
            "--user daemon-reload", "--user enable --now steady.service",
        ])
        #expect(result.stdout.contains("ran systemctl --user enable --now steady.service\n\nsteady is running: next: wins at 19:00.\n"))

        // The binary is this steady; the unit is the repository's; the man page is docs/steady.1;
        // the desktop entry is data/steady.desktop running the installed binary; the icon is data/steady.svg.
        #expect(FileManager.default.contentsEqual(atPath: SteadyBinary.path, andPath: setup.home + "/.local/bin/steady"))
        let unit = try String(contentsOfFile: setup.home + "/.config/systemd/user/steady.service", encoding: .utf8)
        let repositoryUnit = try String(contentsOf: Self.repository.appendingPathComponent("systemd/steady.service"), encoding: .utf8)
        #expect(unit == repositoryUnit)
        let page = try String(contentsOfFile: setup.home + "/.local/share/man/man1/steady.1", encoding: .utf8)
        #expect(page == (try String(contentsOf: Self.repository.appendingPathComponent("docs/steady.1"), encoding: .utf8)))
        let entry = try String(contentsOfFile: setup.home + "/.local/share/applications/steady.desktop", encoding: .utf8)
        let repositoryEntry = try String(contentsOf: Self.repository.appendingPathComponent("data/steady.desktop"), encoding: .utf8)
        #expect(entry == repositoryEntry.replacingOccurrences(
            of: "\nExec=steady answer\n", with: "\nExec=\(setup.home)/.local/bin/steady answer\n"))
        let icon = try Data(contentsOf: URL(fileURLWithPath: setup.home + "/.local/share/icons/hicolor/scalable/apps/steady.svg"))
        #expect(icon == (try Data(contentsOf: Self.repository.appendingPathComponent("data/steady.svg"))))
        #expect(setup.exists(".local/share/bash-completion/completions/steady"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") {
            #expect(setup.exists(".local/share/zsh/site-functions/_steady"))
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") {
            #expect(setup.exists(".config/fish/completions/steady.fish"))
        }

        // systemd accepts the installed unit as it is, man page included.
        var environment = setup.environment()
        environment["PATH"] = setup.home + "/.local/bin:/usr/bin:/bin"
        let verify = try ChildProcess.run("/usr/bin/systemd-analyze",
                                          ["--user", "verify", setup.home + "/.config/systemd/user/steady.service"],
                                          environment: environment)
        #expect(verify.status == 0 && SystemdVerify.complaints(verify.stderr).isEmpty, "\(verify.stdout)\(verify.stderr)")

        // The installed desktop entry is valid as it is, absolute Exec included.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/desktop-file-validate") {
            let validate = try ChildProcess.run("/usr/bin/desktop-file-validate",
                                                [setup.home + "/.local/share/applications/steady.desktop"], environment: environment)
            #expect(validate.status == 0 && validate.stdout.isEmpty, "\(validate.stdout)\(validate.stderr)")
        }
    }

    @Test func install_withoutUserManager_explains_andPrintsTheStepsLeft() throws {
        let setup = try Setup()
        let result = try setup.steady(["service", "install"], runtimeDirectory: false)
        #expect(result.status == 69, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("steady is installed but not started: XDG_RUNTIME_DIR is not set"))
        #expect(result.stdout.contains("  systemctl --user daemon-reload\n  systemctl --user enable --now steady.service\n"))
        #expect(result.stderr == "steady: no systemd user manager is reachable; the remaining steps are printed above.\n")
        #expect(setup.exists(".config/systemd/user/steady.service"))
        #expect(!setup.fake.calls.contains { $0.contains("enable") })
    }

    @Test func install_withBin_usesThatExecutable() throws {
        let setup = try Setup()
        let result = try setup.steady(["service", "install", "--bin", SteadyBinary.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!setup.exists(".local/bin/steady"))
        let unit = try String(contentsOfFile: setup.home + "/.config/systemd/user/steady.service", encoding: .utf8)
        #expect(unit.contains("\nExecStart=\(SteadyBinary.path) daemon\n"))

        let relative = try setup.steady(["service", "install", "--bin", "steady"])
        #expect(relative.status == 64)
        #expect(relative.stderr.contains("--bin needs an absolute path"))
    }

    // MARK: - uninstall and status

    @Test func uninstall_purgeWithoutATerminal_refuses_unlessYes() throws {
        let setup = try Setup()
        #expect(try setup.steady(["service", "install"]).status == 0)
        try setup.directory.write("home/.local/share/steady/journal.sqlite", "journal")
        let calls = setup.fake.calls.count

        let refused = try setup.steady(["service", "uninstall", "--purge"], input: "y\n")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("there is no terminal to ask in; add --yes if you are sure. Nothing was changed."))
        #expect(setup.exists(".local/share/steady/journal.sqlite"))
        #expect(setup.exists(".config/systemd/user/steady.service"))
        #expect(setup.fake.calls.count == calls)

        let purged = try setup.steady(["service", "uninstall", "--purge", "--yes"])
        #expect(purged.status == 0, "\(purged.stderr)")
        #expect(!setup.exists(".local/share/steady"))
        #expect(!setup.exists(".config/systemd/user/steady.service"))
        #expect(!setup.exists(".local/bin/steady"))
        #expect(!setup.exists(".local/share/man/man1/steady.1"))
        #expect(!setup.exists(".local/share/applications/steady.desktop"))
        #expect(!setup.exists(".local/share/icons/hicolor/scalable/apps/steady.svg"))
        #expect(Array(setup.fake.calls.dropFirst(calls)).filter { !$0.contains(" show ") }
                == ["--user disable --now steady.service", "--user daemon-reload"])
    }

    @Test func uninstall_keepsTheJournal() throws {
        let setup = try Setup()
        #expect(try setup.steady(["service", "install"]).status == 0)
        try setup.directory.write("home/.local/share/steady/journal.sqlite", "journal")
        let result = try setup.steady(["service", "uninstall"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(setup.exists(".local/share/steady/journal.sqlite"))
        #expect(result.stdout.contains("kept your journal in \(setup.home)/.local/share/steady"))
    }

    @Test func status_saysWhatSystemdSays_withExitStatus() throws {
        let setup = try Setup()
        let before = try setup.steady(["service", "status"])
        #expect(before.status == 3)
        #expect(before.stdout.contains("not installed"), "\(before.stdout)")

        #expect(try setup.steady(["service", "install"]).status == 0)
        let running = try setup.steady(["service", "status"])
        #expect(running.status == 0, "\(running.stdout)\(running.stderr)")
        #expect(running.stdout.hasPrefix("steady.service: active (running), pid 4242\n  status:   next: wins at 19:00\n"), "\(running.stdout)")
        let json = try setup.steady(["service", "status", "--json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["active"] as? String == "active")
        #expect(decoded?["unitCurrent"] as? Bool == true)

        let noManager = try setup.steady(["service", "status"], runtimeDirectory: false)
        #expect(noManager.status == 69)
        #expect(noManager.stdout.contains("systemd could not be asked: XDG_RUNTIME_DIR is not set"))
    }

    @Test func installAndStatus_speakGerman_butSystemdsWordsStayAsSystemdSaysThem() throws {
        let setup = try Setup()
        var environment = setup.environment()
        environment["LANG"] = "de_DE.UTF-8"
        environment["STEADY_LOCALEDIR"] = try Catalogues.bound()
        let install = try ChildProcess.run(SteadyBinary.path, ["service", "install"], environment: environment, timeout: 60)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("Handbuchseite geschrieben: \(setup.home)/.local/share/man/man1/steady.1\n"), "\(install.stdout)")
        #expect(install.stdout.contains("systemctl --user daemon-reload ausgeführt\n"), "\(install.stdout)")
        let status = try ChildProcess.run(SteadyBinary.path, ["service", "status"], environment: environment, timeout: 60)
        #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.hasPrefix("steady.service: active (running), pid 4242\n  Status:    next: wins at 19:00\n"), "\(status.stdout)")
        #expect(status.stdout.contains("\n  Unit:      \(setup.home)/.config/systemd/user/steady.service (enabled)"), "\(status.stdout)")
        #expect(status.stdout.contains("\n  Protokoll: journalctl --user -u steady\n"), "\(status.stdout)")
    }

    // MARK: - Completions and the man page

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScript_isValidForItsShell(shell: String) throws {
        let executable = "/usr/bin/\(shell)"
        try #require(FileManager.default.isExecutableFile(atPath: executable), "\(shell) is not installed (scripts/install-deps test)")
        let setup = try Setup()
        let script = try setup.steady(["--generate-completion-script", shell])
        #expect(script.status == 0)
        let file = try setup.directory.write("completion.\(shell)", script.stdout)
        let check = try ChildProcess.run(executable, shell == "fish" ? ["--no-execute", file] : ["-n", file],
                                         environment: setup.environment())
        #expect(check.status == 0, "\(shell) rejects the script: \(check.stderr)")
        switch shell {
        case "bash":
            let offered = try ChildProcess.run(executable, ["-c", """
                source '\(file)'; COMP_WORDS=(steady service ''); COMP_CWORD=2; COMP_LINE='steady service '; COMP_POINT=15
                _steady; printf '%s\\n' "${COMPREPLY[@]}"
                """], environment: setup.environment())
            #expect(Set(offered.stdout.split(separator: "\n")).isSuperset(of: ["install", "uninstall", "status"]), "\(offered)")
        case "fish":
            let offered = try ChildProcess.run(executable, ["-c", "source '\(file)'; complete -C 'steady service '"],
                                               environment: setup.environment())
            #expect(offered.stdout.contains("install\tInstall steady as a systemd user service and start it."), "\(offered)")
        default:
            break
        }
    }

    @Test func manPage_rendersWithoutWarnings_andDocumentsTheExitStatuses() throws {
        let page = Self.repository.appendingPathComponent("docs/steady.1").path
        var environment = ProcessInfo.processInfo.environment
        environment["MANWIDTH"] = "100"
        environment["MAN_KEEP_FORMATTING"] = nil
        let rendered = try ChildProcess.run("/usr/bin/man", ["--warnings", "-l", page], environment: environment)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stderr.isEmpty, "man warnings: \(rendered.stderr)")
        let text = rendered.stdout.replacingOccurrences(of: "\u{8}", with: "")
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "ENVIRONMENT", "FILES", "EXIT STATUS", "SEE ALSO"] {
            #expect(text.contains("\n\(heading)\n"), "no \(heading) section")
        }
        for code in ["0", "1", "3", "64", "65", "66", "69", "73", "74", "75", "78", "130"] {
            #expect(text.range(of: "\n     \(code) ") != nil, "exit status \(code) is not documented")
        }
    }

    /// docs/steady.1 (and the copy compiled into steady) is generated from the command
    /// definitions by scripts/generate-manual; every command and option must be in it.
    @Test func manPage_isCurrent_withTheCommandDefinitions() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/steady.1"), encoding: .utf8)
        let dump = try Setup().steady(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any]) {
            guard command["shouldDisplay"] as? Bool != false else { return }
            if let name = command["commandName"] as? String, command["superCommands"] != nil,
               !page.contains(".It Em \(name)") {
                missing.append("command \(name)")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                for entry in argument["names"] as? [[String: Any]] ?? [] where entry["kind"] as? String == "long" {
                    // `.It Fl -name` or, with a short name too, `.It Fl n , -name`.
                    if let name = entry["name"] as? String, !page.contains("Fl -\(name)"), !page.contains(" , -\(name)") {
                        missing.append("--\(name)")
                    }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub) }
        }
        visit(json["command"] as? [String: Any] ?? [:])
        #expect(missing.isEmpty, "docs/steady.1 is out of date (missing \(missing)); run scripts/generate-manual")
    }
}
