import ArgumentParser
import Foundation
import SteadyCheckIn
import SteadyJournal
import SteadyTerminal

/// Opens the journal for a command, turning problems into a message and exit status.
func openJournal(create: Bool) throws -> Journal? {
    do {
        return try Journal(path: Journal.defaultPath(), create: create)
    } catch where error.code == .notFound {
        return nil
    } catch {
        printError(error.description)
        throw ExitStatus.journal
    }
}

/// Date formatting for terminal output, in the person's time zone and locale (LC_TIME).
enum Clock {
    /// "21:00" today, "Tue 07:30" within six days either way, else "2026-12-24 09:00".
    static func short(_ date: Date, now: Date = Date()) -> String {
        CheckInService.spoken(date, now: now, zone: .current)
    }

    /// "2026-12-24 09:00" (the time as the locale writes it).
    static func full(_ date: Date) -> String {
        CheckInService.spoken(date, now: .distantPast, zone: .current)
    }
}

/// JSON output for `--json`: sorted keys, ISO 8601 dates.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// The entry a `--follow-up` looks back on: entry `id` when given (it must be of `kind`),
/// else the latest of `kind` without a follow-up of `followUpKind`. Says why and exits 66
/// when there is none (`missing` for a number that is not such an entry, `noneWaiting` when nothing waits), 74
/// when the journal cannot be read.
func entryToFollowUp(_ id: Int64?, kind: String, followUpKind: String, in journal: Journal,
                     missing: (Int64) -> String, noneWaiting: String, console: any Console) throws -> EntryRecord {
    do {
        if let id {
            guard let found = try journal.entry(id), found.kind == kind else {
                printError(missing(id))
                throw ExitStatus.notFound
            }
            return found
        }
        guard let latest = try journal.entriesAwaitingFollowUp(kind: kind, followUpKind: followUpKind, limit: 1).first else {
            console.line(noneWaiting)
            throw ExitStatus.notFound
        }
        return latest
    } catch let error as JournalError {
        printError(error.description)
        throw ExitStatus.journal
    }
}
