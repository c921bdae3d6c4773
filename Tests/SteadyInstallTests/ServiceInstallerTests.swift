import Foundation
import SteadyTestSupport
import Testing

@testable import SteadyInstall

/// `steady service install|uninstall|status` against a temporary home and a recording
/// `systemctl`: which files appear, which commands run, in which order, and what is said.
@Suite struct ServiceInstallerTests {
    /// A temporary home with a "steady" executable to install.
    final class Setup: @unchecked Sendable {
        let directory = TemporaryDirectory(prefix: "steady-install")
        let fake: FakeSystemctl
        let home: String
        let source: String
        private let lock = NSLock()
        private var lines: [String] = []

        /// - Parameters:
        ///   - dataHome: `XDG_DATA_HOME`, relative to the temporary directory.
        ///   - packaged: a packaged unit (`usr/lib/systemd/user/steady.service` in the temporary
        ///     directory) runs `source`, as `/usr/lib/systemd/user/steady.service` runs `/usr/bin/steady`.
        init(manager: Bool = true, runtimeDirectory: Bool = true, startFails: Bool = false, initialState: String = "inactive",
             dataHome: String? = nil, packaged: Bool = false) throws {
            fake = try FakeSystemctl(directory: directory, manager: manager, startFails: startFails, initialState: initialState)
            home = directory.file("home")
            source = try directory.write("build/steady", "#!/bin/sh\necho steady 0.1.0\n")
            chmod(source, 0o755)
            try FileManager.default.createDirectory(atPath: directory.file("run"), withIntermediateDirectories: true)
            var environment = ["HOME": home]
            if runtimeDirectory { environment["XDG_RUNTIME_DIR"] = directory.file("run") }
            if let dataHome { environment["XDG_DATA_HOME"] = directory.file(dataHome) }
            self.environment = fake.environment(environment)
            packagedUnitDirectory = directory.file("usr/lib/systemd/user")
            if packaged {
                try directory.write("usr/lib/systemd/user/steady.service",
                                    ServiceUnit(executablePath: source, dataDirectoryPath: home + "/.local/share/steady", home: home).text)
            }
        }

        let environment: [String: String]
        let packagedUnitDirectory: String
        var packagedUnit: String { packagedUnitDirectory + "/steady.service" }

        var paths: ServicePaths {
            let dataHome = environment["XDG_DATA_HOME"] ?? home + "/.local/share"
            var paths = ServicePaths(environment: environment, dataDirectory: dataHome + "/steady",
                                     configDirectory: home + "/.config/steady")
            paths.packagedUnitDirectories = [packagedUnitDirectory]
            return paths
        }

        func installer(executable: String? = nil) -> ServiceInstaller {
            var paths = self.paths
            if let executable { paths.executable = executable }
            return ServiceInstaller(paths: paths, systemctl: Systemctl(environment: environment)) { [self] line in
                lock.withLock { lines.append(line) }
            }
        }

        var report: [String] { lock.withLock { lines } }

        var files: [ServiceInstaller.File] {
            [.init(path: paths.manPage, label: "the man page", contents: ".Dd\n.Dt STEADY 1\n"),
             .init(path: paths.desktopEntry, label: "the desktop entry",
                   contents: DesktopEntryFiles.desktopEntry(executable: paths.executable)),
             .init(path: paths.icon, label: "the icon", contents: DesktopEntryFiles.icon),
             .init(path: paths.bashCompletion, label: "bash completions", contents: "complete -F _steady steady\n")]
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

        func mode(_ path: String) -> Int? {
            (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
        }
    }

    // MARK: - Install

    @Test func install_writesEveryFile_thenReloadsAndStartsTheService() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: setup.files, dryRun: false)
        let paths = setup.paths

        #expect(FileManager.default.contentsEqual(atPath: setup.source, andPath: paths.executable))
        #expect(setup.mode(paths.executable) == 0o755)
        #expect(setup.mode(paths.dataDirectory) == 0o700)
        #expect(try String(contentsOfFile: paths.unitFile, encoding: .utf8) == ServiceUnit.standard.text)
        #expect(try String(contentsOfFile: paths.manPage, encoding: .utf8) == ".Dd\n.Dt STEADY 1\n")
        let entry = try String(contentsOfFile: paths.desktopEntry, encoding: .utf8)
        #expect(entry.contains("\nExec=\(paths.executable) answer\n"), "\(entry)")
        #expect(try String(contentsOfFile: paths.icon, encoding: .utf8) == DesktopEntryFiles.icon)
        #expect(setup.mode(paths.desktopEntry) == 0o644)
        #expect(setup.exists(paths.bashCompletion))
        #expect(setup.fake.calls == [
            "--user --no-pager show steady.service --property=ActiveState",
            "--user --no-pager show --property=Version",
            "--user daemon-reload",
            "--user enable --now steady.service",
            "--user --no-pager show steady.service --property=ActiveState,SubState,StatusText",
        ])
        #expect(setup.report == [
            "copied \(setup.source) to \(paths.executable)",
            "created \(paths.dataDirectory) (0700) for the journal: the one directory the service may write",
            "wrote the unit \(paths.unitFile)",
            "wrote the man page \(paths.manPage)",
            "wrote the desktop entry \(paths.desktopEntry)",
            "wrote the icon \(paths.icon)",
            "wrote bash completions \(paths.bashCompletion)",
            "ran systemctl --user daemon-reload",
            "ran systemctl --user enable --now steady.service",
            "",
            "steady is running: next: wins at 19:00.",
            "See it with `systemctl --user status steady` and its log with `journalctl --user -u steady`.",
        ])
    }

    @Test func install_whenAlreadyRunning_restartsItSoTheNewVersionRuns() throws {
        let setup = try Setup(initialState: "active")
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        #expect(setup.fake.calls.filter { !$0.contains(" show ") } == [
            "--user daemon-reload", "--user enable --now steady.service", "--user restart steady.service",
        ])
    }

    @Test func install_dryRun_changesNothing_andAsksNothingOfSystemd() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: setup.files, dryRun: true)
        #expect(!setup.exists(setup.home))
        #expect(setup.fake.calls.isEmpty)
        #expect(setup.report.first == "Dry run: nothing is changed.")
        #expect(setup.report.contains("would copy \(setup.source) to \(setup.paths.executable)"))
        #expect(setup.report.contains("would write the unit \(setup.paths.unitFile)"))
        #expect(setup.report.suffix(2) == [
            "would run systemctl --user daemon-reload", "would run systemctl --user enable --now steady.service",
        ])
    }

    @Test func install_reportsItsSteps_inGerman() throws {
        let setup = try Setup()
        try Catalogues.inLocale("de_DE.UTF-8") {
            try setup.installer().install(source: setup.source, files: [], dryRun: true)
            try setup.installer().install(source: setup.source, files: [], dryRun: false)
        }
        #expect(setup.report.first == "Probelauf: nichts wird geändert.")
        #expect(setup.report.contains("würde \(setup.source) nach \(setup.paths.executable) kopieren"), "\(setup.report)")
        #expect(setup.report.contains("würde Unit schreiben: \(setup.paths.unitFile)"), "\(setup.report)")
        #expect(setup.report.contains("würde systemctl --user daemon-reload ausführen"), "\(setup.report)")
        #expect(setup.report.contains("\(setup.source) nach \(setup.paths.executable) kopiert"), "\(setup.report)")
        #expect(setup.report.contains("Unit geschrieben: \(setup.paths.unitFile)"), "\(setup.report)")
        #expect(setup.report.contains("systemctl --user enable --now steady.service ausgeführt"), "\(setup.report)")
        #expect(setup.report.last == "Du siehst es mit `systemctl --user status steady` und sein Protokoll mit `journalctl --user -u steady`.")
    }

    @Test func uninstall_purgeWithoutAYes_saysWhyInGerman() throws {
        let setup = try Setup()
        let problem = try Catalogues.inLocale("de_DE.UTF-8") { () -> ServiceError? in
            do {
                try setup.installer().uninstall(files: [], purge: true, confirmed: false, dryRun: false)
                return nil
            } catch let error as ServiceError {
                return error
            }
        }
        #expect(problem?.code == .notConfirmed)
        #expect(problem?.description == "--purge löscht dein Tagebuch; dafür braucht es ein Ja (beantworte die Frage in einem Terminal oder ergänze --yes).")
    }

    @Test func install_withoutUserManager_installsTheFiles_andPrintsTheStepsLeft() throws {
        let setup = try Setup(manager: false)
        #expect(throws: ServiceError.self) {
            try setup.installer().install(source: setup.source, files: setup.files, dryRun: false)
        }
        do {
            try setup.installer().install(source: setup.source, files: [], dryRun: false)
        } catch {
            #expect(error.code == .noManager)
        }
        #expect(setup.exists(setup.paths.unitFile))
        #expect(setup.exists(setup.paths.executable))
        #expect(!setup.fake.calls.contains { $0.contains("enable") || $0.contains("daemon-reload") })
        let report = setup.report.joined(separator: "\n")
        #expect(report.contains("steady is installed but not started: the systemd user manager did not answer "
                                + "(systemctl said: Failed to connect to bus: No medium found)"), "\(report)")
        #expect(report.contains("  systemctl --user daemon-reload\n  systemctl --user enable --now steady.service"))
        #expect(report.contains("or run it in the foreground now with: \(setup.paths.executable) daemon"))
    }

    @Test func install_withoutRuntimeDirectory_explainsWhy() throws {
        let setup = try Setup(runtimeDirectory: false)
        do {
            try setup.installer().install(source: setup.source, files: [], dryRun: false)
            Issue.record("install succeeded without a login session")
        } catch {
            #expect(error.code == .noManager)
        }
        #expect(setup.report.contains { $0.contains("XDG_RUNTIME_DIR is not set") })
        #expect(setup.fake.calls.allSatisfy { $0.contains(" show ") })
    }

    @Test func install_whenTheServiceFailsToStart_saysSo() throws {
        let setup = try Setup(startFails: true)
        do {
            try setup.installer().install(source: setup.source, files: [], dryRun: false)
            Issue.record("install reported success for a failed service")
        } catch {
            #expect(error.code == .systemctl)
            #expect(error.description.contains("steady.service is failed (config error: config.toml:1:1: oops)"), "\(error)")
            #expect(error.description.contains("journalctl --user -u steady"))
        }
    }

    @Test func install_withBin_runsThatExecutable_andCopiesNothing() throws {
        let setup = try Setup()
        try setup.installer(executable: setup.source).install(source: nil, files: [], dryRun: false)
        #expect(!setup.exists(setup.paths.standardExecutable))
        let unit = try String(contentsOfFile: setup.paths.unitFile, encoding: .utf8)
        #expect(unit.contains("\nExecStart=\(setup.source) daemon\n"))
        #expect(setup.report.first == "run \(setup.source) as it is (--bin)")
    }

    @Test func install_withBinThatIsNotExecutable_isRefusedBeforeAnythingChanges() throws {
        let setup = try Setup()
        do {
            try setup.installer(executable: setup.directory.file("missing")).install(source: nil, files: [], dryRun: false)
            Issue.record("a missing --bin was accepted")
        } catch {
            #expect(error.code == .badPath)
        }
        #expect(!setup.exists(setup.home))
        #expect(setup.fake.calls.isEmpty)
    }

    @Test func install_twice_keepsTheSameFiles() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: setup.files, dryRun: false)
        try setup.installer().install(source: setup.paths.executable, files: setup.files, dryRun: false)
        #expect(setup.report.contains("keep \(setup.paths.executable) (it is this steady)"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.home + "/.local/bin")
        #expect(leftovers == ["steady"], "temporary files left behind: \(leftovers)")
    }

    // MARK: - Installed by a package

    @Test func install_ofAPackagedSteady_enablesThePackagedUnit_andCopiesNothing() throws {
        let setup = try Setup(packaged: true)
        try setup.installer().install(source: setup.source, files: setup.files, dryRun: false)
        let paths = setup.paths
        for path in [paths.executable, paths.unitFile, paths.dropInFile] + setup.files.map(\.path) {
            #expect(!setup.exists(path), "\(path) was written for a packaged steady")
        }
        #expect(setup.mode(paths.dataDirectory) == 0o700)
        #expect(setup.fake.calls.filter { !$0.contains(" show ") } == ["--user daemon-reload", "--user enable --now steady.service"])
        #expect(setup.report == [
            "steady was installed by a package: using its unit \(setup.packagedUnit) as it is (nothing is copied)",
            "created \(paths.dataDirectory) (0700) for the journal: the one directory the service may write",
            "ran systemctl --user daemon-reload",
            "ran systemctl --user enable --now steady.service",
            "",
            "steady is running: next: wins at 19:00.",
            "See it with `systemctl --user status steady` and its log with `journalctl --user -u steady`.",
        ])
        let status = setup.installer().status()
        #expect(status.packaged && status.installed && status.unitFile == setup.packagedUnit)
        #expect(status.unitCurrent == true && status.executable == setup.source)
    }

    @Test func uninstall_ofAPackagedSteady_disablesTheUnit_andLeavesThePackagesFiles() throws {
        let setup = try Setup(packaged: true)
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        let before = setup.fake.calls.count
        try setup.installer().uninstall(files: setup.files.map(\.path), purge: false, confirmed: false, dryRun: false)
        #expect(Array(setup.fake.calls.dropFirst(before)).filter { !$0.contains(" show") } == [
            "--user disable --now steady.service", "--user daemon-reload",
        ])
        #expect(setup.exists(setup.packagedUnit) && setup.exists(setup.source))
        #expect(setup.report.contains(
            "left the packaged steady in place (\(setup.packagedUnit) and the rest belong to the package; your package manager removes them)"))
        #expect(!setup.report.contains { $0.hasPrefix("removed ") }, "\(setup.report)")
    }

    @Test func install_ofAPackagedSteady_overAnEarlierPerUserInstall_refusesAndChangesNothing() throws {
        let setup = try Setup(packaged: true)
        try setup.directory.write("home/.config/systemd/user/steady.service", ServiceUnit.standard.text)
        do {
            try setup.installer().install(source: setup.source, files: [], dryRun: false)
            Issue.record("installed over a per-user unit that would win")
        } catch {
            #expect(error.code == .otherInstall)
            #expect(error.description.contains("remove that install first with `steady service uninstall`"), "\(error)")
        }
        #expect(setup.fake.calls.isEmpty)
        #expect(!setup.exists(setup.paths.dataDirectory))
    }

    @Test func install_whenThePackagedUnitRunsAnotherSteady_copiesAsUsual() throws {
        let setup = try Setup(packaged: true)
        let other = try setup.directory.write("elsewhere/steady", "#!/bin/sh\n")
        chmod(other, 0o755)
        try setup.installer().install(source: other, files: [], dryRun: false)
        #expect(setup.exists(setup.paths.standardExecutable))
        #expect(setup.exists(setup.paths.unitFile))
    }

    // MARK: - Own XDG directories

    /// Issue 10 #8: with XDG_DATA_HOME elsewhere, the service must be told the same directory
    /// and be allowed to write it, or it exits 74.
    @Test func install_withOwnDataHome_writesTheDropIn_andUninstallRemovesIt() throws {
        let setup = try Setup(dataHome: "data")
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        let paths = setup.paths
        #expect(paths.dataDirectory == setup.directory.file("data/steady"))
        #expect(setup.mode(paths.dataDirectory) == 0o700)
        #expect(try String(contentsOfFile: paths.unitFile, encoding: .utf8) == ServiceUnit.standard.text)
        let dropIn = try String(contentsOfFile: paths.dropInFile, encoding: .utf8)
        #expect(dropIn.contains("\nEnvironment=XDG_DATA_HOME=\(setup.directory.file("data"))\n"), "\(dropIn)")
        #expect(dropIn.contains("\nReadWritePaths=\n") && dropIn.contains("\nReadWritePaths=-\(paths.dataDirectory)\n"), "\(dropIn)")
        #expect(setup.report.contains("wrote the drop-in for your XDG directories \(paths.dropInFile)"))

        try setup.installer().uninstall(files: [], purge: false, confirmed: false, dryRun: false)
        #expect(!setup.exists(paths.dropInFile))
        #expect(!setup.exists((paths.dropInFile as NSString).deletingLastPathComponent), "the empty steady.service.d stayed")
    }

    @Test func install_ofAPackagedSteady_withOwnDataHome_writesOnlyTheDropIn() throws {
        let setup = try Setup(dataHome: "data", packaged: true)
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        #expect(setup.exists(setup.paths.dropInFile))
        #expect(!setup.exists(setup.paths.unitFile))
        try setup.installer().uninstall(files: [], purge: false, confirmed: false, dryRun: false)
        #expect(!setup.exists(setup.paths.dropInFile))
        #expect(setup.report.contains("removed \(setup.paths.dropInFile)"))
    }

    @Test func install_backToDefaultDirectories_removesTheEarlierDropIn() throws {
        let custom = try Setup(dataHome: "data")
        try custom.installer().install(source: custom.source, files: [], dryRun: false)
        #expect(custom.exists(custom.paths.dropInFile))
        // The same home, installed again without XDG_DATA_HOME.
        var paths = custom.paths
        paths.dataDirectory = custom.home + "/.local/share/steady"
        let installer = ServiceInstaller(paths: paths, systemctl: Systemctl(environment: custom.environment)) { _ in }
        try installer.install(source: custom.source, files: [], dryRun: false)
        #expect(!custom.exists(custom.paths.dropInFile))
    }

    // MARK: - Uninstall

    @Test func uninstall_stopsAndRemovesEverything_butKeepsTheJournal() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: setup.files, dryRun: false)
        try setup.directory.write("home/.local/share/steady/journal.sqlite", "journal")
        let before = setup.fake.calls.count
        try setup.installer().uninstall(files: setup.files.map(\.path), purge: false, confirmed: false, dryRun: false)

        let paths = setup.paths
        for path in [paths.unitFile, paths.executable, paths.manPage, paths.desktopEntry, paths.icon, paths.bashCompletion] {
            #expect(!setup.exists(path), "\(path) is still there")
        }
        #expect(setup.exists(paths.dataDirectory + "/journal.sqlite"))
        #expect(Array(setup.fake.calls.dropFirst(before)) == [
            "--user --no-pager show --property=Version",
            "--user disable --now steady.service",
            "--user daemon-reload",
        ])
        #expect(setup.report.last == "kept your journal in \(paths.dataDirectory) (`steady service uninstall --purge` deletes it)")
    }

    @Test func uninstall_purgeWithoutConfirmation_changesNothing() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        let before = setup.fake.calls.count
        do {
            try setup.installer().uninstall(files: [], purge: true, confirmed: false, dryRun: false)
            Issue.record("an unconfirmed purge went ahead")
        } catch {
            #expect(error.code == .notConfirmed)
        }
        #expect(setup.exists(setup.paths.unitFile))
        #expect(setup.exists(setup.paths.dataDirectory))
        #expect(setup.fake.calls.count == before)
    }

    @Test func uninstall_confirmedPurge_deletesTheJournalAndConfig() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        try setup.directory.write("home/.config/steady/config.toml", "quiet-hours = \"off\"\n")
        try setup.installer().uninstall(files: [], purge: true, confirmed: true, dryRun: false)
        #expect(!setup.exists(setup.paths.dataDirectory))
        #expect(!setup.exists(setup.paths.configDirectory))
        #expect(setup.report.contains("deleted \(setup.paths.dataDirectory) and everything in it"))
    }

    @Test func uninstall_leavesABinExecutableInPlace() throws {
        let setup = try Setup()
        try setup.installer(executable: setup.source).install(source: nil, files: [], dryRun: false)
        try setup.installer().uninstall(files: [], purge: false, confirmed: false, dryRun: false)
        #expect(setup.exists(setup.source))
        #expect(setup.report.contains("left \(setup.source) in place: it was given with --bin, not copied by install"))
    }

    @Test func uninstall_dryRun_listsTheStepsOnly() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: setup.files, dryRun: false)
        let before = setup.fake.calls.count
        try setup.installer().uninstall(files: setup.files.map(\.path), purge: true, confirmed: false, dryRun: true)
        #expect(setup.fake.calls.count == before)
        #expect(setup.exists(setup.paths.unitFile))
        #expect(Array(setup.report.suffix(10)) == [
            "Dry run: nothing is changed.",
            "would run systemctl --user disable --now steady.service",
            "would remove \(setup.paths.unitFile)",
            "would remove \(setup.paths.manPage)",
            "would remove \(setup.paths.desktopEntry)",
            "would remove \(setup.paths.icon)",
            "would remove \(setup.paths.bashCompletion)",
            "would remove \(setup.paths.executable)",
            "would run systemctl --user daemon-reload",
            "would delete \(setup.paths.dataDirectory) and everything in it",
        ])
    }

    // MARK: - Status

    @Test func status_combinesTheFilesWithWhatSystemdSays() throws {
        let setup = try Setup()
        #expect(setup.installer().status().installed == false)
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        let status = setup.installer().status()
        #expect(status == ServiceInstaller.Status(
            unitFile: setup.paths.unitFile, installed: true, unitCurrent: true, executable: setup.paths.executable,
            executablePresent: true, managerProblem: nil, enabled: "enabled", active: "active", sub: "running",
            mainPID: 4242, statusText: "next: wins at 19:00", restarts: 0, result: "success"))
    }

    @Test func status_noticesAUnitFromAnotherVersion() throws {
        let setup = try Setup()
        try setup.installer().install(source: setup.source, files: [], dryRun: false)
        try (ServiceUnit.standard.text + "Environment=EXTRA=1\n").write(toFile: setup.paths.unitFile, atomically: true, encoding: .utf8)
        #expect(setup.installer().status().unitCurrent == false)
    }
}
