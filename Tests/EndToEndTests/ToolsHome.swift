import Foundation
import SteadyTestSupport

/// A private home for the on-demand tools: config, data and runtime directories under a
/// fresh temporary directory, no session bus, UTC.
struct ToolsHome {
    let root = TemporaryDirectory(prefix: "steady-tools")
    var journal: String { root.file("data/steady/journal.sqlite") }

    /// A `[safety]` table with a threshold below the top of the scale, a contact and a line,
    /// so the tests can see the configured response and where it starts.
    static let safetyConfig = """
        [safety]
        threshold = 8
        contacts = ["Sam 07700 900123"]
        crisis-line = "the support line on 0800 000 000"
        """

    init(config: String? = ToolsHome.safetyConfig) throws {
        try FileManager.default.createDirectory(atPath: root.file("run"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        if let config { try root.write("config/steady/config.toml", config) }
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = root.path
        env["XDG_CONFIG_HOME"] = root.file("config")
        env["XDG_DATA_HOME"] = root.file("data")
        env["XDG_RUNTIME_DIR"] = root.file("run")
        env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=\(root.file("no-bus"))"
        env["TZ"] = "UTC"
        env["NO_COLOR"] = nil
        for key in ["NOTIFY_SOCKET", "JOURNAL_STREAM", "WATCHDOG_USEC"] { env[key] = nil }
        return env
    }

    /// Runs `steady` with `input` piped to stdin (so not a terminal).
    func steady(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        try ChildProcess.run(SteadyBinary.path, arguments, environment: environment, input: input ?? "", timeout: 60)
    }

    /// Runs `steady` in a pseudo-terminal.
    func terminal(_ name: String, _ arguments: [String]) throws -> TmuxPane {
        try TmuxPane(name: name, command: [SteadyBinary.path] + arguments, environment: environment)
    }

    /// One query against the journal with the sqlite3 CLI, rows as lines, columns joined by '|'.
    func sqlite(_ query: String) throws -> String {
        let result = try ChildProcess.run("/usr/bin/sqlite3", ["-bail", journal, query],
                                          environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else { throw TestSupportError("sqlite3 failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The SQL for one stored form value of the given kind (`choice`, `number`, `text`), NULL
    /// when the entry has no such value: `value("what-happened", "text")` reads
    /// `json_extract(payload, '$."what-happened"')` when it is a string not listed in `choices`
    /// (docs/journal-format.md).
    static func value(_ key: String, _ kind: String) -> String {
        let path = "'$.\"\(key)\"'"
        let listed = "EXISTS (SELECT 1 FROM json_each(choices) c WHERE c.value = '\(key)')"
        let fits = switch kind {
        case "choice": listed
        case "number": "json_type(payload, \(path)) = 'integer'"
        case "text": "json_type(payload, \(path)) = 'text' AND NOT \(listed)"
        default: "json_type(payload, \(path)) = 'true'"
        }
        return "(CASE WHEN \(fits) THEN json_extract(payload, \(path)) END)"
    }
}

extension String {
    /// How many times `text` occurs.
    func occurrences(of text: String) -> Int { components(separatedBy: text).count - 1 }
}
