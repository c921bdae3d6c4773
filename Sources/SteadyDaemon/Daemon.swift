import Dispatch
import Foundation
import Logging
import SteadyConfig
import SteadyControl
import SteadyJournal
import SteadyKit
import SteadySystemd

/// Runs steady as a long-lived service: opens the journal, loads the config, starts the
/// engine on its serial queue, and wires signals, the control socket, the desktop channel
/// and the watchdog to it.
public enum Daemon {
    /// Exit statuses of `steady daemon`, documented in the man page.
    public enum ExitCode: Int32 {
        case success = 0
        case journal = 74   // EX_IOERR
        case config = 78    // EX_CONFIG
        case control = 75   // EX_TEMPFAIL: another daemon holds the socket
    }

    /// Starts everything and never returns; exits 0 after SIGTERM/SIGINT.
    public static func run(configPath: String?, registry: PracticeRegistry, logger: Logger) -> Never {
        let notifier = ServiceNotifier()
        let environment = ProcessInfo.processInfo.environment
        let loader = ConfigLoader(registry: registry)
        let config: Config
        do {
            config = try loader.load(path: configPath)
        } catch {
            logger.critical("the config has a problem", metadata: ["error": "\(error.summary)"])
            notifier.failed(status: "config error: \(error.summary)", errno: EINVAL)
            FileHandle.standardError.write(Data("steady: \(error)\n".utf8))
            exit(ExitCode.config.rawValue)
        }
        let journal: Journal
        do {
            journal = try Journal(path: Journal.defaultPath(environment: environment))
        } catch {
            logger.critical("cannot open the journal", metadata: ["error": "\(error)"])
            notifier.failed(status: "cannot open the journal: \(error)", errno: EIO)
            exit(ExitCode.journal.rawValue)
        }
        let queue = DispatchQueue(label: "steady.engine")
        let engine = Engine(
            environment: .init(loader: loader, configPath: configPath, journal: journal, clock: SystemClock(),
                               notifier: notifier, logger: logger),
            config: config, queue: queue)

        let runner = Runner(engine: engine, logger: logger)
        queue.async { runner.start() }
        dispatchMain()
    }

    /// Holds the daemon's Dispatch sources for the life of the process.
    final class Runner: @unchecked Sendable {
        let engine: Engine
        let logger: Logger
        var sources: [any DispatchSourceProtocol] = []
        var control: ControlServer?

        init(engine: Engine, logger: Logger) {
            self.engine = engine
            self.logger = logger
        }

        func start() {
            let queue = engine.queue
            for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { [unowned self] in
                    if signalNumber == SIGHUP { engine.reload() } else { shutdown() }
                }
                source.resume()
                sources.append(source)
            }

            let server = ControlServer(path: ControlSocketPath.path(), queue: queue) { [unowned self] request, reply in
                engine.handle(request, reply: reply)
            }
            do {
                try server.start()
                control = server
            } catch {
                logger.critical("cannot open the control socket", metadata: ["error": "\(error)"])
                engine.env.notifier.failed(status: "\(error)", errno: EADDRINUSE)
                exit(ExitCode.control.rawValue)
            }

            engine.start()

            if let interval = ServiceNotifier.watchdogPingInterval() {
                let watchdog = DispatchSource.makeTimerSource(queue: queue)
                let nanos = Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
                watchdog.schedule(deadline: .now(), repeating: .nanoseconds(nanos), leeway: .milliseconds(50))
                watchdog.setEventHandler { [unowned self] in engine.env.notifier.watchdog() }
                watchdog.resume()
                sources.append(watchdog)
            }
        }

        func shutdown() {
            engine.stop()
            control?.stop()
            for source in sources { source.cancel() }
            exit(ExitCode.success.rawValue)
        }
    }
}
