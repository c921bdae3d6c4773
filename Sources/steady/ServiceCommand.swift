import ArgumentParser
import Foundation
import SteadyConfig
import SteadyInstall
import SteadyJournal
import SteadyLocalization

struct ServiceCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "service",
        abstract: tr("Install, remove or inspect steady's systemd user service."),
        discussion: tr("`steady service install` copies this steady to ~/.local/bin, writes the unit ~/.config/systemd/user/steady.service with the man page, a desktop entry and icon (so notifications show steady's name and icon) and shell completions, then runs `systemctl --user daemon-reload` and `systemctl --user enable --now steady`. Each step is printed as it is done; --dry-run prints them without doing any. docs/service.md explains the unit and its hardening.") + "\n\n" + tr("Exit status: 0 done, 1 systemctl failed or the service did not start, 3 (status) the service is not running, 64 a bad option or a --purge without a yes, 69 no systemd user manager is reachable (install still writes the files and prints the steps left), 73 a file could not be written or removed."),
        subcommands: [Install.self, Uninstall.self, Status.self]) }
}

/// Options shared by the `service` subcommands.
struct ServiceOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(tr("Print the steps without changing anything.")))
    var dryRun = false
}

extension ServiceCommand {
    /// The paths for this user, with `--bin` when given.
    static func paths(executable: String? = nil) -> ServicePaths {
        ServicePaths(
            environment: ProcessInfo.processInfo.environment, executable: executable,
            dataDirectory: (Journal.defaultPath() as NSString).deletingLastPathComponent,
            configDirectory: (ConfigLoader.defaultPath() as NSString).deletingLastPathComponent)
    }

    /// The man page, the desktop entry and icon, and the completions for the shells installed
    /// here (bash always).
    static func files(for paths: ServicePaths) -> [ServiceInstaller.File] {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var files = [
            ServiceInstaller.File(path: paths.manPage, label: tr("the man page"), contents: ServiceManualPage.text),
            ServiceInstaller.File(path: paths.desktopEntry, label: tr("the desktop entry"),
                                  contents: DesktopEntryFiles.desktopEntry(executable: paths.executable)),
            ServiceInstaller.File(path: paths.icon, label: tr("the icon"), contents: DesktopEntryFiles.icon),
            ServiceInstaller.File(path: paths.bashCompletion, label: tr("bash completions"),
                                  contents: Steady.completionScript(for: .bash)),
        ]
        if Systemctl.find("zsh", path: searchPath) != nil {
            let directory = (paths.zshCompletion as NSString).deletingLastPathComponent
            files.append(.init(path: paths.zshCompletion, label: tr("zsh completions"), contents: Steady.completionScript(for: .zsh),
                               note: tr("(zsh finds them once ~/.zshrc has: fpath=(%1$@ $fpath) before compinit)", directory)))
        }
        if Systemctl.find("fish", path: searchPath) != nil {
            files.append(.init(path: paths.fishCompletion, label: tr("fish completions"), contents: Steady.completionScript(for: .fish)))
        }
        return files
    }

    static func installer(_ paths: ServicePaths) -> ServiceInstaller {
        ServiceInstaller(paths: paths, systemctl: Systemctl()) { line in print(line) }
    }

    /// The exit status for a service error, as documented above.
    static func exitCode(_ error: ServiceError) -> ExitCode {
        switch error.code {
        case .noManager: ExitStatus.unavailable
        case .cannotWrite: ExitStatus.cannotWrite
        case .systemctl, .otherInstall: ExitStatus.failure
        case .notConfirmed, .badPath: ExitStatus.usage
        }
    }
}
