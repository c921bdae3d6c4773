import Foundation
import SteadyLocalization

/// Installs, removes and describes steady's systemd user service: the executable, the unit,
/// the man page, shell completions, desktop entry and icon, and the `systemctl --user` calls around them.
///
/// A steady installed by a package (its unit in `/usr/lib/systemd/user` runs this very
/// executable) is only enabled: the package owns the executable, unit and the files around it.
/// Either way a person's own XDG directories get the drop-in ``ServicePathsDropIn``.
///
/// Every step is reported as one line as it is done (or, with `dryRun`, as it would be), so a
/// person sees exactly what changed on their machine. When no user manager is reachable the
/// files are still installed and the steps left to do by hand are printed.
public struct ServiceInstaller: Sendable {
    /// A file installed next to the unit (man page, completions, desktop entry, icon).
    public struct File: Sendable, Equatable {
        /// Absolute path.
        public var path: String
        /// What it is, for the report ("the man page").
        public var label: String
        public var contents: String
        /// What the person still has to do for it to take effect, said after it is written.
        public var note: String?

        public init(path: String, label: String, contents: String, note: String? = nil) {
            self.path = path
            self.label = label
            self.contents = contents
            self.note = note
        }
    }

    public var paths: ServicePaths
    public var systemctl: Systemctl
    /// Receives one line per step.
    public var report: @Sendable (String) -> Void

    public init(paths: ServicePaths, systemctl: Systemctl, report: @escaping @Sendable (String) -> Void) {
        self.paths = paths
        self.systemctl = systemctl
        self.report = report
    }

    // MARK: - Install

    /// Installs and starts the service.
    ///
    /// - Parameters:
    ///   - source: the running executable, copied to `paths.executable`; nil when
    ///     `paths.executable` is used as it is (`--bin`).
    ///   - files: the man page, completions, desktop entry and icon to write.
    ///   - catalogues: the running steady's translations (`<dir>/<lang>/LC_MESSAGES/steady.mo`),
    ///     copied with the executable to `<prefix>/share/locale` beside its `<prefix>/bin`.
    ///   - dryRun: report the steps without doing any.
    /// - Throws: `.badPath` for an unusable `--bin`, `.cannotWrite`, `.noManager` (after
    ///   installing the files and printing the remaining steps), `.systemctl`.
    public func install(source: String?, files: [File], catalogues: String? = nil, dryRun: Bool) throws(ServiceError) {
        if source == nil {
            guard paths.executable.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: paths.executable) else {
                throw ServiceError(.badPath, tr("%1$@ is not an executable file; give --bin the absolute path of a steady binary.", paths.executable))
            }
        }
        if let source, let packagedUnit = packagedUnit(running: source) {
            try installPackaged(unitFile: packagedUnit, dryRun: dryRun)
            return
        }
        if dryRun { report(tr("Dry run: nothing is changed.")) }

        if let source {
            if Self.sameFile(source, paths.executable) {
                report(dryRun ? tr("would keep %1$@ (it is this steady)", paths.executable) : tr("keep %1$@ (it is this steady)", paths.executable))
            } else {
                try step(dryRun) { () throws(ServiceError) in
                    try Self.write(contentsOf: source, to: paths.executable, mode: 0o755)
                }
                report(dryRun ? tr("would copy %1$@ to %2$@", source, paths.executable) : tr("copied %1$@ to %2$@", source, paths.executable))
                if let catalogues { try copyCatalogues(from: catalogues, dryRun: dryRun) }
            }
        } else {
            report(dryRun ? tr("would run %1$@ as it is (--bin)", paths.executable) : tr("run %1$@ as it is (--bin)", paths.executable))
        }
        try makeDataDirectory(dryRun: dryRun)
        let unit = File(path: paths.unitFile, label: tr("the unit"), contents: paths.unit.text)
        for file in [unit] + files {
            try writeReporting(file, dryRun: dryRun)
        }
        try placeDropIn(dryRun: dryRun)
        try start(dryRun: dryRun)
    }

    /// Copies each `<lang>/LC_MESSAGES/steady.mo` of `source` to where the installed executable
    /// looks (`~/.local/bin/steady` → `~/.local/share/locale`), reported in one line.
    private func copyCatalogues(from source: String, dryRun: Bool) throws(ServiceError) {
        guard let target = Self.catalogueDirectory(besides: paths.executable) else { return }
        let languages = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []).sorted()
            .filter { FileManager.default.fileExists(atPath: "\(source)/\($0)/LC_MESSAGES/steady.mo") }
        guard !languages.isEmpty, !Self.sameFile(source, target) else { return }
        for language in languages {
            try step(dryRun) { () throws(ServiceError) in
                try Self.write(contentsOf: "\(source)/\(language)/LC_MESSAGES/steady.mo",
                               to: "\(target)/\(language)/LC_MESSAGES/steady.mo", mode: 0o644)
            }
        }
        let list = languages.joined(separator: ", ")
        report(dryRun ? tr("would copy the translations (%1$@) to %2$@", list, target) : tr("copied the translations (%1$@) to %2$@", list, target))
    }

    /// `<prefix>/share/locale` for an executable in `<prefix>/bin`, where steady looks for its translations.
    static func catalogueDirectory(besides executable: String) -> String? {
        let folder = (executable as NSString).deletingLastPathComponent
        guard folder.hasSuffix("/bin") else { return nil }
        return String(folder.dropLast("/bin".count)) + "/share/locale"
    }

    /// `install` for a packaged steady: nothing is copied or written but the journal's directory
    /// and, for a person's own XDG directories, the drop-in; then the packaged unit is enabled.
    private func installPackaged(unitFile: String, dryRun: Bool) throws(ServiceError) {
        if FileManager.default.fileExists(atPath: paths.unitFile) {
            throw ServiceError(.otherInstall, tr("%1$@, left by an earlier `steady service install`, takes precedence over the packaged unit %2$@; remove that install first with `steady service uninstall`, then run install again.", paths.unitFile, unitFile))
        }
        if dryRun { report(tr("Dry run: nothing is changed.")) }
        report(dryRun ? tr("steady was installed by a package: would use its unit %1$@ as it is (nothing is copied)", unitFile) : tr("steady was installed by a package: using its unit %1$@ as it is (nothing is copied)", unitFile))
        try makeDataDirectory(dryRun: dryRun)
        try placeDropIn(dryRun: dryRun)
        try start(dryRun: dryRun)
    }

    /// Creates the journal's directory (0700) when it is missing.
    private func makeDataDirectory(dryRun: Bool) throws(ServiceError) {
        guard !FileManager.default.fileExists(atPath: paths.dataDirectory) else { return }
        try step(dryRun) { () throws(ServiceError) in try Self.makeDirectory(paths.dataDirectory, mode: 0o700) }
        report(dryRun ? tr("would create %1$@ (0700) for the journal: the one directory the service may write", paths.dataDirectory) : tr("created %1$@ (0700) for the journal: the one directory the service may write", paths.dataDirectory))
    }

    /// Writes the drop-in for a person's own XDG directories, or removes one an earlier install
    /// wrote for directories no longer in use.
    private func placeDropIn(dryRun: Bool) throws(ServiceError) {
        if let dropIn = paths.dropIn {
            try writeReporting(File(path: paths.dropInFile, label: tr("the drop-in for your XDG directories"), contents: dropIn.text),
                               dryRun: dryRun)
        } else if FileManager.default.fileExists(atPath: paths.dropInFile) {
            try step(dryRun) { () throws(ServiceError) in try removeDropIn() }
            report(dryRun ? tr("would remove %1$@ (your XDG directories are the defaults now)", paths.dropInFile) : tr("removed %1$@ (your XDG directories are the defaults now)", paths.dropInFile))
        }
    }

    /// Removes the drop-in, and its directory when nothing else is in it.
    private func removeDropIn() throws(ServiceError) {
        try Self.remove(paths.dropInFile)
        rmdir((paths.dropInFile as NSString).deletingLastPathComponent)
    }

    private func writeReporting(_ file: File, dryRun: Bool) throws(ServiceError) {
        try step(dryRun) { () throws(ServiceError) in
            try Self.write(Data(file.contents.utf8), to: file.path, mode: 0o644)
        }
        // TRANSLATORS: %1$@ is what the file is ("the man page"), %2$@ its path.
        report(dryRun ? tr("would write %1$@ %2$@", file.label, file.path) : tr("wrote %1$@ %2$@", file.label, file.path))
        if let note = file.note { report("  \(note)") }
    }

    /// Reloads systemd, enables and starts the unit (restarting it when it was running, so a
    /// new version or drop-in takes over), and checks that it came up.
    private func start(dryRun: Bool) throws(ServiceError) {
        let wasActive = !dryRun && systemctl.show(["ActiveState"])?["ActiveState"] == "active"
        let commands: [[String]] = [["daemon-reload"], ["enable", "--now", ServiceUnit.name]]
            + (wasActive ? [["restart", ServiceUnit.name]] : [])
        if dryRun {
            for command in commands { report(tr("would run %1$@", "systemctl --user " + command.joined(separator: " "))) }
            return
        }
        if let reason = systemctl.unreachableReason() {
            report("")
            report(tr("steady is installed but not started: %1$@", reason))
            report(tr("Inside a login session with systemd, finish with:"))
            for command in commands { report("  systemctl --user \(command.joined(separator: " "))") }
            report(tr("or run it in the foreground now with: %1$@", paths.executable + " daemon"))
            throw ServiceError(.noManager, tr("no systemd user manager is reachable; the remaining steps are printed above."))
        }
        for command in commands {
            try runReporting(command)
        }
        let state = systemctl.show(["ActiveState", "SubState", "StatusText"]) ?? [:]
        report("")
        guard state["ActiveState"] == "active" else {
            throw ServiceError(.systemctl, tr("steady.service is %1$@ (%2$@); see `journalctl --user -u steady`.",
                                            state["ActiveState"] ?? tr("in an unknown state"),
                                            state["StatusText"].flatMap { $0.isEmpty ? nil : $0 } ?? tr("no status")))
        }
        report(state["StatusText"].flatMap { $0.isEmpty ? nil : $0 }.map { tr("steady is running: %1$@.", $0) } ?? tr("steady is running: started."))
        report(tr("See it with `systemctl --user status steady` and its log with `journalctl --user -u steady`."))
    }

    // MARK: - Uninstall

    /// Stops and removes the service, its unit and the files installed with it, and the executable
    /// when it is the one `install` copied. Keeps the journal and config unless `purge`.
    ///
    /// - Parameter confirmed: the person agreed to `purge` (the caller asks); without it a
    ///   purge is refused before anything changes.
    public func uninstall(files: [String], purge: Bool, confirmed: Bool, dryRun: Bool) throws(ServiceError) {
        if purge && !confirmed && !dryRun {
            throw ServiceError(.notConfirmed, tr("--purge deletes your journal; it needs a yes (answer the question in a terminal, or add --yes)."))
        }
        if dryRun { report(tr("Dry run: nothing is changed.")) }
        let fileManager = FileManager.default
        let unitText = try? String(contentsOfFile: paths.unitFile, encoding: .utf8)
        // No unit of its own: a packaged steady's install only enabled the package's unit.
        let packagedUnit = unitText == nil ? packagedUnitFile() : nil
        let installed = unitText != nil || packagedUnit != nil
        let installedExecutable = unitText.flatMap { ServiceUnit.executable(inUnitText: $0, home: paths.home) }
        let reason = dryRun ? nil : systemctl.unreachableReason()

        if installed {
            if dryRun {
                report(tr("would run %1$@", "systemctl --user disable --now " + ServiceUnit.name))
            } else if reason == nil {
                try runReporting(["disable", "--now", ServiceUnit.name])
            }
        }
        var removable = unitText == nil ? [] : [paths.unitFile] + files
        if let installedExecutable, installedExecutable == paths.standardExecutable {
            removable.append(installedExecutable)
            // The translations install copied beside it.
            if let locale = Self.catalogueDirectory(besides: installedExecutable) {
                removable += ((try? fileManager.contentsOfDirectory(atPath: locale)) ?? []).sorted()
                    .map { "\(locale)/\($0)/LC_MESSAGES/steady.mo" }
            }
        } else if let installedExecutable {
            report(tr("left %1$@ in place: it was given with --bin, not copied by install", installedExecutable))
        }
        for path in removable where fileManager.fileExists(atPath: path) {
            try step(dryRun) { () throws(ServiceError) in try Self.remove(path) }
            report(dryRun ? tr("would remove %1$@", path) : tr("removed %1$@", path))
        }
        if fileManager.fileExists(atPath: paths.dropInFile) {
            try step(dryRun) { () throws(ServiceError) in try removeDropIn() }
            report(dryRun ? tr("would remove %1$@", paths.dropInFile) : tr("removed %1$@", paths.dropInFile))
        }
        if let packagedUnit {
            report(tr("left the packaged steady in place (%1$@ and the rest belong to the package; your package manager removes them)", packagedUnit))
        }
        if installed {
            if dryRun {
                report(tr("would run %1$@", "systemctl --user daemon-reload"))
            } else if reason == nil {
                try runReporting(["daemon-reload"])
            }
        }
        if purge {
            for directory in [paths.dataDirectory, paths.configDirectory] where fileManager.fileExists(atPath: directory) {
                try step(dryRun) { () throws(ServiceError) in try Self.remove(directory) }
                report(dryRun ? tr("would delete %1$@ and everything in it", directory) : tr("deleted %1$@ and everything in it", directory))
            }
        } else if fileManager.fileExists(atPath: paths.dataDirectory) {
            report(tr("kept your journal in %1$@ (`steady service uninstall --purge` deletes it)", paths.dataDirectory))
        }
        if let reason, installed {
            report("")
            report(tr("No systemd user manager could be told: %1$@", reason))
            report(tr("If steady is still running, stop it with `systemctl --user disable --now steady` inside your session."))
        }
        if !installed && !dryRun {
            report(tr("steady.service was not installed for this user (no %1$@).", paths.unitFile))
        }
    }

    // MARK: - Status

    /// What is installed and what systemd says about it.
    public struct Status: Sendable, Codable, Equatable {
        public var unitFile: String
        public var installed: Bool
        /// Whether the unit is a package's (steady installed by a package).
        public var packaged: Bool = false
        /// Whether the installed unit is what this steady would write for its executable.
        public var unitCurrent: Bool?
        public var executable: String?
        public var executablePresent: Bool?
        /// Why systemd could not be asked, when it could not.
        public var managerProblem: String?
        public var enabled: String?
        public var active: String?
        public var sub: String?
        public var mainPID: Int?
        public var statusText: String?
        public var restarts: Int?
        public var result: String?
    }

    /// Reads the installed files and asks systemd (`systemctl --user show`).
    public func status() -> Status {
        var unitFile = paths.unitFile
        var unitText = try? String(contentsOfFile: unitFile, encoding: .utf8)
        var packaged = false
        if unitText == nil, let packagedUnit = packagedUnitFile() {
            unitFile = packagedUnit
            unitText = try? String(contentsOfFile: packagedUnit, encoding: .utf8)
            packaged = unitText != nil
        }
        var status = Status(unitFile: unitFile, installed: unitText != nil, packaged: packaged)
        if let unitText, let executable = ServiceUnit.executable(inUnitText: unitText, home: paths.home) {
            status.executable = executable
            status.executablePresent = FileManager.default.isExecutableFile(atPath: executable)
            var current = paths
            current.executable = executable
            status.unitCurrent = unitText == current.unit.text
        }
        if let problem = systemctl.unreachableReason() {
            status.managerProblem = problem
            return status
        }
        let show = systemctl.show(["UnitFileState", "ActiveState", "SubState", "MainPID", "StatusText", "NRestarts", "Result"]) ?? [:]
        func value(_ key: String) -> String? { show[key].flatMap { $0.isEmpty ? nil : $0 } }
        status.enabled = value("UnitFileState")
        status.active = value("ActiveState")
        status.sub = value("SubState")
        status.mainPID = value("MainPID").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
        status.statusText = value("StatusText")
        status.restarts = value("NRestarts").flatMap(Int.init)
        status.result = value("Result")
        return status
    }

    // MARK: - Packaged installs

    /// The packaged unit whose `ExecStart=` runs `executable` (the same file), if there is one.
    func packagedUnit(running executable: String) -> String? {
        for directory in paths.packagedUnitDirectories {
            let file = directory + "/" + ServiceUnit.name
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                  let runs = ServiceUnit.executable(inUnitText: text, home: paths.home), Self.sameFile(runs, executable)
            else { continue }
            return file
        }
        return nil
    }

    /// The first packaged unit file that exists, whatever it runs.
    func packagedUnitFile() -> String? {
        paths.packagedUnitDirectories.map { $0 + "/" + ServiceUnit.name }.first { FileManager.default.fileExists(atPath: $0) }
    }

    // MARK: - Helpers

    private func step(_ dryRun: Bool, _ body: () throws(ServiceError) -> Void) throws(ServiceError) {
        if !dryRun { try body() }
    }

    private func runReporting(_ arguments: [String]) throws(ServiceError) {
        let line = "systemctl --user " + arguments.joined(separator: " ")
        let result = try systemctl.run(arguments)
        guard result.status == 0 else {
            let said = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ServiceError(.systemctl, said.isEmpty ? tr("`%1$@` failed (exit status %2$@)", line, result.status)
                                                   : tr("`%1$@` failed (exit status %2$@): %3$@", line, result.status, said))
        }
        report(tr("ran %1$@", line))
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    static func makeDirectory(_ path: String, mode: Int) throws(ServiceError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: mode])
        } catch {
            throw ServiceError(.cannotWrite, tr("cannot create %1$@: %2$@", path, error.localizedDescription))
        }
    }

    static func write(contentsOf source: String, to path: String, mode: Int) throws(ServiceError) {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw ServiceError(.cannotWrite, tr("cannot read %1$@ to copy it", source))
        }
        try write(data, to: path, mode: mode)
    }

    /// Writes through a temporary file and a rename: a running copy of the executable keeps
    /// its old inode, and nobody ever sees half a file.
    static func write(_ data: Data, to path: String, mode: Int) throws(ServiceError) {
        let directory = (path as NSString).deletingLastPathComponent
        try makeDirectory(directory, mode: 0o755)
        let temporary = directory + "/.\((path as NSString).lastPathComponent).steady-install"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ServiceError(.cannotWrite, tr("cannot write %1$@: %2$@", path, error.localizedDescription))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ServiceError(.cannotWrite, tr("cannot write %1$@: %2$@", path, reason))
        }
    }

    static func remove(_ path: String) throws(ServiceError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw ServiceError(.cannotWrite, tr("cannot remove %1$@: %2$@", path, error.localizedDescription))
        }
    }
}
