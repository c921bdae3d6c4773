import ArgumentParser
import Foundation
import SteadyConfig

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Create or check the config file.",
        subcommands: [Init.self, Check.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented default config file.",
            discussion: "Writes to $XDG_CONFIG_HOME/steady/config.toml (or --config). An existing file is kept unless --force is given.")

        @OptionGroup var options: ConfigOptions

        @Flag(help: "Overwrite an existing file.")
        var force = false

        func run() throws {
            let path = options.config ?? ConfigLoader.defaultPath()
            if FileManager.default.fileExists(atPath: path) && !force {
                printError("\(path) already exists; it was left as it is. Use --force to replace it with the default.")
                throw ExitStatus.failure
            }
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                try DefaultConfig.text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                printError("cannot write \(path): \(error.localizedDescription)")
                throw ExitStatus.failure
            }
            print("Wrote \(path). Check it any time with `steady config check`.")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the config file without touching the running daemon.",
            discussion: """
                Prints each problem with its file, line and column and a hint. Exit status 0 when the config is good, 78 when it has a problem. \
                An external practice's program is only checked to be an executable file; it is not started unless --run-programs is given.
                """)

        @OptionGroup var options: ConfigOptions

        @Flag(help: "Also start each external practice's program and ask it to describe itself, as the daemon does.")
        var runPrograms = false

        func run() throws {
            do {
                var config = try ConfigLoader(registry: registry).load(path: options.config)
                if runPrograms { config = try ExternalPractices().describeAll(config) }
                let names = config.practices.map(\.id.rawValue).joined(separator: ", ")
                print("\(config.source): good — \(config.practices.count) practices enabled (\(names)).")
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitStatus.config
            }
        }
    }
}
