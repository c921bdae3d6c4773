import ArgumentParser
import Foundation
import SteadyInsights
import SteadyLocalization

/// `--since` and `--until`, shared by `history`, `stats`, `report` and `export`.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        tr("Start here: a span back from now (7d, 2w, 12h, 3mo, 1y), today, yesterday, a date (2025-03-01), a date and time (2025-03-01 14:30), or all."),
        valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp(
        tr("Stop before here, written like --since; a date includes that whole day."), valueName: "when"))
    var until: String?

    func validate() throws {
        do {
            _ = try DateWindow.parse(since: since, until: until)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The window, with `defaultSince` when `--since` was not given.
    func window(defaultSince: String? = nil) throws -> DateWindow {
        do {
            return try DateWindow.parse(since: since ?? defaultSince, until: until)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// How the window reads in a heading, when it was given as a span (`last 30 days`).
    func description(defaultSince: String?) -> String? {
        guard until == nil, let text = (since ?? defaultSince)?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        if text == "all" { return tr("everything so far") }
        let digits = text.prefix { $0.isNumber }
        guard let count = Int(digits), count > 0 else { return nil }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch unit {
        case "d", "day", "days": return trn("last day", "last %1$d days", count)
        case "w", "week", "weeks": return trn("last week", "last %1$d weeks", count)
        case "mo", "month", "months": return trn("last month", "last %1$d months", count)
        case "y", "year", "years": return trn("last year", "last %1$d years", count)
        default: return nil
        }
    }
}

/// Practice id → name, from the registry, for headings and tables.
let practiceNames: [String: String] = Dictionary(uniqueKeysWithValues: registry.all.map { ($0.id.rawValue, $0.displayName) })

/// Creates `path` for private output (mode 0600), truncating it; returns its descriptor.
func createPrivateFile(_ path: String) throws -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
        printError(tr("cannot write %1$@ (%2$@); choose another place with -o.", path, String(cString: strerror(errno))))
        throw ExitStatus.failure
    }
    return fd
}
