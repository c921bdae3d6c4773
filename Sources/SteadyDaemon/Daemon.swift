import SteadyLocalization
import Dispatch
import Foundation
import Logging
import SteadyConfig
import SteadyControl
import SteadyJournal
import SteadyKit
import SteadyService

/// Runs steady as a long-lived service: loads the config, opens the journal, starts the
/// engine on its serial queue, and wires signals, the control socket and the watchdog to it.
///
/// What systemd hears (`Type=notify`, see docs/service.md): `READY=1` with a `STATUS=` once
/// config, journal and timers are up; `EXTEND_TIMEOUT_USEC=` while a slow journal migration
/// runs; `WATCHDOG=1` from the engine queue at half `WATCHDOG_USEC`; `RELOADING=1` +
/// `MONOTONIC_USEC=` then `READY=1` around SIGHUP; `STOPPING=1` on SIGTERM/SIGINT; and on
/// a fatal start-up error a `STATUS=` with the reason and `ERRNO=`, then a documented exit status.
public enum Daemon {
    /// Why `steady daemon` could not start; the executable gives each its exit status.
    public enum Failure: Sendable {
        /// The journal (or the daemon lock beside it) cannot be opened.
        case journal
        /// Another daemon is running (it holds the daemon lock).
        case control
        /// The config has a problem.
        case config
    }

    /// How long opening the journal may take before steady asks systemd for more time,
    /// how much it asks for each time, and when it stops asking (a migration that never ends
    /// should still hit the start timeout).
    static let extendAfter: Duration = .seconds(1)
    static let extendBy: Duration = .seconds(20)
    static let extendInterval: Duration = .seconds(5)
    static let extendLimit: Duration = .seconds(600)

    /// Starts everything and never returns; exits 0 after SIGTERM/SIGINT.
    /// `exitStatus` gives the status to exit with when it cannot start.
    public static func run(configPath: String?, registry: PracticeRegistry, logger: Logger,
                           exitStatus: @escaping (Failure) -> Int32) -> Never {
        // No write may end the daemon: a client that hangs up, a child that exits without
        // reading, a closed stderr. Writes to sockets also pass MSG_NOSIGNAL.
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let notifier = ServiceNotifier(environment: environment)
        let loader = ConfigLoader(registry: registry)
        let externalPractices = ExternalPractices { error in
            logger.warning("an external practice's program misbehaved; steady keeps running",
                           metadata: ["program": "\(error.executable)", "code": "\(error.code)", "reason": "\(error.reason)"])
        }
        let config: Config
        do {
            config = try externalPractices.describeAll(loader.load(path: configPath))
        } catch {
            // The full text (with its hint) for a person at a terminal; one line for systemd.
            FileHandle.standardError.write(Data("steady: \(error)\n".utf8))
            fail(exitStatus(.config), status: "config error: \(error.summary)", errno: EINVAL, notifier: notifier, logger: logger)
        }

        let journalPath = Journal.defaultPath(environment: environment)
        let lock: DaemonLock
        do {
            lock = try DaemonLock(path: (journalPath as NSString).deletingLastPathComponent + "/daemon.lock")
        } catch {
            switch error {
            case .heldBy(let pid):
                // English: STATUS= and the log stay English
                fail(exitStatus(.control), status: "another steady daemon is already running (pid \(pid.map(String.init) ?? "unknown"))",
                     errno: EALREADY, notifier: notifier, logger: logger)
            case .unavailable(let reason):
                // English: STATUS= and the log stay English
                fail(exitStatus(.journal), status: "cannot take the daemon lock: \(reason)", errno: EIO, notifier: notifier, logger: logger)
            }
        }

        let journal: Journal
        do {
            journal = try extendingStartTimeout(notifier: notifier, logger: logger) { () throws(JournalError) in
                try Journal(path: journalPath, checkpointsByHand: true)
            }
        } catch {
            // The person's language for a terminal (as with a config error); English for systemd.
            FileHandle.standardError.write(Data("steady: \(error.description)\n".utf8))
            // English: STATUS= and the log stay English
            fail(exitStatus(.journal), status: "cannot open the journal: \(error.english)", errno: EIO, notifier: notifier, logger: logger)
        }

        let queue = DispatchQueue(label: "steady.engine")
        let engine = Engine(
            environment: .init(loader: loader, externalPractices: externalPractices, configPath: configPath, journal: journal, clock: SystemClock(),
                               notifier: notifier, logger: logger),
            config: config, queue: queue)
        let runner = Runner(engine: engine, lock: lock, controlPath: ControlSocketPath.path(environment: environment),
                            environment: environment, logger: logger)
        queue.async { runner.start() }
        dispatchMain()
    }

    /// Ends start-up: logs why, tells systemd (`STATUS=` + `ERRNO=`), exits with `code`.
    static func fail(_ code: Int32, status: String, errno: Int32, notifier: ServiceNotifier, logger: Logger) -> Never {
        logger.critical("steady cannot start", metadata: ["reason": "\(status)", "exit.status": "\(code)"])
        notifier.failed(status: status, errno: errno)
        exit(code)
    }

    /// Runs `body` (opening the journal, which may migrate it) on this thread; while it runs
    /// longer than `extendAfter`, asks systemd every `extendInterval` for `extendBy` more
    /// (`EXTEND_TIMEOUT_USEC=`), for at most `extendLimit` in all.
    static func extendingStartTimeout<T>(
        notifier: ServiceNotifier, logger: Logger, _ body: () throws(JournalError) -> T
    ) throws(JournalError) -> T {
        guard notifier.isSupervised else { return try body() }
        let queue = DispatchQueue(label: "steady.start-timeout")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let started = ContinuousClock.now
        let (limit, extendBy) = (extendLimit, extendBy)
        let said = OnceFlag()
        timer.schedule(deadline: .now() + nanoseconds(extendAfter), repeating: nanoseconds(extendInterval),
                       leeway: .milliseconds(100))
        timer.setEventHandler {
            guard ContinuousClock.now - started < limit else {
                timer.cancel()
                return
            }
            if said.first() {
                logger.notice("opening the journal is taking a while; asking systemd to wait")
            }
            notifier.extendTimeout(extendBy)
        }
        timer.resume()
        defer { queue.sync { timer.cancel() } }
        return try body()
    }

    static func nanoseconds(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }

    /// True the first time it is asked; used from one queue.
    final class OnceFlag: @unchecked Sendable {
        private var done = false
        func first() -> Bool {
            defer { done = true }
            return !done
        }
    }

    /// Holds the daemon's Dispatch sources for the life of the process. Everything runs on
    /// the engine's queue.
    final class Runner: @unchecked Sendable {
        let engine: Engine
        /// Held until the process ends.
        let lock: DaemonLock
        let controlPath: String
        let environment: [String: String]
        let logger: Logger
        var sources: [any DispatchSourceProtocol] = []
        var control: ControlServer?
        var watchdog: ServiceWatchdog?

        init(engine: Engine, lock: DaemonLock, controlPath: String, environment: [String: String], logger: Logger) {
            self.engine = engine
            self.lock = lock
            self.controlPath = controlPath
            self.environment = environment
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

            let server = ControlServer(path: controlPath, queue: queue) { [unowned self] request, reply in
                engine.handle(request, reply: reply)
            }
            do {
                try server.start()
                control = server
            } catch {
                // Without a safe place for the socket steady still runs: prompts are shown, and
                // the CLI works on the journal directly.
                engine.controlProblem = error.description
                logger.warning("no control socket; `steady answer` and `steady log` will work on the journal directly",
                               metadata: ["reason": "\(Localization.english(error))"])
            }

            engine.start()

            // On the engine's queue: if the engine hangs, the pings stop and systemd restarts steady.
            if let watchdog = ServiceWatchdog(environment: environment, notifier: engine.env.notifier, queue: queue) {
                watchdog.start()
                self.watchdog = watchdog
                logger.debug("watchdog pings enabled", metadata: ["interval": "\(watchdog.interval)"])
            }
        }

        func shutdown() {
            engine.stop()
            watchdog?.stop()
            control?.stop()
            for source in sources { source.cancel() }
            exit(EXIT_SUCCESS)
        }
    }
}
