import ArgumentParser
import Foundation
import SteadyInstall
import SteadyLocalization

extension ServiceCommand {
    struct Install: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: tr("Install steady as a systemd user service and start it."),
            discussion: tr("Copies this steady to ~/.local/bin/steady (or runs the one given with --bin), creates the journal directory, writes the unit, the man page, a desktop entry and icon (~/.local/share/applications/steady.desktop, which gives notifications steady's name and icon) and completions, copies the translations to ~/.local/share/locale, then runs `systemctl --user daemon-reload` and `systemctl --user enable --now steady` (and a restart when it was already running, so a new version takes over). Running it again updates everything.") + "\n\n" + tr("A steady installed by a package (/usr/bin/steady with its unit in /usr/lib/systemd/user) is not copied: install only creates the journal directory and enables the packaged unit. With your own XDG_DATA_HOME or XDG_CONFIG_HOME, a drop-in (~/.config/systemd/user/steady.service.d/xdg-paths.conf) gives the service the same directories.") + "\n\n" + tr("Without a reachable systemd user manager (no login session, a container, sudo) the files are still written and the remaining commands are printed; exit status 69.")) }

        @Option(name: .customLong("bin"), help: ArgumentHelp(
            tr("Run this steady executable instead of copying this one to ~/.local/bin."), valueName: "path"))
        var executable: String?

        @OptionGroup var options: ServiceOptions

        func validate() throws {
            if let executable {
                guard executable.hasPrefix("/") else {
                    throw ValidationError(tr("--bin needs an absolute path, e.g. --bin /usr/bin/steady."))
                }
                guard FileManager.default.isExecutableFile(atPath: executable) else {
                    throw ValidationError(tr("%1$@ is not an executable file; give --bin the path of a steady binary.", executable))
                }
            }
        }

        func run() throws {
            let paths = ServiceCommand.paths(executable: executable)
            let source = executable == nil ? Self.runningExecutable() : nil
            do {
                try ServiceCommand.installer(paths).install(
                    source: source, files: ServiceCommand.files(for: paths),
                    catalogues: Localization.directory(executable: source, override: ProcessInfo.processInfo.environment[Localization.directoryVariable]),
                    dryRun: options.dryRun)
            } catch {
                printError(error.description)
                throw ServiceCommand.exitCode(error)
            }
        }

        /// The file this process runs from.
        static func runningExecutable() -> String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        }
    }
}
