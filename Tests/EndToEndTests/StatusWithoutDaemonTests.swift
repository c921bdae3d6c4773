import Foundation
import SteadyJournal
import SteadyTestSupport
import Testing

/// `steady status` with no daemon running works out what comes next the way the daemon
/// does, through the check-in service: random windows included, at the times the daemon will use.
@Suite struct StatusWithoutDaemonTests {
    static let randomOnly = """
        quiet-hours = "off"
        [practices.evening-reflection]
        schedule = []
        random = { between = "00:00..23:59", count = 3 }
        """

    /// The practices and times `steady status --json` lists as next.
    static func upcoming(_ home: DaemonEndToEndTests.Home) throws -> [String] {
        let status = try DaemonEndToEndTests.steady(["status", "--json"], home.environment(desktop: nil, notifySocket: nil))
        #expect(status.status == 0, "\(status.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(json["running"] as? Bool == false)
        let upcoming = try #require(json["upcoming"] as? [[String: Any]])
        return upcoming.map { "\($0["practice"] ?? "?") \($0["at"] ?? "?")" }
    }

    @Test func randomWindow_isListedAsNext_withTheTimeKeptForTheDaemon() throws {
        let home = try DaemonEndToEndTests.Home()
        try home.root.write("config/steady/config.toml", Self.randomOnly)

        // No journal yet: the window still counts.
        let fresh = try Self.upcoming(home)
        #expect(fresh.count == 1 && fresh[0].hasPrefix("evening-reflection "), "\(fresh)")

        // With a journal the time is drawn once and kept: status says the same each time, and
        // it is the time the daemon will find in the journal.
        _ = try Journal(path: home.journal)
        let first = try Self.upcoming(home)
        #expect(first.count == 1 && first[0].hasPrefix("evening-reflection "), "\(first)")
        #expect(try Self.upcoming(home) == first)
        let day = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let kept = try DaemonEndToEndTests.sqlite(home.journal, "SELECT count(*) FROM random_draw WHERE practice = 'evening-reflection'")
        #expect(kept != "0", "the draw for \(day) is kept in the journal")
    }
}
