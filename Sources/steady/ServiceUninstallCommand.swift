import ArgumentParser
import Foundation
import SteadyInstall

extension ServiceCommand {
    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop and remove the systemd user service.",
            discussion: """
                Runs `systemctl --user disable --now steady`, removes the unit, the man page, the \
                desktop entry and icon, the completions and ~/.local/bin/steady (not a --bin \
                executable) and the XDG drop-in, then reloads systemd; for a packaged steady it \
                disables the unit and leaves the package's files to the package manager. Your \
                journal and config stay unless --purge is \
                given; --purge asks first, and without a terminal to ask in it refuses unless --yes \
                is given too.
                """)

        @Flag(help: "Also delete the journal and the config (asks first).")
        var purge = false

        @Flag(help: "With --purge: delete without asking.")
        var yes = false

        @OptionGroup var options: ServiceOptions

        func validate() throws {
            if yes && !purge { throw ValidationError("--yes only confirms --purge; without --purge nothing is deleted that needs a yes.") }
        }

        func run() throws {
            let paths = ServiceCommand.paths()
            var confirmed = yes
            if purge && !yes && !options.dryRun {
                guard isatty(0) == 1 else {
                    printError("--purge deletes your journal and config and there is no terminal to ask in; add --yes if you are sure. Nothing was changed.")
                    throw ExitStatus.usage
                }
                print("This deletes your journal (\(paths.dataDirectory)) and config (\(paths.configDirectory)), every answer and entry in them. It cannot be undone.")
                print("Delete them? [y/N] ", terminator: "")
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                confirmed = answer == "y" || answer == "yes"
                if !confirmed {
                    print("Nothing was changed.")
                    return
                }
            }
            do {
                try ServiceCommand.installer(paths).uninstall(
                    files: ServiceCommand.files(for: paths).map(\.path) + [paths.zshCompletion, paths.fishCompletion],
                    purge: purge, confirmed: confirmed, dryRun: options.dryRun)
            } catch {
                printError(error.description)
                throw ServiceCommand.exitCode(error)
            }
        }
    }
}
