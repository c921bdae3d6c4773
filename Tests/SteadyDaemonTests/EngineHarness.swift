import BuiltinPractices
import Dispatch
import Foundation
import Logging
import SteadyConfig
@testable import SteadyDaemon
import SteadyJournal
import SteadyKit
import SteadyTestSupport

/// An engine on a fake clock, with a real journal file in a temporary directory.
final class EngineHarness {
    let directory = TemporaryDirectory(prefix: "steady-engine")
    let clock: FakeClock
    var zone: TimeZone
    let journal: Journal
    let loader: ConfigLoader
    private(set) var engine: Engine
    let configPath: String

    init(config: String, start: String, zone: String = "UTC", registry: PracticeRegistry = BuiltinPractices.registry) throws {
        self.zone = TimeZone(identifier: zone)!
        clock = FakeClock(Self.date(start, in: self.zone))
        journal = try Journal(path: directory.file("journal.sqlite"))
        loader = ConfigLoader(registry: registry)
        configPath = try directory.write("config.toml", config)
        let box = ZoneBox(self.zone)
        zoneBox = box
        engine = Self.makeEngine(loader: loader, path: configPath, journal: journal, clock: clock, zone: { box.zone })
        engine.start()
    }

    private let zoneBox: ZoneBox

    /// Holds the current zone so a test can change it under a running engine.
    final class ZoneBox: @unchecked Sendable {
        var zone: TimeZone
        init(_ zone: TimeZone) { self.zone = zone }
    }

    static func makeEngine(loader: ConfigLoader, path: String, journal: Journal, clock: FakeClock, zone: @escaping () -> TimeZone) -> Engine {
        let config = try! loader.load(path: path)
        let engine = Engine(
            environment: .init(loader: loader, configPath: path, journal: journal, clock: clock,
                               logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), timeZone: zone),
            config: config, queue: DispatchQueue(label: "test.engine"))
        engine.channelOverride = NoServer()
        return engine
    }

    /// Changes the zone the engine sees (as after /etc/localtime changed) and lets it recompute.
    func changeZone(to identifier: String) {
        zone = TimeZone(identifier: identifier)!
        zoneBox.zone = zone
        engine.tick()
    }

    /// The process dies without stopping and a new one starts on the same journal.
    func crashAndRestart() {
        let box = zoneBox
        engine = Self.makeEngine(loader: loader, path: configPath, journal: journal, clock: clock, zone: { box.zone })
        engine.start()
    }

    /// Every prompt in the journal, oldest slot first.
    func prompts() throws -> [PromptRecord] {
        try journal.history(limit: 100_000).map(\.prompt).reversed()
    }

    func date(_ text: String) -> Date { Self.date(text, in: zone) }

    /// "2026-03-29 02:30" (or with ":SS") in `zone`.
    static func date(_ text: String, in zone: TimeZone) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = text.count > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

extension Engine {
    /// What the channel reports, by bubble handle, as a server sends it: it goes through the
    /// channel's bubbles, which turn it into an event by prompt for the engine.
    func handle(_ event: ChannelEvent) { bubbles.receive(event) }
}
