import SteadyLocalization
import Dispatch
import Foundation
import Logging
import SteadyCheckIn
import SteadyConfig
import SteadyControl
import SteadyJournal
import SteadyKit
import SteadyService

/// The daemon's engine: timers, signals and the channel around the check-in service.
///
/// Everything runs on one serial `queue`: the wall-clock timer for the earliest due event,
/// channel events, control requests and signals. No locks and no polling: between events
/// the process sleeps in the kernel.
public final class Engine: @unchecked Sendable {
    /// What the engine needs from the outside world.
    public struct Environment {
        public var loader: ConfigLoader
        /// Asks external practices' programs to describe themselves after each load.
        public var externalPractices: ExternalPractices
        /// `--config`, or nil for the default location / embedded default.
        public var configPath: String?
        public var journal: Journal
        public var clock: any EngineClock
        public var notifier: ServiceNotifier
        public var logger: Logger
        public var timeZone: () -> TimeZone

        public init(loader: ConfigLoader, externalPractices: ExternalPractices = ExternalPractices(), configPath: String?, journal: Journal, clock: any EngineClock,
                    notifier: ServiceNotifier = ServiceNotifier(), logger: Logger,
                    timeZone: @escaping () -> TimeZone = { TimeZone.current })
        {
            self.loader = loader
            self.externalPractices = externalPractices
            self.configPath = configPath
            self.journal = journal
            self.clock = clock
            self.notifier = notifier
            self.logger = logger
            self.timeZone = timeZone
        }
    }

    public let queue: DispatchQueue
    let env: Environment
    var logger: Logger { env.logger }
    var journal: Journal { env.journal }
    /// The channel's bubbles, by prompt: handles and notices live there.
    let bubbles: ChannelBubbles

    /// The check-in rules: answers, Later, Skip, expiry, follow-ups, what comes next.
    let checkIn: CheckInService
    var config: Config { checkIn.config }
    /// Why the last reload failed, while the previous config keeps running.
    private(set) var reloadProblem: String?
    /// Why the daemon runs without its control socket, if it does (the CLI then works on the journal directly).
    public var controlProblem: String?
    let startedAt: Date
    private var timer: (any EngineTimer)?
    /// The earliest event the timer is armed for.
    private(set) var nextWake: Date?
    /// Wall and monotonic time at the last tick, to notice clock jumps and sleep.
    var lastWakeup: (wall: Date, monotonic: Double)?
    /// Used instead of the configured channel when set (tests).
    var channelOverride: (any PromptChannel)?
    /// Sources that notice resume, clock changes and time-zone changes.
    var timeWatchers: [AnyObject] = []
    /// Prompts whose choice could not be saved, and when each is offered again.
    var retries: [Int64: Date] = [:]
    /// Ticks since the journal's WAL was last checkpointed (see `tick()`).
    var ticksSinceCheckpoint = 0
    /// Whether `start()` ran: only a running engine schedules and delivers.
    private(set) var isRunning = false

    /// Creates the engine with a loaded config; nothing runs until `start()`.
    public init(environment: Environment, config: Config, queue: DispatchQueue) {
        env = environment
        self.queue = queue
        let clock = environment.clock
        checkIn = CheckInService(journal: environment.journal, config: config, now: { clock.now },
                                 timeZone: environment.timeZone, logger: environment.logger)
        startedAt = environment.clock.now
        bubbles = ChannelBubbles(journal: environment.journal, logger: environment.logger)
        bubbles.onEvent = { [unowned self] event in receive(event) }
    }

    /// Attaches the channel that shows prompts, replacing any earlier one. On `queue`.
    func attach(channel: any PromptChannel) {
        bubbles.attach(channel)
    }

    /// The channel the config asks for: desktop notifications, or the person's own command.
    /// Tests may set `channelOverride` (e.g. to "no server at all").
    private func makeChannel() -> any PromptChannel {
        if let channelOverride { return channelOverride }
        return switch config.channel {
        case .desktop: NotificationChannel(queue: queue, logger: logger)
        case .command(let argv): CommandChannel(command: argv, queue: queue, logger: logger)
        }
    }

    /// Connects the channel, watches for resume, clock and time-zone changes, considers what
    /// is due, arms the timer, and tells systemd it is ready. Call on `queue`.
    public func start() {
        attach(channel: makeChannel())
        watchTime()
        timer = env.clock.makeTimer(queue: queue) { [unowned self] in self.tick() }
        isRunning = true
        initializeCursors()
        record("started", detail: config.source)
        logger.info("steady started", metadata: ["config": "\(config.source)", "practices": "\(config.practices.count)"])
        tick()
        env.notifier.ready(status: statusLine())
    }

    /// Applies a new config from disk; on error keeps the running one and says why. Call on `queue`.
    public func reload() {
        env.notifier.reloading()
        do {
            let fresh = try env.externalPractices.describeAll(env.loader.load(path: env.configPath))
            let channelChanged = fresh.channel != config.channel
            checkIn.replaceConfig(fresh)
            reloadProblem = nil
            if channelChanged { attach(channel: makeChannel()) }
            initializeCursors()
            logger.info("config reloaded", metadata: ["config": "\(fresh.source)"])
            record("reloaded", detail: fresh.source)
            tick()
            env.notifier.ready(status: statusLine())
        } catch {
            reloadProblem = error.summary
            logger.error("config reload failed; still running the previous settings", metadata: ["error": "\(error.summary)"])
            record("reload-failed", detail: error.summary)
            env.notifier.ready(status: statusLine())
        }
    }

    /// Stops timers; the caller exits. Call on `queue`.
    public func stop() {
        env.notifier.stopping()
        isRunning = false
        timer?.disarm()
        timer = nil
        // Bubbles answer only the connection that showed them: once it is gone they would be dead
        // buttons, and the next start shows what is still pending afresh.
        for promptID in bubbles.promptsWithBubbles { withdraw(promptID) }
        bubbles.disconnect()
        do { try journal.forgetBubbles() } catch {
            logger.error("could not forget the bubbles taken down", metadata: ["error": "\(Localization.english(error))"])
        }
        timeWatchers.removeAll()
        record("stopped", detail: nil)
        journal.checkpoint()
        logger.info("steady stopping")
    }

    private func initializeCursors() { checkIn.initializeCursors() }

    /// Re-arms the one timer for the earliest thing that needs attention.
    func arm(_ deadline: Date?) {
        nextWake = deadline
        if let deadline { timer?.arm(at: deadline) } else { timer?.disarm() }
    }

    func record(_ kind: String, promptID: Int64? = nil, detail: String?) {
        do {
            try journal.recordEvent(kind, at: env.clock.now, promptID: promptID, detail: detail)
        } catch {
            logger.error("could not record an event", metadata: ["event": "\(kind)", "error": "\(Localization.english(error))"])
        }
    }
}
