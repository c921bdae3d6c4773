import ArgumentParser
import SteadyCheckIn
import SteadyConfig
import SteadyControl
import SteadyDaemon
import SteadyJournal

// English file: the man page's EXIT STATUS section (mdoc) comes from this list, and the man page stays English; --help words its exit statuses through tr.

/// Every exit status of steady, each defined here once. The man page's EXIT STATUS section is
/// `ExitStatus.manual` (`steady --exit-statuses` prints it for scripts/generate-manual).
enum ExitStatus {
    static let success = ExitCode(0)
    /// A general failure: the daemon did not confirm, systemctl failed, a calendar expression did not parse…
    static let failure = ExitCode(1)
    /// `steady service status`: not running or not installed (as systemctl says).
    static let notRunning = ExitCode(3)
    /// A bad option or argument (EX_USAGE).
    static let usage = ExitCode(64)
    /// An answer or form that does not fit what was asked (EX_DATAERR).
    static let badAnswer = ExitCode(65)
    /// No such prompt or entry, or it already ended (EX_NOINPUT).
    static let notFound = ExitCode(66)
    /// No systemd user manager (EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
    /// `steady service`: a file could not be written or removed (EX_CANTCREAT).
    static let cannotWrite = ExitCode(73)
    /// The journal cannot be opened or written (EX_IOERR).
    static let journal = ExitCode(74)
    /// `steady daemon`: another daemon runs, or the control socket cannot be opened (EX_TEMPFAIL).
    static let busy = ExitCode(75)
    /// The config has a problem (EX_CONFIG).
    static let config = ExitCode(78)
    /// Ctrl-C before anything could be saved (128 + SIGINT, as shells report it).
    static let stopped = ExitCode(130)

    /// Each status with what it means, in mdoc, in order: the man page's EXIT STATUS list.
    static let manual: [(status: ExitCode, meaning: String)] = [
        (success, "Success."),
        (failure, """
            A general failure: the daemon did not confirm a request, or
            .Xr systemctl 1
            failed or the service did not start, or
            .Nm steady Cm service install
            of a packaged steady found an earlier per-user install in the way, or
            .Nm steady Cm calendar
            was given an expression it cannot read (as
            .Xr systemd-analyze 1
            exits).
            """),
        (notRunning, """
            .Nm steady Cm service status :
            the service is not running or not installed.
            """),
        (usage, """
            A bad option or argument, or
            .Fl -purge
            without a yes.
            """),
        (badAnswer, "An answer or form that does not fit what was asked."),
        (notFound, "No such prompt, or it is already answered."),
        (unavailable, """
            No systemd user manager is reachable
            .Pq Nm steady Cm service No still writes its files and prints the steps left .
            """),
        (cannotWrite, """
            .Nm steady Cm service :
            a file could not be written or removed.
            """),
        (journal, "The journal cannot be opened or written."),
        (busy, """
            .Nm steady Cm daemon :
            another daemon is already running, or the control socket cannot be opened.
            """),
        (config, "The config has a problem; the message gives its file, line and column."),
        (stopped, """
            Stopped with Ctrl-C. The tools that ask questions keep what was written so far as a draft in
            the journal and offer it on their next run.
            """),
    ]

    /// The man page's EXIT STATUS section, in mdoc.
    static var manualSection: String {
        var lines = [".Sh EXIT STATUS", ".Bl -tag -width Ds"]
        for (status, meaning) in manual {
            lines.append(".It \(status.rawValue)")
            lines.append(meaning)
        }
        lines.append(".El")
        return lines.joined(separator: "\n")
    }

    /// The status for a request about a prompt or an entry that was not carried out.
    static func of(_ error: any Error) -> ExitCode {
        switch error {
        case let refusal as CheckInError:
            switch refusal.kind {
            case .notFound: notFound
            case .doesNotFit: badAnswer
            }
        case is DaemonRefusal: notFound
        case is ControlError, is UnexpectedReply: failure
        case is ConfigError: config
        default: journal  // the journal could not be written (here, or by the daemon: NotStored)
        }
    }

    /// The status `steady daemon` exits with when it cannot start.
    static func of(_ failure: Daemon.Failure) -> ExitCode {
        switch failure {
        case .journal: journal
        case .control: busy
        case .config: config
        }
    }
}
