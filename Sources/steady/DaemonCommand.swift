import ArgumentParser
import Foundation
import Logging
import SteadyDaemon
import SteadyLocalization
import SteadyService

struct DaemonCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "daemon",
        abstract: tr("Run steady in the foreground (what the systemd user service runs)."),
        discussion: tr("Loads the config (or the embedded default when there is no config file), opens the journal, and shows each prompt when it is due. Tells systemd when it is ready (Type=notify). SIGHUP reloads the config and keeps the running one if the new one has a problem; SIGTERM or SIGINT stops cleanly.") + "\n\n" + tr("Exit status: 0 after a clean stop, 74 when the journal cannot be opened (damaged, from a newer steady, not writable, or in a directory of another user; nothing is changed), 75 when another steady daemon is already running, 78 when the config has a problem.")) }

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: ArgumentHelp(tr("Log level: trace, debug, info, notice, warning, error or critical.")))
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(tr("'%1$@' is not a log level; use one of trace, debug, info, notice, warning, error, critical.", logLevel))
        }
    }

    func run() throws {
        // A parent may have started us with signals blocked (a child inherits its spawning
        // thread's mask); the daemon's Dispatch signal sources need them delivered.
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = SteadyLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        Daemon.run(configPath: options.config, registry: registry, logger: Logger(label: "steady"),
                   exitStatus: { ExitStatus.of($0).rawValue })
    }
}
