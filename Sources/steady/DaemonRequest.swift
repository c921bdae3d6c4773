import SteadyControl
import SteadyLocalization

/// Sends `request` to the running daemon. Returns nil when no daemon answers on a socket
/// this user can trust: when the socket's directory or the process behind it belongs to
/// someone else, nothing is sent, the person is told why, and the caller works on the
/// journal directly.
func askDaemon(_ request: ControlRequest, timeout: Int = 10) throws(ControlError) -> ControlResponse? {
    do {
        return try ControlClient().send(request, timeout: timeout)
    } catch where error.code == .untrusted {
        printError(tr("%1$@ Working on the journal directly.", error.description))
        return nil
    }
}
