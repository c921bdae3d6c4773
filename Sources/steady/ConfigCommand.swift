import ArgumentParser
import Foundation
import SteadyConfig
import SteadyLocalization

struct ConfigCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "config",
        abstract: tr("Create or check the config file."),
        subcommands: [Init.self, Check.self]) }

    struct Init: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: tr("Write a commented default config file."),
            discussion: tr("Writes to $XDG_CONFIG_HOME/steady/config.toml (or --config). An existing file is kept unless --force is given.")) }

        @OptionGroup var options: ConfigOptions

        @Flag(help: ArgumentHelp(tr("Overwrite an existing file.")))
        var force = false

        func run() throws {
            let path = options.config ?? ConfigLoader.defaultPath()
            if FileManager.default.fileExists(atPath: path) && !force {
                printError(tr("%1$@ already exists; it was left as it is. Use --force to replace it with the default.", path))
                throw ExitStatus.failure
            }
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                try DefaultConfig.text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                printError(tr("cannot write %1$@: %2$@", path, error.localizedDescription))
                throw ExitStatus.failure
            }
            print(tr("Wrote %1$@. Check it any time with `steady config check`.", path))
        }
    }

    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: tr("Check the config file without touching the running daemon."),
            discussion: tr("Prints each problem with its file, line and column and a hint. Exit status 0 when the config is good, 78 when it has a problem. An external practice's program is only checked to be an executable file; it is not started unless --run-programs is given.")) }

        @OptionGroup var options: ConfigOptions

        @Flag(help: ArgumentHelp(tr("Also start each external practice's program and ask it to describe itself, as the daemon does.")))
        var runPrograms = false

        func run() throws {
            do {
                var config = try ConfigLoader(registry: registry).load(path: options.config)
                if runPrograms { config = try ExternalPractices().describeAll(config) }
                let names = config.practices.map(\.id.rawValue).joined(separator: ", ")
                print(trn("%2$@: good — %1$d practice enabled (%3$@).", "%2$@: good — %1$d practices enabled (%3$@).", config.practices.count, config.source, names))
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitStatus.config
            }
        }
    }
}
