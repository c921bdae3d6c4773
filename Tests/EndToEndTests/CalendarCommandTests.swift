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

    @Test func invalidExpression_pointsAtTheOffendingPart() throws {
        let result = try ChildProcess.run(SteadyBinary.path, ["calendar", "Mon..Fry 07:30"], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown weekday 'Fry'"))
        #expect(result.stderr.contains("did you mean 'Fri'?"))
        #expect(result.stderr.contains("Mon..Fry 07:30\n     ^^^"))
    }
}
