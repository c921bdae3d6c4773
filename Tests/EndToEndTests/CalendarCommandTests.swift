import Foundation
import SteadyTestSupport
import Testing

/// `steady calendar` prints what `systemd-analyze calendar` prints, line for line.
@Suite struct CalendarCommandTests {
    @Test(arguments: ["UTC", "Europe/Berlin", "America/Santiago"])
    func output_matchesSystemdAnalyze(zone: String) throws {
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = zone
        let arguments = ["--iterations=4", "--base-time=@1803000000", "Mon..Fri 07:30", "*-*~01 18:00", "Sat *-*-01..07 10:00", "hourly"]
        let ours = try ChildProcess.run(SteadyBinary.path, ["calendar"] + arguments, environment: env)
        let systemd = try ChildProcess.run("/usr/bin/systemd-analyze", ["calendar"] + arguments, environment: env)
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(systemd.status == 0, "systemd-analyze must be installed (make test installs it): \(systemd.stderr)")
        #expect(ours.stdout == systemd.stdout)
        #expect(ours.stdout.contains("Next elapse:"))
    }

    /// The timestamp forms systemd reads for --base-time, beyond 'YYYY-MM-DD HH:MM:SS' and '@UNIX'.
    @Test(arguments: ["2026-03-29 00:30:00 UTC", "2026-10-25 02:30 CEST", "Sun 2026-03-29 01:59:59.75", "26-03-29 1:59",
                      "Mar 29 01:59:59", "@1803000000.5", "@20550days 3h"])
    func baseTime_readsWhatSystemdAnalyzeReads(base: String) throws {
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "Europe/Berlin"
        env["LC_ALL"] = "C"
        let arguments = ["--iterations=3", "--base-time=\(base)", "*:0/30", "02:30"]
        let ours = try ChildProcess.run(SteadyBinary.path, ["calendar"] + arguments, environment: env)
        let systemd = try ChildProcess.run("/usr/bin/systemd-analyze", ["calendar"] + arguments, environment: env)
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(systemd.status == 0, "systemd-analyze must be installed (make test installs it): \(systemd.stderr)")
        #expect(Self.withoutFromNow(ours.stdout) == Self.withoutFromNow(systemd.stdout))
    }

    /// A tz database name after the base time means "read the rest in that zone" (systemd.time(7));
    /// systemd-analyze 252 refuses it on its command line (upstream issue 34670), so the expected
    /// output is the tool's for the rest read under TZ=<that zone>, shown in the process zone.
    @Test func baseTime_withAZoneName_readsTheRestInThatZone() throws {
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        env["TZ"] = "America/New_York"
        let ours = try ChildProcess.run(SteadyBinary.path, ["calendar", "--base-time=2026-03-29 02:30 Europe/Berlin", "hourly"], environment: env)
        env["TZ"] = "Europe/Berlin"
        let instant = try ChildProcess.run("/usr/bin/systemd-analyze", ["timestamp", "2026-03-29 02:30"], environment: env)
        let unix = try #require(instant.stdout.split(separator: "\n").first { $0.contains("UNIX seconds:") }?.split(separator: " ").last)
        env["TZ"] = "America/New_York"
        let systemd = try ChildProcess.run("/usr/bin/systemd-analyze", ["calendar", "--base-time=\(unix)", "hourly"], environment: env)
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(Self.withoutFromNow(ours.stdout) == Self.withoutFromNow(systemd.stdout))
        #expect(ours.stdout.contains("Next elapse: Sat 2026-03-28 22:00:00 EDT"))
    }

    @Test func baseTime_thatSystemdRefuses_isRefusedWithTheFormsItTakes() throws {
        let result = try ChildProcess.run(SteadyBinary.path, ["calendar", "--base-time=2026-03-29T00:30", "daily"],
                                          environment: ProcessInfo.processInfo.environment)
        #expect(result.status != 0)
        #expect(result.stderr.contains("'2026-03-29T00:30' is not a time systemd reads"))
        #expect(result.stderr.contains("'today', '+3h' or '@UNIX'"))
    }

    static func withoutFromNow(_ output: String) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("From now:") }.joined(separator: "\n")
    }

    @Test func invalidExpression_pointsAtTheOffendingPart() throws {
        let result = try ChildProcess.run(SteadyBinary.path, ["calendar", "Mon..Fry 07:30"], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown weekday 'Fry'"))
        #expect(result.stderr.contains("did you mean 'Fri'?"))
        #expect(result.stderr.contains("Mon..Fry 07:30\n     ^^^"))
    }
}
