import ArgumentParser
import Foundation
import SteadyInstall
import SteadyLocalization

extension ServiceCommand {
    struct Status: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: tr("Show whether the service is installed and running, and what systemd says about it."),
            discussion: tr("Exit status: 0 running, 3 not running or not installed, 69 no systemd user manager is reachable.")) }

        @Flag(help: ArgumentHelp(tr("Print JSON for scripts.")))
        var json = false

        func run() throws {
            let status = ServiceCommand.installer(ServiceCommand.paths()).status()
            if json {
                try printJSON(status)
            } else {
                render(status)
            }
            if status.managerProblem != nil { throw ExitStatus.unavailable }
            if status.active != "active" { throw ExitStatus.notRunning }
        }

        /// The field labels of `render`, in the person's language, each padded to the widest.
        private static func labels() -> (status: String, restarts: String, result: String, unit: String, runs: String, logs: String) {
            // TRANSLATORS: the field labels of `steady service status`, each followed by a value; they are lined up.
            let words = [trc("service status field", "status:"), trc("service status field", "restarts:"),
                         trc("service status field", "result:"), trc("service status field", "unit:"),
                         trc("service status field", "runs:"), trc("service status field", "logs:")]
            let width = (words.map(\.count).max() ?? 0) + 1
            let padded = words.map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }
            return (padded[0], padded[1], padded[2], padded[3], padded[4], padded[5])
        }

        private func render(_ status: ServiceInstaller.Status) {
            let label = Self.labels()
            if let active = status.active {
                var line = "steady.service: \(active)"
                if let sub = status.sub { line += " (\(sub))" }
                if let pid = status.mainPID { line += ", pid \(pid)" }
                print(line)
                if let text = status.statusText { print("  " + label.status + text) }
                if let restarts = status.restarts, restarts > 0 { print("  " + label.restarts + String(restarts)) }
                if active == "failed", let result = status.result { print("  " + label.result + result) }
            } else if let problem = status.managerProblem {
                print(tr("steady.service: systemd could not be asked: %1$@", problem))
            }
            if status.installed {
                var unit = "  " + label.unit + status.unitFile
                if let enabled = status.enabled {
                    let packaged = status.packaged ? ", " + tr("from the package") : ""
                    unit += " (\(enabled)\(packaged))"
                }
                if status.unitCurrent == false { unit += " — " + tr("differs from what this steady installs; `steady service install` updates it") }
                print(unit)
                if let executable = status.executable {
                    let missing = status.executablePresent == false ? " — " + tr("missing!") : ""
                    print("  " + label.runs + executable + missing)
                }
                print("  " + label.logs + "journalctl --user -u steady")
            } else {
                print("  " + tr("not installed (no %1$@); `steady service install` installs it.", status.unitFile))
            }
        }
    }
}
