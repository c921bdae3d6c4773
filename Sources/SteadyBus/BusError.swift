import CSystemd
import Foundation

// English file: D-Bus errors reach only the daemon's log and STATUS=, which stay English.

/// Something went wrong talking to D-Bus: one plain sentence a person can act on.
///
/// Errors carry a ``Code`` to branch on; errors that came back from a peer also carry the
/// D-Bus error name (`org.freedesktop.DBus.Error.ServiceUnknown`, …) and its message.
public struct BusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case noSessionBus, noSystemBus, connectionFailed, disconnected, closed
            case invalidMessage, timeout, serviceUnknown, remoteError, callFailed
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }

        /// The session bus could not be reached.
        public static let noSessionBus = Code(.noSessionBus)
        /// The system bus could not be reached (normal in containers without dbus).
        public static let noSystemBus = Code(.noSystemBus)
        /// A bus address was given but connecting to it failed.
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection to the bus was lost.
        public static let disconnected = Code(.disconnected)
        /// The connection was closed by this process.
        public static let closed = Code(.closed)
        /// A message could not be built or did not have the expected types.
        public static let invalidMessage = Code(.invalidMessage)
        /// The peer did not answer in time.
        public static let timeout = Code(.timeout)
        /// Nobody owns the destination name (and it could not be activated).
        public static let serviceUnknown = Code(.serviceUnknown)
        /// The peer answered with a D-Bus error.
        public static let remoteError = Code(.remoteError)
        /// sd-bus refused to send a call.
        public static let callFailed = Code(.callFailed)

        /// The code's name, for logs.
        public var description: String { raw.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// One sentence saying what happened and what to do about it.
    public let message: String
    /// The D-Bus error name when the error came from a peer or from sd-bus.
    public let name: String?

    /// Makes an error with a code, a sentence and an optional D-Bus error name.
    public init(_ code: Code, _ message: String, name: String? = nil) {
        self.code = code
        self.message = message
        self.name = name
    }

    /// The sentence (``message``).
    public var description: String { message }
}

// MARK: - Helpers

extension BusError {
    /// The text of a negative errno as returned by sd-bus (`-ENOENT` → "No such file or directory").
    static func errnoText(_ negativeErrno: Int32) -> String {
        String(cString: strerror(-negativeErrno))
    }

    /// A message could not be built or read (`what` names the operation).
    static func invalid(_ what: String, _ rc: Int32) -> BusError {
        BusError(.invalidMessage, "Could not \(what): \(errnoText(rc)).")
    }

    /// Maps an error reply (`sd_bus_message_get_error`) to a `BusError`, naming the call.
    static func fromReply(_ error: UnsafePointer<sd_bus_error>, call: String) -> BusError {
        let name = error.pointee.name.map { String(cString: $0) } ?? "org.freedesktop.DBus.Error.Failed"
        let text = error.pointee.message.map { String(cString: $0) } ?? ""
        switch name {
        case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
            return BusError(.serviceUnknown, "Nobody answers \(call) on the bus: \(text)", name: name)
        case "org.freedesktop.DBus.Error.Timeout", "org.freedesktop.DBus.Error.NoReply",
            "org.freedesktop.DBus.Error.TimedOut":
            if text.contains("onnection terminated") {
                return BusError(.disconnected, "The D-Bus connection was lost before \(call) was answered.", name: name)
            }
            return BusError(.timeout, "\(call) got no answer in time; the peer may be hung or busy.", name: name)
        default:
            let detail = text.isEmpty ? name : "\(text) (\(name))"
            return BusError(.remoteError, "\(call) failed: \(detail)", name: name)
        }
    }
}
