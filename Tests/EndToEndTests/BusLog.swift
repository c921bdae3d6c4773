import Foundation
import SteadyTestSupport

/// The notification traffic of a test bus as `dbus-monitor` printed it, read with what the
/// kill -9 loop needs: who sent each `Notify` (which daemon), when, which prompt it shows
/// (the `x-steady-prompt-id` hint), the id the server gave back, clicks (`ActionInvoked`, with
/// the connection they were sent to) and closes.
struct BusLog {
    struct Notify {
        var time: Double
        var sender: String
        var serial: String
        var replacesID: UInt32
        var summary: String
        var body = ""
        var category: String?
        var promptID: Int64?
        var actions: [String]
        var text: String
        var returnedID: UInt32?
        var isPrompt: Bool { category == "x-steady.prompt" }
    }

    enum Event {
        case shown(Notify)
        case closed(id: UInt32)
        case action(id: UInt32, key: String, destination: String, time: Double)
    }

    /// Every answered `Notify` (at its reply), close and click, in bus order.
    var events: [Event] = []
    /// Every `Notify` call, answered or not.
    var calls: [Notify] = []

    init(_ output: String) {
        var messages: [(header: [String: String], kind: String, lines: [String])] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let kind = ["method call", "method return", "signal", "error"].first(where: { line.hasPrefix($0 + " ") }) {
                var header: [String: String] = [:]
                for token in line.split(separator: " ") {
                    let parts = token.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { header[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: ";")) }
                }
                messages.append((header, kind, []))
            } else if !messages.isEmpty {
                messages[messages.count - 1].lines.append(line)
            }
        }
        var pending: [String: Int] = [:]  // "sender/serial" → index in calls
        for message in messages {
            let h = message.header
            let time = Double(h["time"] ?? "") ?? 0
            if message.kind == "method call", h["member"] == "Notify", h["destination"] == "org.freedesktop.Notifications" {
                let top = message.lines.filter { $0.hasPrefix("   ") && !$0.hasPrefix("    ") }
                guard top.count >= 5 else { continue }
                var notify = Notify(time: time, sender: h["sender"] ?? "", serial: h["serial"] ?? "",
                                    replacesID: UInt32(top[1].split(separator: " ").last ?? "") ?? 0,
                                    summary: Self.unquote(top[3]), category: nil, promptID: nil, actions: [],
                                    text: message.lines.joined(separator: "\n"))
                notify.body = Self.unquote(top[4])
                for (index, line) in message.lines.enumerated() where index + 1 < message.lines.count {
                    let next = message.lines[index + 1]
                    if line.contains("string \"category\"") { notify.category = Self.unquote(next) }
                    if line.contains("string \"x-steady-prompt-id\"") { notify.promptID = Int64(next.split(separator: " ").last ?? "") }
                }
                // The actions array: strings at indent 6 between the first "array [" and its "]".
                if let start = message.lines.firstIndex(where: { $0 == "   array [" }) {
                    var strings: [String] = []
                    for line in message.lines[(start + 1)...] {
                        if line.hasPrefix("   ]") { break }
                        if line.hasPrefix("      string ") { strings.append(Self.unquote(line)) }
                    }
                    notify.actions = stride(from: 0, to: strings.count, by: 2).map { strings[$0] }
                }
                pending["\(notify.sender)/\(notify.serial)"] = calls.count
                calls.append(notify)
            } else if message.kind == "method return", let serial = h["reply_serial"], let destination = h["destination"],
                      let index = pending.removeValue(forKey: "\(destination)/\(serial)"),
                      let first = message.lines.first, first.hasPrefix("   uint32 "), let id = UInt32(first.split(separator: " ").last ?? "") {
                calls[index].returnedID = id
                events.append(.shown(calls[index]))
            } else if message.kind == "signal", h["member"] == "NotificationClosed",
                      let first = message.lines.first, let id = UInt32(first.split(separator: " ").last ?? "") {
                events.append(.closed(id: id))
            } else if message.kind == "signal", h["member"] == "ActionInvoked", message.lines.count >= 2,
                      let id = UInt32(message.lines[0].split(separator: " ").last ?? "") {
                events.append(.action(id: id, key: Self.unquote(message.lines[1]), destination: h["destination"] ?? "", time: time))
            }
        }
    }

    /// `string "…"` (or `variant string "…"`) → its text.
    static func unquote(_ line: String) -> String {
        guard let first = line.firstIndex(of: "\""), let last = line.lastIndex(of: "\""), first < last else { return "" }
        return String(line[line.index(after: first)..<last])
    }

    /// The live bubbles after all events: id → the notify that shows in it now.
    var live: [UInt32: Notify] {
        var byID: [UInt32: Notify] = [:]
        for event in events {
            switch event {
            case .shown(let n): byID[n.returnedID!] = n
            case .closed(let id): byID[id] = nil
            case .action: break
            }
        }
        return byID
    }
}
