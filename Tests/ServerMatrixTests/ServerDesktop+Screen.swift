import Foundation
import SteadyTestSupport

/// What a person sees on the server's screen, and their clicks.
///
/// Where the server draws with a toolkit, what is "on screen" is what its AT-SPI tree shows
/// (labels and buttons in showing state). dunst and notify-osd draw their bubbles with cairo
/// (notify-osd's only AT-SPI window is the modal dialog it makes of a notification it cannot
/// show), and mako draws no buttons: there the server's own list of live notifications stands
/// in (the bus's Notify and NotificationClosed traffic, plus `dunstctl count displayed`;
/// `makoctl list`).
extension ServerDesktop {
    /// Waits until a bubble shows `text` (or, with `gone`, until none does), at most `timeout` seconds.
    func waitUntilShowing(_ text: String, gone: Bool = false, timeout: Double = 15, monitor: BusMonitor) throws {
        switch server {
        case .dunst, .notifyOSD, .mako:
            let deadline = Date().addingTimeInterval(timeout)
            // Neither draws anything a program can read back; their lists change without a signal.
            while try isShowing(text, monitor: monitor) == gone {
                guard Date() < deadline else {
                    throw DesktopSessionError("\(server.rawValue): \(text.debugDescription) \(gone ? "still" : "never") shown after \(timeout) s; live: \(try liveTexts(monitor: monitor))")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        default:
            try accessibility(["wait-text", server.accessibleName!, text, "--timeout", "\(timeout)"] + (gone ? ["--gone"] : [])
                              + (server == .gnomeShell ? ["--toplevel"] : []))
        }
    }

    /// How many bubbles show exactly `text` (a title or a body) right now.
    func showingCount(_ text: String, monitor: BusMonitor) throws -> Int {
        switch server {
        case .dunst, .notifyOSD, .mako: try liveTexts(monitor: monitor).filter { $0.summary == text || $0.plainBody == text }.count
        default:
            Int(try accessibility(["count", server.accessibleName!, text] + (server == .gnomeShell ? ["--toplevel"] : []))
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
    }

    /// Every text on screen (for failure messages).
    func screenTexts(monitor: BusMonitor) -> String {
        switch server {
        case .dunst, .notifyOSD, .mako: ((try? liveTexts(monitor: monitor)) ?? []).map { "\($0.summary): \($0.body)" }.joined(separator: " | ")
        default: (try? accessibility(["texts", server.accessibleName!]))?.replacingOccurrences(of: "\n", with: " | ") ?? "?"
        }
    }

    /// Waits until the server keeps nothing of steady's out of sight either: swaync moves a popup
    /// into its control centre after a few seconds, so a popup gone from the screen may still be
    /// there (`swaync-client --count`). It signals nothing about it; this asks every 100 ms.
    func waitUntilNothingKept(timeout: Double = 10) throws {
        guard server == .swaync else { return }
        let deadline = Date().addingTimeInterval(timeout)
        var count = ""
        while true {
            count = try runAsDesktop(["/usr/bin/swaync-client", "--count"]).trimmingCharacters(in: .whitespacesAndNewlines)
            if count == "0" { return }
            guard Date() < deadline else { throw DesktopSessionError("swaync still keeps \(count) notification(s) after \(timeout) s.") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    private func isShowing(_ text: String, monitor: BusMonitor) throws -> Bool {
        try liveTexts(monitor: monitor).contains { $0.summary.contains(text) || $0.plainBody.contains(text) }
    }

    /// The notifications the server holds on screen.
    func liveTexts(monitor: BusMonitor) throws -> [BusMonitor.Notify] {
        switch server {
        case .dunst:
            return try run(["/usr/bin/dunstctl", "count", "displayed"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
                ? [] : monitor.live
        case .notifyOSD:
            return monitor.live
        case .mako:
            let json = try run(["/usr/bin/makoctl", "list"])
            let data = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let items = ((data?["data"] as? [[Any]])?.first as? [[String: Any]]) ?? []
            return items.map { item in
                func value(_ key: String) -> String { ((item[key] as? [String: Any])?["data"] as? String) ?? "" }
                let id = ((item["id"] as? [String: Any])?["data"] as? Int).map(UInt32.init) ?? 0
                let actions = ((item["actions"] as? [String: Any])?["data"] as? [String: String]) ?? [:]
                return BusMonitor.Notify(replacesID: 0, summary: value("summary"), body: value("body"), actions: Array(actions.keys),
                                         expireTimeout: 0, returnedID: id)
            }
        default:
            return []
        }
    }

    /// Chooses the action `key` (labelled `label`) on the bubble `id` titled `summary`, the way a
    /// person does on this server.
    func press(key: String, label: String, id: UInt32, summary: String) throws {
        switch server.click {
        case .dunstMenu:
            try ",\(key)]".write(to: dmenuPatternFile, atomically: true, encoding: .utf8)
            try run(["/usr/bin/dunstctl", "context"])
        case .makoctl:
            try run(["/usr/bin/makoctl", "invoke", "-n", "\(id)", key])
        case .accessibleAction, .pointer:
            if server.drawsManyActionsAsCombo, try showsCombo(summary: summary) {
                try accessibility(["choose", server.accessibleName!, label, "OK", "--near", summary])
            } else {
                try accessibility(["press", server.accessibleName!, label, "--near", summary] + (server.click == .pointer ? ["--pointer"] : []))
            }
        case .gnomePointer:
            try runAsDesktop(["/usr/bin/python3", Self.scripts.appendingPathComponent("gnome-click.py").path, label, "--near", summary])
        }
    }

    private func showsCombo(summary: String) throws -> Bool {
        try accessibility(["has-combo", server.accessibleName!, "--near", summary]).contains("yes")
    }

    /// Saves a PNG of the whole screen.
    func screenshot(to url: URL) throws {
        switch server.screen {
        case .x11: try run(["/usr/bin/import", "-window", "root", url.path])
        case .sway:
            let shot = directory.appendingPathComponent("shot.png")
            try runAsDesktop(["/usr/bin/grim", shot.path])
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.copyItem(at: shot, to: url)
        case .gnome:
            let shot = directory.appendingPathComponent("shot.png")
            try runAsDesktop(["/usr/bin/python3", Self.scripts.appendingPathComponent("gnome-click.py").path, "--screenshot", shot.path])
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.copyItem(at: shot, to: url)
        }
    }
}
