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

        private func render(_ status: ServiceInstaller.Status) {
            if let active = status.active {
                var line = "steady.service: \(active)"
                if let sub = status.sub { line += " (\(sub))" }
                if let pid = status.mainPID { line += ", pid \(pid)" }
                print(line)
                if let text = status.statusText { print("  status:   \(text)") }
                if let restarts = status.restarts, restarts > 0 { print("  restarts: \(restarts)") }
                if active == "failed", let result = status.result { print("  result:   \(result)") }
            } else if let problem = status.managerProblem {
                print(tr("steady.service: systemd could not be asked: %1$@", problem))
            }
            if status.installed {
                var unit = "  unit:     \(status.unitFile)"
                if let enabled = status.enabled {
                    let packaged = status.packaged ? ", " + tr("from the package") : ""
                    unit += " (\(enabled)\(packaged))"
                }
                if status.unitCurrent == false { unit += " — " + tr("differs from what this steady installs; `steady service install` updates it") }
                print(unit)
                if let executable = status.executable {
                    let missing = status.executablePresent == false ? " — " + tr("missing!") : ""
                    print("  runs:     \(executable)\(missing)")
                }
                print("  logs:     journalctl --user -u steady")
            } else {
                print("  " + tr("not installed (no %1$@); `steady service install` installs it.", status.unitFile))
            }
        }
    }
}
