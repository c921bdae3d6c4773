import Foundation
import SteadyKit

/// Where `steady service install` puts things for one person, following the XDG base
/// directories and systemd's user unit search path.
public struct ServicePaths: Sendable, Equatable {
    /// `$HOME`.
    public var home: String
    /// The executable the unit runs: `~/.local/bin/steady`, or `--bin`.
    public var executable: String
    /// `$XDG_CONFIG_HOME/systemd/user/steady.service`.
    public var unitFile: String
    /// `$XDG_DATA_HOME/man/man1/steady.1` (man-db finds it through `~/.local/bin` on `PATH`).
    public var manPage: String
    /// `$XDG_DATA_HOME/bash-completion/completions/steady` (loaded on demand by bash-completion).
    public var bashCompletion: String
    /// `$XDG_DATA_HOME/zsh/site-functions/_steady` (add the directory to `fpath`).
    public var zshCompletion: String
    /// `$XDG_CONFIG_HOME/fish/completions/steady.fish` (loaded by fish).
    public var fishCompletion: String
    /// `$XDG_DATA_HOME/applications/steady.desktop` (notification servers read steady's name and
    /// icon from it; launchers list it).
    public var desktopEntry: String
    /// `$XDG_DATA_HOME/icons/hicolor/scalable/apps/steady.svg` (the icon the desktop entry and
    /// the notifications name).
    public var icon: String
    /// The journal's directory (`$XDG_DATA_HOME/steady`): the only place the service writes.
    public var dataDirectory: String
    /// The config directory (`$XDG_CONFIG_HOME/steady`).
    public var configDirectory: String
    /// `$XDG_CONFIG_HOME/systemd/user/steady.service.d/xdg-paths.conf`, the drop-in for a
    /// person's own XDG directories (``ServicePathsDropIn``).
    public var dropInFile: String
    /// Where a package puts the unit: a `steady.service` here whose `ExecStart=` runs this very
    /// executable means steady was installed by a package (the user manager's search path for
    /// units that come with the system, systemd.unit(5)).
    public var packagedUnitDirectories = ["/usr/lib/systemd/user", "/lib/systemd/user", "/usr/local/lib/systemd/user"]

    /// The default executable location, `~/.local/bin/steady`.
    public var standardExecutable: String { home + "/.local/bin/steady" }

    /// The paths for `environment`; `executable` overrides `~/.local/bin/steady`, and the
    /// journal and config directories come from the modules that own them.
    public init(environment: [String: String], executable: String? = nil, dataDirectory: String, configDirectory: String) {
        let directories = BaseDirectories(environment: environment, fallbackHome: NSHomeDirectory())
        let home = directories.home, config = directories.configHome, data = directories.dataHome
        self.home = home
        self.executable = executable ?? home + "/.local/bin/steady"
        unitFile = config + "/systemd/user/" + ServiceUnit.name
        dropInFile = config + "/systemd/user/" + ServiceUnit.name + ".d/" + ServicePathsDropIn.fileName
        manPage = data + "/man/man1/steady.1"
        bashCompletion = data + "/bash-completion/completions/steady"
        zshCompletion = data + "/zsh/site-functions/_steady"
        fishCompletion = config + "/fish/completions/steady.fish"
        desktopEntry = data + "/applications/steady.desktop"
        icon = data + "/icons/hicolor/scalable/apps/steady.svg"
        self.dataDirectory = dataDirectory
        self.configDirectory = configDirectory
    }

    /// The default journal directory, `~/.local/share/steady`: the one the unit lets the service
    /// write; ``dropIn`` moves it.
    public var standardDataDirectory: String { home + "/.local/share/steady" }

    /// The unit for this executable (always with the default journal directory).
    public var unit: ServiceUnit {
        ServiceUnit(executablePath: executable, dataDirectoryPath: standardDataDirectory, home: home)
    }

    /// The drop-in for a person's own XDG directories, nil when the defaults are in use.
    public var dropIn: ServicePathsDropIn? {
        ServicePathsDropIn(dataDirectory: dataDirectory, configDirectory: configDirectory, home: home)
    }
}
