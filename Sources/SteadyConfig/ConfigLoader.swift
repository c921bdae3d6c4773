import Foundation
import SteadyKit
import TOMLKit

/// Reads and checks steady's TOML configuration.
///
/// Every problem is a `ConfigError` naming the file, line and column with a hint.
/// Loading never writes anything.
public struct ConfigLoader: Sendable {
    public let registry: PracticeRegistry

    public init(registry: PracticeRegistry) {
        self.registry = registry
    }

    /// `$XDG_CONFIG_HOME/steady/config.toml`, falling back to `~/.config/steady/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/steady/config.toml"
    }

    /// Loads `path` when given (it must exist), else the default path when a file is there,
    /// else the embedded default.
    public func load(path explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigError) -> Config
    {
        let path = explicit ?? Self.defaultPath(environment: environment)
        guard explicit != nil || FileManager.default.fileExists(atPath: path) else {
            return try parse(DefaultConfig.text, source: DefaultConfig.sourceName)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigError(
                file: path, line: 0, column: 0,
                message: exists ? "cannot be read as UTF-8 text" : "no such file",
                hint: exists ? "check the file's permissions and encoding" : "create one with `steady config init`, or leave out --config to use the default")
        }
        return try parse(text, source: path)
    }

    private static let topLevelKeys = ["quiet-hours", "daily-limit", "expire-after", "grace-period", "practices"]
    private static let practiceKeys = ["schedule", "enabled"]

    /// Parses and checks config text; `source` names it in errors.
    public func parse(_ text: String, source: String) throws(ConfigError) -> Config {
        let locator = SourceLocator(text: text)
        func fail(_ path: [String], _ message: String, hint: String? = nil, value: String? = nil, offset: Int = 0) -> ConfigError {
            var place = locator.position(of: path) ?? (1, 1)
            if let value, let found = locator.position(ofString: value, from: place) {
                place = (found.line, found.column + offset)
            }
            return ConfigError(file: source, line: place.line, column: place.column, message: message, hint: hint,
                               sourceLine: locator.text(ofLine: place.line))
        }

        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line, column = error.source.begin.column
            throw ConfigError(file: source, line: line, column: column, message: "not valid TOML: \(error.description)",
                              hint: "see https://toml.io for the syntax", sourceLine: locator.text(ofLine: line))
        } catch {
            throw ConfigError(file: source, line: 1, column: 1, message: "not valid TOML")
        }

        for key in root.keys.sorted() where !Self.topLevelKeys.contains(key) {
            throw fail([key], "unknown setting '\(key)'", hint: Self.hint(for: key, in: Self.topLevelKeys))
        }

        var sparing = Sparing()
        if let value = root["quiet-hours"] {
            guard let text = value.string else { throw fail(["quiet-hours"], "quiet-hours must be a string", hint: "e.g. quiet-hours = \"22:00..07:00\" or \"off\"") }
            if text == "off" {
                sparing.quietHours = nil
            } else if let range = TimeOfDayRange(text) {
                sparing.quietHours = range
            } else {
                throw fail(["quiet-hours"], "'\(text)' is not a daily window", hint: "write \"HH:MM..HH:MM\" (24-hour clock, may wrap past midnight) or \"off\"", value: text)
            }
        }
        if let value = root["daily-limit"] {
            guard let limit = value.int, limit >= 1 else {
                throw fail(["daily-limit"], "daily-limit must be a whole number of at least 1", hint: "e.g. daily-limit = 8")
            }
            sparing.dailyLimit = limit
        }
        for (key, keyPath) in [("expire-after", \Sparing.expireAfter), ("grace-period", \Sparing.gracePeriod)] {
            guard let value = root[key] else { continue }
            guard let text = value.string else { throw fail([key], "\(key) must be a string such as \"2h\"") }
            do {
                sparing[keyPath: keyPath] = try TimeSpan(parsing: text)
            } catch {
                throw fail([key], error.description, value: text)
            }
        }

        var practices: [PracticeSetup] = []
        if let value = root["practices"] {
            guard let table = value.table else { throw fail(["practices"], "practices must be a table", hint: "write [practices.NAME] sections") }
            for name in table.keys.sorted() {
                let path = ["practices", name]
                guard let descriptor = registry[PracticeID(name)] else {
                    let known = registry.ids.map(\.rawValue)
                    throw fail(path, "unknown practice '\(name)'",
                               hint: Suggestion.nearest(to: name, in: known).map { "did you mean '\($0)'?" }
                                ?? "known practices: \(known.joined(separator: ", ")) (see `steady practices`)")
                }
                guard let practiceTable = table[name]?.table else {
                    throw fail(path, "practices.\(name) must be a table", hint: "write it as a [practices.\(name)] section")
                }
                if let enabled = practiceTable["enabled"] {
                    guard let flag = enabled.bool else { throw fail(path + ["enabled"], "enabled must be true or false") }
                    if !flag { continue }
                }
                var schedule: [CalendarExpression] = []
                let scheduleTexts: [String]
                if let raw = practiceTable["schedule"] {
                    if let single = raw.string {
                        scheduleTexts = [single]
                    } else if let array = raw.array, array.allSatisfy({ $0.string != nil }) {
                        scheduleTexts = array.compactMap { $0.string }
                    } else {
                        throw fail(path + ["schedule"], "schedule must be a calendar expression or a list of them",
                                   hint: "e.g. schedule = [\"Mon..Fri 07:30\", \"Sat,Sun 09:00\"]")
                    }
                } else {
                    scheduleTexts = descriptor.defaultSchedule
                }
                for text in scheduleTexts {
                    do {
                        schedule.append(try CalendarExpression(text))
                    } catch {
                        throw fail(path + ["schedule"], error.message, hint: error.hint ?? "see `steady calendar --help` for the syntax",
                                   value: text, offset: error.offset)
                    }
                }
                var settings: [String: SettingValue] = [:]
                for key in practiceTable.keys where !Self.practiceKeys.contains(key) {
                    settings[key] = Self.settingValue(practiceTable[key]!)
                }
                do {
                    let configured = try descriptor.configure(with: settings)
                    practices.append(PracticeSetup(id: descriptor.id, schedule: schedule, practice: configured))
                } catch {
                    throw fail(path + error.keyPath, error.message, hint: error.hint)
                }
            }
        }
        return Config(source: source, sparing: sparing, practices: practices)
    }

    private static func hint(for key: String, in known: [String]) -> String {
        Suggestion.nearest(to: key, in: known).map { "did you mean '\($0)'?" }
            ?? "known settings: \(known.joined(separator: ", "))"
    }

    /// TOMLKit value → format-independent `SettingValue` (dates and times become their TOML text).
    static func settingValue(_ value: TOMLValueConvertible) -> SettingValue {
        switch value.type {
        case .bool: return .bool(value.bool ?? false)
        case .int: return .integer(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .string: return .string(value.string ?? "")
        case .array: return .array((value.array.map { Array($0) } ?? []).map(settingValue))
        case .table:
            var result: [String: SettingValue] = [:]
            if let table = value.table { for key in table.keys { result[key] = settingValue(table[key]!) } }
            return .table(result)
        default: return .string(value.debugDescription)
        }
    }
}
