import ArgumentParser
import Foundation
import SteadyInstall
import SteadyLocalization
import SteadyTerminal

extension ServiceCommand {
    struct Uninstall: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: tr("Stop and remove the systemd user service."),
            discussion: tr("Runs `systemctl --user disable --now steady`, removes the unit, the man page, the desktop entry and icon, the completions and ~/.local/bin/steady (not a --bin executable) and the XDG drop-in, then reloads systemd; for a packaged steady it disables the unit and leaves the package's files to the package manager. Your journal and config stay unless --purge is given; --purge asks first, and without a terminal to ask in it refuses unless --yes is given too.")) }

        @Flag(help: ArgumentHelp(tr("Also delete the journal and the config (asks first).")))
        var purge = false

        @Flag(help: ArgumentHelp(tr("With --purge: delete without asking.")))
        var yes = false

        @OptionGroup var options: ServiceOptions

        func validate() throws {
            if yes && !purge { throw ValidationError(tr("--yes only confirms --purge; without --purge nothing is deleted that needs a yes.")) }
        }

        func run() throws {
            let paths = ServiceCommand.paths()
            var confirmed = yes
            if purge && !yes && !options.dryRun {
                guard isatty(0) == 1 else {
                    printError(tr("--purge deletes your journal and config and there is no terminal to ask in; add --yes if you are sure. Nothing was changed."))
                    throw ExitStatus.usage
                }
                print(tr("This deletes your journal (%1$@) and config (%2$@), every answer and entry in them. It cannot be undone.", paths.dataDirectory, paths.configDirectory))
                print(tr("Delete them? [y/N] "), terminator: "")
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                confirmed = answer.map { Asker.yesWords.contains($0) } ?? false
                if !confirmed {
                    print(tr("Nothing was changed."))
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
