import ArgumentParser
import Foundation
import SteadyCalendar
import SteadyKit
import SteadyLocalization

struct CalendarCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "calendar",
        abstract: tr("Show when a schedule expression fires, the way systemd-analyze calendar does."),
        discussion: tr("Schedules use systemd's calendar event syntax (systemd.time(7)): weekdays (Mon..Fri, Sat,Sun), dates (*-*-01, 2027-*-*, *-02~01 for the last day of February), times with lists, ranges and repetition (08..20:00, *:0/15), shorthands (daily, weekly, monthly…) and a time zone at the end (UTC, Europe/Berlin). The output has the same shape as `systemd-analyze calendar --iterations=N --base-time=T EXPR`, in the time zone of $TZ, so the two can be compared line by line.") + "\n\n" + tr("--base-time takes any timestamp systemd reads (systemd.time(7), \"Parsing Timestamps\"): '2027-03-27 02:30[:00[.5]]', 'Sat 2027-03-27', '27-03-27', 'Mar 27 02:30:00', '02:30' (today), a zone at the end ('… UTC', '… Europe/Berlin', the local abbreviation such as CEST), 'now', 'today', 'yesterday', 'tomorrow', '+3h30min', '-5s' (write --base-time=-5s), '11min ago', '2 days left' and '@UNIX'.") + "\n\n" + tr("Examples:\n  steady calendar 'Mon..Fri 07:30'\n  steady calendar --iterations 5 '*-*~01 18:00'\n  TZ=Europe/Berlin steady calendar --base-time 2027-03-27 '02:30'\n  steady calendar --base-time '2027-03-27 00:30 UTC' '02:30 Europe/Berlin'")) }

    @Argument(help: ArgumentHelp(tr("One or more calendar expressions (quote them).")))
    var expressions: [String]

    @Option(help: ArgumentHelp(tr("How many elapses to show for each expression.")))
    var iterations: Int = 1

    @Option(help: ArgumentHelp(
        tr("Compute from this time instead of now: any systemd timestamp, e.g. 'YYYY-MM-DD [HH:MM[:SS]] [UTC|zone]', 'tomorrow', '+3h' or '@UNIX'."),
        valueName: "time"))
    var baseTime: String?

    func validate() throws {
        guard iterations >= 1 else { throw ValidationError(tr("--iterations must be at least 1.")) }
        if let baseTime, CalendarTimestamp.parse(baseTime, now: Date(), timeZone: .current) == nil {
            throw ValidationError(tr("'%1$@' is not a time systemd reads; use e.g. 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS] [UTC|Europe/Berlin]', 'today', '+3h' or '@UNIX' (systemd.time(7), \"Parsing Timestamps\").", baseTime))
        }
    }

    func run() throws {
        let now = Date()
        let base = baseTime.flatMap { CalendarTimestamp.parse($0, now: now, timeZone: .current) } ?? now
        let (output, errors) = CalendarReport.render(expressions, iterations: iterations, base: base, now: now, timeZone: .current)
        print(output, terminator: output.isEmpty || output.hasSuffix("\n") ? "" : "\n")
        for error in errors {
            FileHandle.standardError.write(Data("steady: \(error.description)\n\(error.pointer)\n".utf8))
        }
        if !errors.isEmpty { throw ExitStatus.failure }
    }
}
