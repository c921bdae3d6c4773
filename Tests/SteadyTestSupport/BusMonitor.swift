import Foundation

/// Watches the notification traffic on a test session bus with `dbus-monitor`: every
/// `Notify` call as it went over the wire (its `replaces_id`, summary, body, actions and
/// timeout) and the id the server gave back. It observes the real bus between steady and the
/// real server; it answers nothing and changes nothing.
public final class BusMonitor: @unchecked Sendable {
    /// One `Notify` call and the server's reply.
    public struct Notify: Equatable, CustomStringConvertible {
        public var replacesID: UInt32
        public var summary: String
        public var body: String
        /// The action keys, in order.
        public var actions: [String]
        /// The action labels, in the same order as ``actions``.
        public var actionLabels: [String] = []
        public var expireTimeout: Int32
        /// The id the server returned, once its reply was seen.
        public var returnedID: UInt32?

        public init(replacesID: UInt32, summary: String, body: String, actions: [String], actionLabels: [String] = [],
                    expireTimeout: Int32, returnedID: UInt32?) {
            self.replacesID = replacesID
            self.summary = summary
            self.body = body
            self.actions = actions
            self.actionLabels = actionLabels
            self.expireTimeout = expireTimeout
            self.returnedID = returnedID
        }

        /// `body` as the person reads it on a server with body markup (entities decoded).
        public var plainBody: String {
            [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")]
                .reduce(body) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }

        public var description: String {
            "Notify(replaces: \(replacesID), summary: \"\(summary)\", actions: \(actions), timeout: \(expireTimeout)) → \(returnedID.map(String.init) ?? "no reply yet")"
        }
    }

    private let process: DesktopProcess

    /// Starts monitoring `session`'s bus and waits until the monitor is in place.
    public convenience init(session: DesktopSession) throws {
        try self.init(busAddress: session.busAddress, directory: session.directory, environment: session.environment)
    }

    /// Starts monitoring the bus at `busAddress`, logging under `directory`, and waits until
    /// the monitor is in place.
    public init(busAddress: String, directory: URL, environment: [String: String]) throws {
        let log = directory.appendingPathComponent("bus-monitor-\(UUID().uuidString.prefix(8)).log")
        process = try DesktopProcess(
            name: "dbus-monitor", executable: "/usr/bin/dbus-monitor",
            arguments: ["--address", busAddress, "--monitor",
                        "interface='org.freedesktop.Notifications'", "type='method_return'", "type='error'"],
            environment: environment, logFile: log)
        // BecomeMonitor drops the monitor's own name: NameLost is the sign it is listening.
        // dbus-monitor prints it as soon as it is in place; nothing else announces it.
        let deadline = ContinuousClock.now + .seconds(5)
        while !text.contains("member=NameLost") {
            guard ContinuousClock.now < deadline, process.isRunning else {
                throw DesktopSessionError("dbus-monitor did not start listening: \(process.logTail())")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    deinit { process.stop() }

    private var text: String { (try? String(contentsOf: process.logFile, encoding: .utf8)) ?? "" }

    /// Every `Notify` call seen so far, in order.
    public var notifies: [Notify] { Self.parse(text) }

    /// The notifications the server holds now, as the bus saw them: each id's latest `Notify`,
    /// less those a `NotificationClosed` ended after it (a replaced one is not closed).
    public var live: [Notify] {
        var byID: [UInt32: Notify] = [:]
        var order: [UInt32] = []
        for event in Self.events(text) {
            switch event {
            case .shown(let notify):
                guard let id = notify.returnedID else { continue }
                if byID[id] == nil { order.append(id) }
                byID[id] = notify
            case .closed(let id):
                byID[id] = nil
                order.removeAll { $0 == id }
            }
        }
        return order.compactMap { byID[$0] }
    }

    /// How many `member` signals (`ActionInvoked`, `NotificationClosed`) went over the bus so
    /// far, whoever sent them and to whom.
    public func signalCount(_ member: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix("signal ") && $0.contains("member=\(member)") }.count
    }

    /// Waits (at most `timeout`) until `count` `Notify` calls have been answered by the server,
    /// and returns them all. The monitor writes to a file and signals nothing, so this looks
    /// every 20 ms.
    public func waitForNotifies(_ count: Int, timeout: Duration = .seconds(10)) throws -> [Notify] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let seen = notifies
            if seen.count >= count, seen.prefix(count).allSatisfy({ $0.returnedID != nil }) { return seen }
            guard ContinuousClock.now < deadline else {
                throw DesktopSessionError("saw \(seen.count) answered Notify call(s), expected \(count): \(seen)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    // MARK: - Reading dbus-monitor's output

    private struct Message {
        var header: [String: String]
        var kind: String
        var lines: [String]
    }

    enum Event { case shown(Notify), closed(UInt32) }

    /// Answered `Notify` calls and `NotificationClosed` signals, in the order the replies and
    /// signals went over the bus.
    static func events(_ output: String) -> [Event] {
        var result: [Event] = []
        var chunk = ""
        var seenNotifies = 0
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        func flush() {
            let notifies = parse(chunk).filter { $0.returnedID != nil }
            for n in notifies.dropFirst(seenNotifies) { result.append(.shown(n)) }
            seenNotifies = notifies.count
        }
        while let line = lines.next() {
            if line.hasPrefix("signal "), line.contains("member=NotificationClosed") {
                flush()
                chunk += line + "\n"
                if let next = lines.next() {
                    chunk += next + "\n"
                    if let id = UInt32(next.trimmingCharacters(in: .whitespaces).split(separator: " ").last ?? "") { result.append(.closed(id)) }
                }
            } else {
                chunk += line + "\n"
            }
        }
        flush()
        return result
    }

    static func parse(_ output: String) -> [Notify] {
        var messages: [Message] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let kind = ["method call", "method return", "signal", "error"].first(where: { line.hasPrefix($0 + " ") }) {
                var header: [String: String] = [:]
                for token in line.split(separator: " ") {
                    let parts = token.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { header[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: ";")) }
                }
                messages.append(Message(header: header, kind: kind, lines: []))
            } else if !messages.isEmpty {
                messages[messages.count - 1].lines.append(line)
            }
        }
        var calls: [(sender: String, serial: String, notify: Notify)] = []
        var returns: [String: UInt32] = [:]  // "destination/reply_serial" → returned id
        for message in messages {
            // Calls to the well-known name only: GNOME Shell's helper forwards each one to the shell.
            if message.kind == "method call", message.header["member"] == "Notify",
               message.header["destination"] == "org.freedesktop.Notifications" {
                let args = topLevelArguments(message.lines)
                guard args.count >= 8 else { continue }
                calls.append((message.header["sender"] ?? "", message.header["serial"] ?? "", Notify(
                    replacesID: UInt32(args[1].value) ?? 0, summary: args[3].value, body: args[4].value,
                    actions: stride(from: 0, to: args[5].elements.count, by: 2).map { args[5].elements[$0] },
                    actionLabels: stride(from: 1, to: args[5].elements.count, by: 2).map { args[5].elements[$0] },
                    expireTimeout: Int32(args[7].value) ?? -1, returnedID: nil)))
            } else if message.kind == "method return", let serial = message.header["reply_serial"] {
                let args = topLevelArguments(message.lines)
                if let first = args.first, first.type == "uint32", let id = UInt32(first.value) {
                    returns["\(message.header["destination"] ?? "")/\(serial)"] = id
                }
            }
        }
        return calls.map { call in
            var notify = call.notify
            notify.returnedID = returns["\(call.sender)/\(call.serial)"]
            return notify
        }
    }

    /// The message's top-level arguments (indented three spaces), strings unquoted and joined
    /// across lines; for an array, the strings directly inside it.
    private static func topLevelArguments(_ lines: [String]) -> [(type: String, value: String, elements: [String])] {
        var args: [(type: String, value: String, elements: [String])] = []
        var index = 0
        func readString(_ first: String) -> String {
            // `string "…"` may run over several lines when the text holds newlines.
            var text = String(first.drop(while: { $0 != "\"" }).dropFirst())
            while !text.hasSuffix("\""), index + 1 < lines.count {
                index += 1
                text += "\n" + lines[index]
            }
            return String(text.dropLast())
        }
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix(while: { $0 == " " }).count
            let content = line.trimmingCharacters(in: .whitespaces)
            if indent == 3 {
                let type = String(content.prefix(while: { $0 != " " }))
                if type == "string" {
                    args.append((type, readString(content), []))
                } else if type == "array" {
                    var elements: [String] = []
                    index += 1
                    while index < lines.count, !(lines[index].prefix(while: { $0 == " " }).count == 3 && lines[index].contains("]")) {
                        let inner = lines[index].trimmingCharacters(in: .whitespaces)
                        if lines[index].prefix(while: { $0 == " " }).count == 6, inner.hasPrefix("string ") {
                            elements.append(readString(inner))
                        }
                        index += 1
                    }
                    args.append((type, "", elements))
                } else {
                    let value = content.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                    args.append((type, value, []))
                }
            }
            index += 1
        }
        return args
    }
}
