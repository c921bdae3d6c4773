import Foundation
import SteadyCalendar
import SteadyExternal
import SteadyKit
import SteadyLocalization
import TOMLKit

/// Reads and checks steady's TOML configuration.
///
/// Every problem is a `ConfigError` naming the file, line and column with a hint.
/// Loading never writes anything and never starts a program: an external practice
/// (`exec = …`) is only checked to be an executable file. Its program is asked to describe
/// itself by ``ExternalPractices/describeAll(_:)``, which only the daemon calls.
public struct ConfigLoader: Sendable {
    public let registry: PracticeRegistry

    public init(registry: PracticeRegistry) {
        self.registry = registry
    }

    /// `$XDG_CONFIG_HOME/steady/config.toml`, falling back to `~/.config/steady/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        BaseDirectories(environment: environment, fallbackHome: NSHomeDirectory()).configHome + "/steady/config.toml"
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
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            // Not a problem in the text, so no line to name: only the file.
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigError(
                file: path, line: 0, column: 0,
                phrase: exists ? Phrase { tr("cannot be read") } : Phrase { tr("no such file") },
                hint: exists ? Phrase { tr("check that it is a file and that you may read it") } : Phrase { tr("create one with `steady config init`, or leave out --config to use the default") })
        }
        return try parse(bytes: bytes, source: path)
    }

    /// Parses a config file's bytes: text that is not UTF-8 (what TOML requires) is rejected
    /// at the line and column of its first bad byte, then the text is parsed as by ``parse(_:source:)``.
    public func parse(bytes: some Collection<UInt8>, source: String) throws(ConfigError) -> Config {
        let bytes = Array(bytes)
        if let offset = Self.firstInvalidUTF8(in: bytes) {
            let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let line = bytes[..<offset].count(where: { $0 == UInt8(ascii: "\n") }) + 1
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            throw ConfigError(
                file: source, line: line, column: column,
                phrase: Phrase { tr("not UTF-8 text: byte 0x%1$@ cannot start or continue a character", String(bytes[offset], radix: 16, uppercase: true)) },
                hint: Phrase { tr("save the file as UTF-8, the encoding TOML requires") },
                sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
        }
        return try parse(String(decoding: bytes, as: UTF8.self), source: source)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all of it is.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static let topLevelKeys = [
        "quiet-hours", "daily-limit", "expire-after", "grace-period", "snooze", "snooze-limit", "back-off",
        "channel", "command", "answer-command", "safety", "terminal", "practices",
    ]
    private static let practiceKeys = ["schedule", "enabled", "random", "during-quiet-hours", "urgency", "exec"]

    /// Parses and checks config text; `source` names it in errors.
    ///
    /// Before TOMLKit sees the text, what its parser (toml++ 3) cannot take is refused at its
    /// place: a file over ``largestFile`` (deep nesting that long would overflow the stack), a
    /// NUL character (the parser reads a C string and would silently drop everything after
    /// it), and three mistakes toml++ asserts never happen (in a release build: assumes) — a
    /// carriage return without a line feed, a table header that does not start with a name,
    /// and a `}` inside an array. None of them is valid TOML. The parse itself runs on a
    /// thread with a large stack.
    public func parse(_ text: String, source: String) throws(ConfigError) -> Config {
        if let (line, column, message, hint) = Self.unreadablePlace(in: text) {
            throw ConfigError(file: source, line: line, column: column, phrase: message, hint: hint,
                              sourceLine: SourceLocator(text: text).text(ofLine: line))
        }
        let result = LargeStack.run { () -> Result<Config, ConfigError> in
            do throws(ConfigError) { return .success(try parseChecked(text, source: source)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The largest config file steady reads: twenty times the default, and small enough that
    /// the deepest nesting it can hold parses within ``LargeStack/size``.
    public static let largestFile = 64 * 1024

    /// Line, column, message and hint of the first thing in `text` the parser must not see, if any.
    static func unreadablePlace(in text: String) -> (line: Int, column: Int, message: Phrase, hint: Phrase)? {
        // Rendered only for a problem: a good file costs no lookups.
        func syntax() -> Phrase { Phrase { tr("see https://toml.io for the syntax") } }
        func invisible() -> Phrase { Phrase { tr("remove it; an editor's \"show invisible characters\" finds it") } }
        var line = 1, column = 1, bytes = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            defer { index = scalars.index(after: index) }
            let next = scalars.index(after: index) < scalars.endIndex ? scalars[scalars.index(after: index)] : nil
            bytes += UTF8.width(scalar)
            if bytes > largestFile {
                return (line, column, Phrase { tr("the file goes on past %1$@ KiB here; steady reads config files up to that size", largestFile / 1024) },
                        Phrase { tr("a config needs no more than a few KiB; remove what steady does not use") })
            }
            if column == 1, let offset = Self.unnamedTableHeader(atLineStart: text.unicodeScalars[index...]) {
                return (line, offset + 1, Phrase { tr("not valid TOML: a table header must start with a name, e.g. [practices.wins]") }, syntax())
            }
            switch scalar {
            case "\0": return (line, column, Phrase { tr("not valid TOML: a NUL character, which TOML does not allow") }, invisible())
            case "\r" where next != "\n":
                return (line, column, Phrase { tr("not valid TOML: a carriage return without a line feed after it, which TOML does not allow") }, invisible())
            case "\n":
                line += 1
                column = 1
                continue
            default: break
            }
            column += 1
        }
        if let (line, column) = braceClosingAnArray(in: text) {
            return (line, column, Phrase { tr("not valid TOML: '}' where a value or ']' belongs") }, syntax())
        }
        return nil
    }

    /// Line and column of the first `}` outside strings and comments whose innermost open
    /// bracket is a `[`: never valid TOML, and an assertion in toml++ when it stands where
    /// the array's next value should. Only strings, comments and brackets are told apart.
    static func braceClosingAnArray(in text: String) -> (line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        var open: [Unicode.Scalar] = []
        var line = 1, lineStart = 0, index = 0
        func at(_ offset: Int, _ literal: String) -> Bool {
            let wanted = Array(literal.unicodeScalars)
            return offset + wanted.count <= scalars.count && Array(scalars[offset..<(offset + wanted.count)]) == wanted
        }
        /// Moves past a string starting at `index`, counting its lines.
        func skipString(quote: String, escapes: Bool) {
            index += quote.count
            while index < scalars.count, !at(index, quote) {
                if escapes, scalars[index] == "\\" { index += 1 }
                if index < scalars.count, scalars[index] == "\n" { line += 1; lineStart = index + 1 }
                index += 1
            }
            index += quote.count
            while quote.count == 3, index < scalars.count, scalars[index] == quote.unicodeScalars.first! { index += 1 }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n":
                line += 1
                lineStart = index + 1
            case "#":
                while index + 1 < scalars.count, scalars[index + 1] != "\n" { index += 1 }
            case "\"", "'":
                let triple = at(index, String(repeating: String(scalar), count: 3))
                skipString(quote: String(repeating: String(scalar), count: triple ? 3 : 1), escapes: scalar == "\"")
                continue
            case "[", "{":
                open.append(scalar)
            case "]":
                _ = open.popLast()
            case "}":
                if open.last == "[" { return (line, index - lineStart + 1) }
                _ = open.popLast()
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Where a line starting a table header (`[` or `[[`, after blanks) has something other than
    /// a key where the name should start: the 0-based scalar offset in the line, or nil. toml++
    /// asserts (and, built without assertions, assumes) that this never happens.
    static func unnamedTableHeader(atLineStart line: Substring.UnicodeScalarView) -> Int? {
        var offset = 0
        var rest = line[...]
        func skipBlanks() {
            while let first = rest.first, first == " " || first == "\t" {
                rest.removeFirst()
                offset += 1
            }
        }
        skipBlanks()
        guard rest.first == "[" else { return nil }
        rest.removeFirst()
        offset += 1
        var brackets = 1
        if rest.first == "[" {
            rest.removeFirst()
            offset += 1
            brackets = 2
        }
        let adjacent = rest.first
        skipBlanks()
        guard let first = rest.first else { return nil }
        let keyStart = (first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first)))
            || ["_", "-", "\"", "'", "]"].contains(first)
            || (first == "[" && !(brackets == 2 && adjacent == "["))
        return keyStart ? nil : offset
    }

    private func parseChecked(_ text: String, source: String) throws(ConfigError) -> Config {
        let locator = SourceLocator(text: text)
        func fail(_ path: [String], _ message: Phrase, hint: Phrase? = nil, value: String? = nil, offset: Int = 0) -> ConfigError {
            locate(path, message, hint, value, offset)
        }
        func fail(_ path: [String], _ message: String, hint: Phrase? = nil, value: String? = nil, offset: Int = 0) -> ConfigError {
            locate(path, Phrase(verbatim: message), hint, value, offset)
        }
        func locate(_ path: [String], _ message: Phrase, _ hint: Phrase?, _ value: String?, _ offset: Int) -> ConfigError {
            var place = locator.position(of: path) ?? (1, 1)
            if let value, let found = locator.position(ofString: value, from: place) {
                place = (found.line, found.column + offset)
            }
            return ConfigError(file: source, line: place.line, column: place.column, phrase: message, hint: hint,
                               sourceLine: locator.text(ofLine: place.line))
        }

        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++ places an error at the end of the file one column past the last line's end.
            let line = max(1, min(error.source.begin.line, locator.lines.count))
            let width = locator.text(ofLine: line)?.unicodeScalars.count ?? 0
            let column = max(1, min(error.source.begin.column, width + 1))
            throw ConfigError(file: source, line: line, column: column, phrase: Phrase { tr("not valid TOML: %1$@", error.description) },
                              hint: Phrase { tr("see https://toml.io for the syntax") }, sourceLine: locator.text(ofLine: line))
        } catch {
            throw ConfigError(file: source, line: 1, column: 1, phrase: Phrase { tr("not valid TOML") })
        }

        for key in root.keys.sorted() where !Self.topLevelKeys.contains(key) {
            throw fail([key], Phrase { tr("unknown setting '%1$@'", key) }, hint: Self.hint(for: key, in: Self.topLevelKeys))
        }

        var sparing = Sparing()
        if let value = root["quiet-hours"] {
            guard let text = value.string else { throw fail(["quiet-hours"], Phrase { tr("quiet-hours must be a string") }, hint: Phrase { tr("e.g. quiet-hours = \"22:00..07:00\" or \"off\"") }) }
            if text == "off" {
                sparing.quietHours = nil
            } else if let range = TimeOfDayRange(text) {
                sparing.quietHours = range
            } else {
                throw fail(["quiet-hours"], Phrase { tr("'%1$@' is not a daily window", text) }, hint: Phrase { tr("write \"HH:MM..HH:MM\" (24-hour clock, may wrap past midnight) or \"off\"") }, value: text)
            }
        }
        if let value = root["daily-limit"] {
            guard let limit = value.int, limit >= 1 else {
                throw fail(["daily-limit"], Phrase { tr("daily-limit must be a whole number of at least 1") }, hint: Phrase { tr("e.g. daily-limit = 8") })
            }
            sparing.dailyLimit = limit
        }
        if let value = root["snooze-limit"] {
            guard let limit = value.int, (0...10).contains(limit) else {
                throw fail(["snooze-limit"], Phrase { tr("snooze-limit must be a whole number from 0 to 10") }, hint: Phrase { tr("e.g. snooze-limit = 3") })
            }
            sparing.snoozeLimit = limit
        }
        if let value = root["back-off"] {
            guard let flag = value.bool else { throw fail(["back-off"], Phrase { tr("back-off must be true or false") }) }
            sparing.backOff = flag
        }
        for (key, keyPath) in [("expire-after", \Sparing.expireAfter), ("grace-period", \Sparing.gracePeriod), ("snooze", \Sparing.snooze)] {
            guard let value = root[key] else { continue }
            guard let text = value.string else { throw fail([key], Phrase { tr("%1$@ must be a string such as \"2h\"", key) }) }
            do {
                sparing[keyPath: keyPath] = try TimeSpan(parsing: text)
            } catch {
                throw fail([key], Phrase { error.description }, value: text)
            }
        }

        var safety = SafetySettings()
        if let value = root["safety"] {
            guard let table = value.table else { throw fail(["safety"], Phrase { tr("safety must be a table") }, hint: Phrase { tr("write it as a [safety] section") }) }
            var settings: [String: SettingValue] = [:]
            for key in table.keys { settings[key] = Self.settingValue(table[key]!) }
            do {
                safety = try SafetySettings.decode(from: settings)
            } catch {
                throw fail(["safety"] + error.keyPath, error.phrase, hint: error.hintPhrase)
            }
        }

        var terminal = TerminalSettings()
        if let value = root["terminal"] {
            guard let table = value.table else { throw fail(["terminal"], Phrase { tr("terminal must be a table") }, hint: Phrase { tr("write it as a [terminal] section") }) }
            for key in table.keys.sorted() where key != "plain" {
                throw fail(["terminal", key], Phrase { tr("unknown setting '%1$@' in [terminal]", key) }, hint: Phrase { tr("[terminal] takes plain = true or false") })
            }
            if let raw = table["plain"] {
                guard let flag = raw.bool else { throw fail(["terminal", "plain"], Phrase { tr("plain must be true or false") }) }
                terminal.plain = flag
            }
        }

        func command(_ key: String) throws(ConfigError) -> [String]? {
            guard let value = root[key] else { return nil }
            if let text = value.string, !text.isEmpty { return [text] }
            if let array = value.array, !array.isEmpty, array.allSatisfy({ $0.string != nil }) { return array.compactMap { $0.string } }
            throw fail([key], Phrase { tr("%1$@ must be a program path or a list of program and arguments", key) },
                       hint: Phrase { tr("e.g. %1$@ = [\"/usr/local/bin/my-bridge\", \"--quiet\"]", key) })
        }
        var channel = ChannelSetting.desktop
        if let value = root["channel"] {
            switch value.string {
            case "desktop": channel = .desktop
            case "command":
                guard let program = try command("command") else {
                    throw fail(["channel"], Phrase { tr("channel = \"command\" needs a command to run") }, hint: Phrase { tr("add command = \"/path/to/program\"") })
                }
                channel = .command(program)
            default:
                throw fail(["channel"], Phrase { tr("channel must be \"desktop\" or \"command\"") }, value: value.string)
            }
        } else if root["command"] != nil {
            throw fail(["command"], Phrase { tr("command is only used with channel = \"command\"") }, hint: Phrase { tr("add channel = \"command\", or remove command") })
        }
        let answerCommand = try command("answer-command")

        var practices: [PracticeSetup] = []
        if let value = root["practices"] {
            guard let table = value.table else { throw fail(["practices"], Phrase { tr("practices must be a table") }, hint: Phrase { tr("write [practices.NAME] sections") }) }
            for name in table.keys.sorted() {
                let path = ["practices", name]
                let isExternal = table[name]?.table?["exec"] != nil
                if isExternal, registry[PracticeID(name)] != nil {
                    throw fail(path, Phrase { tr("'%1$@' is a built-in practice and cannot run a program", name) },
                               hint: Phrase { tr("give the external practice its own name, e.g. [practices.my-%1$@]", name) })
                }
                guard let descriptor = registry[PracticeID(name)] ?? (isExternal ? Self.externalPlaceholder : nil) else {
                    let known = registry.ids.map(\.rawValue)
                    throw fail(path, Phrase { tr("unknown practice '%1$@'", name) },
                               hint: Suggestion.nearest(to: name, in: known).map { suggestion in Phrase { tr("did you mean '%1$@'?", suggestion) } }
                                ?? Phrase { tr("known practices: %1$@ (see `steady practices`)", Translation.list(known)) })
                }
                guard let practiceTable = table[name]?.table else {
                    throw fail(path, Phrase { tr("practices.%1$@ must be a table", name) }, hint: Phrase { tr("write it as a [practices.%1$@] section", name) })
                }
                if let enabled = practiceTable["enabled"] {
                    guard let flag = enabled.bool else { throw fail(path + ["enabled"], Phrase { tr("enabled must be true or false") }) }
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
                        throw fail(path + ["schedule"], Phrase { tr("schedule must be a calendar expression or a list of them") },
                                   hint: Phrase { tr("e.g. schedule = [\"Mon..Fri 07:30\", \"Sat,Sun 09:00\"]") })
                    }
                } else {
                    scheduleTexts = []
                }
                for text in scheduleTexts {
                    do {
                        schedule.append(try CalendarExpression(text))
                    } catch {
                        throw fail(path + ["schedule"], error.messagePhrase, hint: error.hintPhrase ?? Phrase { tr("see `steady calendar --help` for the syntax") },
                                   value: text, offset: error.offset)
                    }
                }
                var settings: [String: SettingValue] = [:]
                for key in practiceTable.keys where !Self.practiceKeys.contains(key) {
                    settings[key] = Self.settingValue(practiceTable[key]!)
                }
                let configured: ConfiguredPractice
                var external: ExternalPracticeSetup?
                if isExternal {
                    guard let exec = practiceTable["exec"]?.string, !exec.isEmpty else {
                        throw fail(path + ["exec"], Phrase { tr("exec must be the program's path") }, hint: Phrase { tr("e.g. exec = \"~/bin/kind-act.py\"") })
                    }
                    let executable = ExternalPractice.resolve(exec: exec, configFile: source.hasPrefix("/") ? source : nil)
                    do {
                        // Checks the file is there and executable; runs nothing.
                        _ = try ExternalPractice(id: PracticeID(name), executable: executable, settings: settings)
                    } catch {
                        throw fail(path + ["exec"], error.reason, hint: Phrase { tr("see docs/external-practices.md") }, value: exec)
                    }
                    external = ExternalPracticeSetup(
                        executable: executable, settings: settings, scheduleGiven: practiceTable["schedule"] != nil,
                        execPlace: fail(path + ["exec"], "", hint: Phrase { tr("see docs/external-practices.md") }, value: exec),
                        practicePlace: fail(path, "", hint: Phrase { tr("give a schedule for it in the config") }))
                    configured = ExternalPracticeSetup.undescribed(PracticeID(name))
                } else {
                    do {
                        configured = try descriptor.configure(with: settings)
                    } catch {
                        throw fail(path + error.keyPath, error.phrase, hint: error.hintPhrase)
                    }
                }
                if practiceTable["schedule"] == nil {
                    // The practice's own suggestion, which may follow its settings (e.g. a bedtime).
                    for text in configured.suggestedSchedule {
                        do {
                            schedule.append(try CalendarExpression(text))
                        } catch {
                            throw fail(path, Self.invalidSuggestedSchedule(text, error), hint: Phrase { tr("give a schedule for it in the config") })
                        }
                    }
                }
                var random: RandomWindow?
                if let raw = practiceTable["random"] {
                    random = try Self.randomWindow(raw, path: path + ["random"], fail: locate)
                }
                var policy = QuietHoursPolicy.skip
                if let raw = practiceTable["during-quiet-hours"] {
                    guard let text = raw.string, let parsed = QuietHoursPolicy(rawValue: text) else {
                        throw fail(path + ["during-quiet-hours"], Phrase { tr("during-quiet-hours must be \"defer\" or \"skip\"") },
                                   hint: Phrase { tr("defer shows it when quiet hours end; skip leaves it out") })
                    }
                    policy = parsed
                }
                var urgency = Urgency.low
                if let raw = practiceTable["urgency"] {
                    guard let text = raw.string, let parsed = Urgency(rawValue: text) else {
                        throw fail(path + ["urgency"], Phrase { tr("urgency must be \"low\", \"normal\" or \"critical\"") })
                    }
                    urgency = parsed
                }
                practices.append(PracticeSetup(id: PracticeID(name), schedule: schedule, random: random,
                                               quietHoursPolicy: policy, urgency: urgency, practice: configured,
                                               external: external))
            }
        }
        return Config(source: source, sparing: sparing, practices: practices, safety: safety, channel: channel,
                      answerCommand: answerCommand, terminal: terminal)
    }

    /// Stands in for the registry entry of a practice defined by `exec` (its description comes from the program).
    private static let externalPlaceholder: PracticeDescriptor = {
        var registry = PracticeRegistry()
        registry.register(ExternalPlaceholder.self)
        return registry[ExternalPlaceholder.id]!
    }()

    /// `random = { between = "10:00..20:00", count = 3, min-gap = "90m" }`.
    private static func randomWindow(
        _ raw: TOMLValueConvertible, path: [String], fail: ([String], Phrase, Phrase?, String?, Int) -> ConfigError
    ) throws(ConfigError) -> RandomWindow {
        let example = Phrase { tr("e.g. random = { between = \"10:00..20:00\", count = 3, min-gap = \"90m\" }") }
        guard let table = raw.table else { throw fail(path, Phrase { tr("random must be a table") }, example, nil, 0) }
        for key in table.keys where !["between", "count", "min-gap"].contains(key) {
            throw fail(path + [key], Phrase { tr("unknown key '%1$@' in random", key) }, Phrase { tr("random takes between, count and min-gap") }, nil, 0)
        }
        guard let betweenText = table["between"]?.string, let between = TimeOfDayRange(betweenText) else {
            throw fail(path + ["between"], Phrase { tr("random needs between = \"HH:MM..HH:MM\"") }, example, nil, 0)
        }
        let count = table["count"]?.int ?? 1
        var gap = TimeSpan.minutes(60)
        if let gapText = table["min-gap"]?.string {
            do { gap = try TimeSpan(parsing: gapText) } catch { throw fail(path + ["min-gap"], Phrase { error.description }, nil, nil, 0) }
        }
        do {
            return try RandomWindow(between: between, count: count, minGap: gap)
        } catch {
            throw fail(path, Phrase { tr("random: %1$@", error.description) }, example, nil, 0)
        }
    }

    /// "the practice suggests an invalid schedule '…': …", with the calendar's own message in
    /// the same language: English in `.english`, the person's language in `.localized`.
    static func invalidSuggestedSchedule(_ text: String, _ error: CalendarExpressionError) -> Phrase {
        var phrase = Phrase { tr("the practice suggests an invalid schedule '%1$@': %2$@", text, error.messagePhrase.localized) }
        phrase.english = Phrase { tr("the practice suggests an invalid schedule '%1$@': %2$@", text, error.message) }.english
        return phrase
    }

    private static func hint(for key: String, in known: [String]) -> Phrase {
        Suggestion.nearest(to: key, in: known).map { suggestion in Phrase { tr("did you mean '%1$@'?", suggestion) } }
            ?? Phrase { tr("known settings: %1$@", Translation.list(known)) }
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

/// Only gives external practices a registry entry to pass through the same checks; never configured.
private struct ExternalPlaceholder: Practice {
    struct Settings: PracticeSettings { init() {} }
    static let id: PracticeID = "external"
    static let displayName = "External practice"
    // English: a placeholder never shown: external practices bring their own words
    static let summary = "A practice run by a program of your own."
    static let defaultSchedule: [String] = []
    init(settings: Settings) {}
    func prompt(for occasion: Occasion) -> PromptContent { PromptContent(title: "", body: "", request: .done) }
}

/// Runs work on a thread of its own with a large stack: parsing and converting deeply nested
/// TOML recurses once per level, deeper than a queue's thread may allow.
enum LargeStack {
    /// 64 MiB of address space; only the pages a parse touches are ever used.
    static let size = 64 << 20

    /// Runs `body` there in this thread's locale (`uselocale`), so its `tr` speaks the same language.
    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = Box<T>(body)
        box.locale = uselocale(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [box] in
            if let locale = box.locale { uselocale(locale) }
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    /// Handed to the thread and back; the semaphore orders the accesses.
    private final class Box<T>: @unchecked Sendable {
        let body: () -> T
        var value: T?
        var locale: locale_t?
        init(_ body: @escaping () -> T) { self.body = body }
    }
}
