import Foundation
import SteadyTestSupport
import Testing

/// The .deb and the release archive, as people who never build steady get them: what they
/// hold, what lintian says, and each one installed, run as a service that asks through dunst
/// and is answered, then removed, leaving nothing behind but the person's journal and config.
///
/// The packages are the ones `make packages` built from the release build (`make test` builds
/// them before running the tests and names their folder in `STEADY_PACKAGES`); without them
/// these tests fail and say so. The .deb is installed with apt in a throwaway system (an
/// overlay over `/` in private namespaces, see ``UserManager``), never on the real `/usr`.
@Suite(.serialized) struct PackageEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The packages of this version, found where `make packages` put them.
    struct Built {
        let directory: String
        let version: String
        var deb: String { "\(directory)/steady_\(version)_amd64.deb" }
        var dbgsym: String { "\(directory)/steady-dbgsym_\(version)_amd64.deb" }
        var archiveName: String { "steady-\(version)-x86_64-linux" }
        var archive: String { "\(directory)/\(archiveName).tar.gz" }
        var debugArchive: String { "\(directory)/\(archiveName)-debug.tar.gz" }

        init() throws {
            let source = try String(contentsOf: PackageEndToEndTests.repository.appendingPathComponent("Sources/steady/Version.swift"),
                                    encoding: .utf8)
            let line = try #require(source.split(separator: "\n").first { $0.contains("static let number = \"") })
            version = String(line.split(separator: "\"")[1])
            directory = ProcessInfo.processInfo.environment["STEADY_PACKAGES"]
                ?? PackageEndToEndTests.repository.appendingPathComponent(".build/packages").path
            for file in [deb, dbgsym, archive, debugArchive] {
                try #require(FileManager.default.fileExists(atPath: file),
                             "\(file) is missing: build the packages with `make packages` (`make test` does it before the tests)")
            }
        }
    }

    /// Every file the .deb installs (the issue's list), relative to `/`.
    static func expectedFiles(docs: [String]) -> Set<String> {
        Set([
            "usr/bin/steady",
            "usr/lib/systemd/user/steady.service",
            "usr/lib/systemd/user-generators/steady-xdg-paths",
            "usr/share/man/man1/steady.1.gz",
            "usr/share/bash-completion/completions/steady",
            "usr/share/zsh/vendor-completions/_steady",
            "usr/share/fish/vendor_completions.d/steady.fish",
            "usr/share/applications/steady.desktop",
            "usr/share/icons/hicolor/scalable/apps/steady.svg",
            "usr/share/doc/steady/copyright",
            "usr/share/doc/steady/changelog.gz",
            "usr/share/doc/steady/README.md",
            "usr/share/doc/steady/checkin.png",
            "usr/share/doc/steady/report-example.png",
            "usr/share/doc/steady/examples/kind-act.py",
        ] + docs.map { "usr/share/doc/steady/" + $0 } + translations.map { "usr/share/locale/\($0)/LC_MESSAGES/steady.mo" })
    }

    /// The languages of po/*.po, whose catalogues the packages carry.
    static var translations: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("po").path)) ?? []
        return names.filter { $0.hasSuffix(".po") }.map { String($0.dropLast(3)) }
    }

    /// docs/*.md, which the packages carry as the documentation.
    static var documentation: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)) ?? []
        return names.filter { $0.hasSuffix(".md") }
    }

    static func host(_ executable: String, _ arguments: [String], timeout: Double = 120) throws -> CommandResult {
        try ChildProcess.run(executable, arguments, environment: ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"],
                             timeout: timeout)
    }

    // MARK: - What the packages hold

    @Test func deb_installsTheListedFiles_aStrippedBinary_andTheSymbolsApart() throws {
        let built = try Built()
        let listing = try Self.host("/usr/bin/dpkg-deb", ["--contents", built.deb])
        let files = Set(listing.stdout.split(separator: "\n").filter { $0.hasPrefix("-") || $0.hasPrefix("l") }
            .compactMap { $0.split(separator: " ").last.map { String($0.dropFirst(2)) } })
        #expect(files == Self.expectedFiles(docs: Self.documentation).union(["usr/share/lintian/overrides/steady"]),
                "unexpected: \(files.subtracting(Self.expectedFiles(docs: Self.documentation))), missing: \(Self.expectedFiles(docs: Self.documentation).subtracting(files))")

        let directory = TemporaryDirectory(prefix: "steady-deb")
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-x", built.deb, directory.file("deb")]).status == 0)
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-x", built.dbgsym, directory.file("dbgsym")]).status == 0)
        let binary = directory.file("deb/usr/bin/steady")

        // One version everywhere: the binary, the package, the changelogs.
        #expect(try Self.host(binary, ["--version"]).stdout == built.version + "\n")
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-f", built.deb, "Version"]).stdout == built.version + "\n")
        let changelog = try Self.host("/bin/sh", ["-c", "zcat '\(directory.file("deb/usr/share/doc/steady/changelog.gz"))' | head -n 1"])
        #expect(changelog.stdout == "steady (\(built.version)) unstable; urgency=medium\n")
        let repositoryChangelog = try String(contentsOf: Self.repository.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(repositoryChangelog.split(separator: "\n").first { $0.hasPrefix("## ") }?.hasPrefix("## \(built.version) — ") == true)

        // Stripped; its symbols in the -dbgsym package, under its build id.
        let sections = try Self.host("/usr/bin/readelf", ["-S", "-W", binary]).stdout
        #expect(!sections.contains(".symtab") && !sections.contains(".debug_info"), "the packaged binary is not stripped")
        let notes = try Self.host("/usr/bin/readelf", ["-n", binary]).stdout
        let buildID = try #require(notes.split(separator: "\n").first { $0.contains("Build ID:") }?.split(separator: " ").last.map(String.init))
        let debugFile = directory.file("dbgsym/usr/lib/debug/.build-id/\(buildID.prefix(2))/\(buildID.dropFirst(2)).debug")
        #expect(try Self.host("/usr/bin/readelf", ["-S", "-W", debugFile]).stdout.contains(".debug_info"),
                "no DWARF at \(debugFile)")
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-f", built.dbgsym, "Depends"]).stdout == "steady (= \(built.version))\n")

        // The packaged unit is the repository's, running /usr/bin/steady.
        let unit = try String(contentsOfFile: directory.file("deb/usr/lib/systemd/user/steady.service"), encoding: .utf8)
        let repositoryUnit = try String(contentsOf: Self.repository.appendingPathComponent("systemd/steady.service"), encoding: .utf8)
        #expect(unit == repositoryUnit.replacingOccurrences(of: "\nExecStart=%h/.local/bin/steady daemon\n",
                                                             with: "\nExecStart=/usr/bin/steady daemon\n"))
        #expect(unit.contains("\nExecStart=/usr/bin/steady daemon\n"))
    }

    /// Depends is what the binary really links: each library in its ELF NEEDED entries comes
    /// from a package the .deb depends on.
    @Test func deb_dependsOnWhatTheBinaryLinks_recommendsANotificationServer() throws {
        let built = try Built()
        let directory = TemporaryDirectory(prefix: "steady-deb")
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-x", built.deb, directory.path]).status == 0)
        let dynamic = try Self.host("/usr/bin/readelf", ["-d", directory.file("usr/bin/steady")]).stdout
        let needed = dynamic.split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { $0.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
        #expect(needed.contains("libsystemd.so.0") && needed.contains("libsqlite3.so.0"), "\(needed)")
        let depends = try Self.host("/usr/bin/dpkg-deb", ["-f", built.deb, "Depends"]).stdout
        let dependedOn = Set(depends.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) })
        for library in needed {
            let owner = try Self.host("/bin/sh", ["-c", "dpkg -S '*/\(library)' | head -n 1 | cut -d: -f1"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!owner.isEmpty && dependedOn.contains(owner), "\(library) comes from '\(owner)', which Depends (\(depends)) lacks")
        }
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-f", built.deb, "Recommends"]).stdout.hasPrefix("notification-daemon"))
        #expect(try Self.host("/usr/bin/dpkg-deb", ["-f", built.deb, "Suggests"]).stdout == "zenity | kdialog\n")
    }

    /// lintian: no error, and no warning that is not overridden with its reason.
    @Test func lintian_findsNoErrorAndNoUnexplainedWarning() throws {
        let built = try Built()
        let lintian = try Self.host("/usr/bin/lintian", ["--fail-on", "error,warning", built.deb, built.dbgsym], timeout: 600)
        let tags = lintian.stdout.split(separator: "\n").filter { $0.hasPrefix("E:") || $0.hasPrefix("W:") }
        #expect(lintian.status == 0 && tags.isEmpty, "\(lintian.stdout)\(lintian.stderr)")
        // Each override says why, on the line above it.
        let overrides = try String(contentsOf: Self.repository.appendingPathComponent("packaging/lintian-overrides"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in overrides.enumerated() where line.hasPrefix("steady") {
            #expect(index > 0 && overrides[index - 1].hasPrefix("# ") && overrides[index - 1].count > 20, "no reason for \(line)")
        }
    }

    @Test func archive_holdsTheSameFilesInAUsrTree_andINSTALL() throws {
        let built = try Built()
        let listing = try Self.host("/bin/tar", ["-tzvf", built.archive]).stdout.split(separator: "\n")
            .filter { !$0.hasPrefix("d") }.compactMap { $0.split(separator: " ").last.map(String.init) }
        let prefix = built.archiveName + "/"
        #expect(listing.allSatisfy { $0.hasPrefix(prefix) }, "\(listing)")
        #expect(Set(listing.map { String($0.dropFirst(prefix.count)) })
                == Self.expectedFiles(docs: Self.documentation).union(["INSTALL"]))
        let debug = try Self.host("/bin/tar", ["-tzf", built.debugArchive]).stdout
        #expect(debug.contains(prefix + "usr/lib/debug/.build-id/") && debug.contains(".debug\n"), "\(debug)")
        let install = try Self.host("/bin/tar", ["-xzOf", built.archive, prefix + "INSTALL"]).stdout
        #expect(install.contains("\(prefix)usr/bin/steady service install") && install.contains("steady service uninstall"), "\(install)")
    }

    // MARK: - Installed as people install them

    /// The .deb, the way a person installs it (`apt-get install ./steady_….deb`), in a throwaway
    /// system: enabled with `systemctl --user enable --now steady`, running with its status
    /// line, a prompt answered on dunst; `steady service install`/`uninstall` of the packaged
    /// steady, also with a person's own XDG_DATA_HOME, and the packaged unit alone with one set
    /// for the session (the package's user generator); then `dpkg --purge`, after which only dpkg's and apt's own records change
    /// anywhere but the home, and the home holds only the journal and the config.
    @Test func deb_installedWithApt_runsAsTheUsersService_answersThroughDunst_andPurgesClean() throws {
        try requireRoot("mount and PID namespaces, an overlay over /")
        let built = try Built()
        let manager = try UserManager(throwawaySystem: true)
        defer { manager.stop() }
        let debName = (built.deb as NSString).lastPathComponent
        // /run in there is a tmpfs of the namespace (not the overlay), reached through its root.
        try FileManager.default.copyItem(atPath: built.deb, toPath: manager.fromHost("/run/\(debName)"))

        let apt = try manager.run(["apt-get", "install", "-y", "--no-install-recommends", "/run/\(debName)"],
                                  environment: ["DEBIAN_FRONTEND=noninteractive"], timeout: 600)
        #expect(apt.status == 0, "\(apt.stdout)\(apt.stderr)")
        #expect(try manager.run(["dpkg-query", "-W", "-f", "${Status} ${Version}", "steady"]).stdout
                == "install ok installed \(built.version)")
        let which = try manager.run(["sh", "-c", "command -v steady; steady --version"])
        #expect(which.stdout == "/usr/bin/steady\n\(built.version)\n", "\(which.stdout)\(which.stderr)")
        #expect(try manager.run(["man", "-w", "steady"]).stdout == "/usr/share/man/man1/steady.1.gz\n")

        let desktop = try DesktopSession(existingBus: "unix:path=" + manager.fromHost("/run/user/0/bus"))
        defer { desktop.stop() }
        let slot = DaemonEndToEndTests.slot(inSeconds: 12)
        try manager.writeConfig("""
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "\(slot.expression)"
            technique = "box"
            """)

        // As a person would: enable the packaged unit. ~/.local/share/steady does not exist yet.
        let enable = try manager.run(["systemctl", "--user", "enable", "--now", "steady"])
        #expect(enable.status == 0, "\(enable.stdout)\(enable.stderr)\n\(manager.diagnostics())")
        let status = try manager.run(["systemctl", "--user", "--no-pager", "status", "steady"]).stdout
        #expect(status.contains("Active: active (running)"), "\(status)")
        #expect(status.contains("Status: \"next: morning-mindfulness at "), "\(status)")
        #expect(status.contains("/usr/lib/systemd/user/steady.service; enabled"), "\(status)")

        // The prompt reaches dunst; "box" is chosen through dunst's menu, as a click would.
        try desktop.waitForDisplayedCount(1, timeout: .seconds(40))
        try desktop.invokeAction(matching: ",box]")
        let journal = manager.home.file(".local/share/steady/journal.sqlite")
        let query = "SELECT p.practice, a.text, a.channel FROM answer a JOIN prompt p ON p.id = a.prompt_id"
        let answered = try manager.waitFor(timeout: 20) {
            (try? DaemonEndToEndTests.sqlite(journal, query)) == "morning-mindfulness|box|notification"
        }
        #expect(answered, "\((try? DaemonEndToEndTests.sqlite(journal, query)) ?? "no journal")\n\(manager.diagnostics())")

        // `steady service install` sees the package: it enables the packaged unit, copies nothing.
        let install = try manager.run(["steady", "service", "install"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        #expect(install.stdout.hasPrefix(
            "steady was installed by a package: using its unit /usr/lib/systemd/user/steady.service as it is (nothing is copied)\n"),
            "\(install.stdout)")
        #expect(!FileManager.default.fileExists(atPath: manager.home.file(".local/bin/steady")))
        #expect(!FileManager.default.fileExists(atPath: manager.home.file(".config/systemd/user/steady.service")))
        let serviceStatus = try manager.run(["steady", "service", "status"])
        #expect(serviceStatus.status == 0 && serviceStatus.stdout.contains(
            "unit:     /usr/lib/systemd/user/steady.service (enabled, from the package)"), "\(serviceStatus.stdout)")
        let uninstall = try manager.run(["steady", "service", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
        #expect(try manager.property("ActiveState") == "inactive")
        #expect(try manager.property("UnitFileState") == "disabled")

        // The packaged unit with a person's own XDG_DATA_HOME: install's drop-in gives the
        // service that directory, writable; uninstall takes the drop-in away again.
        let own = ["XDG_DATA_HOME=\(UserManager.sessionHome)/own data"]
        let ownInstall = try manager.run(["steady", "service", "install"], environment: own)
        #expect(ownInstall.status == 0, "\(ownInstall.stdout)\(ownInstall.stderr)\n\(manager.diagnostics())")
        #expect(try manager.property("ActiveState") == "active")
        #expect(try manager.property("DropInPaths") == "\(UserManager.sessionHome)/.config/systemd/user/steady.service.d/xdg-paths.conf")
        #expect(FileManager.default.fileExists(atPath: manager.home.file("own data/steady/journal.sqlite")))
        #expect(try manager.run(["steady", "service", "uninstall"], environment: own).status == 0)
        #expect(!FileManager.default.fileExists(atPath: manager.home.file(".config/systemd/user/steady.service.d")))

        // XDG_DATA_HOME set for the whole session (environment.d), and the packaged unit enabled
        // as it is, without `steady service install`: the package's user generator gives the
        // service that journal directory.
        try manager.home.write(".config/environment.d/50-data.conf", "XDG_DATA_HOME=\(UserManager.sessionHome)/session data\n")
        #expect(try manager.run(["systemctl", "--user", "daemon-reload"]).status == 0)
        let sessionEnable = try manager.run(["systemctl", "--user", "enable", "--now", "steady"])
        #expect(sessionEnable.status == 0, "\(sessionEnable.stdout)\(sessionEnable.stderr)\n\(manager.diagnostics())")
        #expect(try manager.property("ActiveState") == "active", "\(manager.diagnostics())")
        #expect(try manager.property("DropInPaths") == "/run/user/0/systemd/generator/steady.service.d/50-xdg-data-home.conf")
        #expect(FileManager.default.fileExists(atPath: manager.home.file("session data/steady/journal.sqlite")))
        #expect(try manager.run(["systemctl", "--user", "disable", "--now", "steady"]).status == 0)
        try FileManager.default.removeItem(atPath: manager.home.file(".config/environment.d/50-data.conf"))
        #expect(try manager.run(["systemctl", "--user", "daemon-reload"]).status == 0)

        // Purge the package, then look at everything that changed.
        let purge = try manager.run(["dpkg", "--purge", "steady"], timeout: 300)
        #expect(purge.status == 0, "\(purge.stdout)\(purge.stderr)")
        #expect(try manager.run(["sh", "-c", "command -v steady"]).status != 0)
        let changed = try manager.overlayChanges().filter { !$0.hasSuffix("/") }
        #expect(changed.contains("/var/lib/dpkg/status"), "the overlay does not show dpkg's own change: \(changed)")
        // dpkg's and apt's records, logs and caches, and the indexes that triggers rebuild.
        let bookkeeping = ["/var/lib/dpkg/", "/var/lib/apt/", "/var/log/", "/var/cache/",
                           "/usr/share/applications/mimeinfo.cache", "/usr/share/icons/hicolor/icon-theme.cache"]
        let leftovers = changed.filter { path in !bookkeeping.contains { path.hasPrefix($0) } }
        #expect(leftovers.isEmpty, "left outside the home after purge: \(leftovers)")
        #expect(!changed.contains { $0.lowercased().contains("steady") }, "\(changed.filter { $0.contains("steady") })")
        let records = ["/var/lib/dpkg/", "/var/lib/apt/", "/var/log/", "/var/cache/apt/"]
        let mentions = try manager.overlayFilesMentioning("steady").filter { path in !records.contains { path.hasPrefix($0) } }
        #expect(mentions.isEmpty, "files that still mention steady: \(mentions)")
        #expect(Self.homeFiles(manager) == [
            ".config/steady/config.toml", ".local/share/steady/journal.sqlite", "own data/steady/journal.sqlite",
            "session data/steady/journal.sqlite",
        ], "the home after purge holds \(Self.homeFiles(manager))")
    }

    /// The archive, as its INSTALL says: unpacked in the home, `usr/bin/steady service install`
    /// (copies steady to ~/.local/bin and writes the unit as a from-source install does), a
    /// prompt answered on dunst, then `steady service uninstall`.
    @Test func archive_unpacked_serviceInstall_answersThroughDunst_andUninstallLeavesOnlyTheJournal() throws {
        try requireRoot("mount and PID namespaces")
        let built = try Built()
        let manager = try UserManager()
        defer { manager.stop() }
        #expect(try Self.host("/bin/tar", ["-xzf", built.archive, "-C", manager.home.path]).status == 0)
        let unpacked = "\(UserManager.sessionHome)/\(built.archiveName)/usr/bin/steady"

        let desktop = try DesktopSession(existingBus: "unix:path=" + manager.fromHost("/run/user/0/bus"))
        defer { desktop.stop() }
        let slot = DaemonEndToEndTests.slot(inSeconds: 10)
        try manager.writeConfig("""
            quiet-hours = "off"
            [practices.morning-mindfulness]
            schedule = "\(slot.expression)"
            technique = "box"
            """)
        let install = try manager.run([unpacked, "service", "install"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)\n\(manager.diagnostics())")
        #expect(install.stdout.hasPrefix("copied \(unpacked) to \(UserManager.sessionHome)/.local/bin/steady\n"), "\(install.stdout)")
        #expect(FileManager.default.contentsEqual(atPath: manager.home.file("\(built.archiveName)/usr/bin/steady"),
                                                  andPath: manager.home.file(".local/bin/steady")))
        let status = try manager.run(["systemctl", "--user", "--no-pager", "status", "steady"]).stdout
        #expect(status.contains("Active: active (running)") && status.contains("Status: \"next: morning-mindfulness at "), "\(status)")

        try desktop.waitForDisplayedCount(1, timeout: .seconds(40))
        try desktop.invokeAction(matching: ",box]")
        let journal = manager.home.file(".local/share/steady/journal.sqlite")
        let answered = try manager.waitFor(timeout: 20) {
            (try? DaemonEndToEndTests.sqlite(journal, "SELECT text, channel FROM answer")) == "box|notification"
        }
        #expect(answered, "\(manager.diagnostics())")

        let uninstall = try manager.run(["steady", "service", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.stdout)\(uninstall.stderr)")
        #expect(try manager.run(["systemctl", "--user", "cat", "steady"]).status != 0)
        let left = Self.homeFiles(manager).filter { !$0.hasPrefix(built.archiveName + "/") }
        #expect(left == [".config/steady/config.toml", ".local/share/steady/journal.sqlite"], "the home after uninstall holds \(left)")
    }

    /// Files and links (not directories) in the manager's home, relative to it, without the harness's
    /// own and without the journal's companions in its directory (SQLite's `-wal`/`-shm`, the
    /// daemon's `daemon.lock`).
    static func homeFiles(_ manager: UserManager) -> [String] {
        let root = manager.home.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            // lstat, so a dangling symlink (an enablement left behind) counts too.
            let type = (try? FileManager.default.attributesOfItem(atPath: root + "/" + relative))?[.type] as? FileAttributeType
            guard type != .typeDirectory, !relative.hasPrefix(".harness"), relative != ".manager.sh",
                  !relative.hasSuffix("steady/journal.sqlite-wal"), !relative.hasSuffix("steady/journal.sqlite-shm"),
                  !relative.hasSuffix("steady/daemon.lock")
            else { continue }
            files.append(relative)
        }
        return files.sorted()
    }
}
