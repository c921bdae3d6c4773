import Foundation
import GRDB
import SteadyKit
import SteadyLocalization

/// The private journal: every prompt, answer, entry and event, in one SQLite file.
///
/// The directory is created 0700 and the file 0600; the database runs in WAL mode. What a
/// person gives — answers and entries — is written with `synchronous=FULL`: when
/// `recordAnswer`/`recordEntry` return it has reached the disk, and only then is it
/// acknowledged. Bookkeeping (prompts created, delivered, expired; events) uses
/// `synchronous=NORMAL`, which in WAL mode survives a crash of steady and costs no fsync on
/// the path from a due time to the notification; a power cut may lose the last few of
/// those, never an answer.
///
/// `Journal` owns its database writer; methods are named for intent (`recordAnswer`,
/// `pendingPrompts`). It is safe to use from any thread.
public final class Journal: Sendable {
    /// The file path.
    public let path: String
    let writer: any DatabaseWriter

    /// `$XDG_DATA_HOME/steady/journal.sqlite`, falling back to `~/.local/share/steady/journal.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        BaseDirectories(environment: environment, fallbackHome: NSHomeDirectory()).dataHome + "/steady/journal.sqlite"
    }

    /// Opens (creating if needed) the journal at `path` and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - create: when false, a missing file is `JournalError.notFound` instead of being created.
    ///   - checkpointsByHand: SQLite then never checkpoints the WAL by itself in the middle of
    ///     a write (a checkpoint syncs the database file: 10–20 ms here); the owner calls
    ///     `checkpoint()` when that costs nobody anything. The daemon does this, so no
    ///     checkpoint lands between a due time and its notification.
    public init(path: String, create: Bool = true, checkpointsByHand: Bool = false) throws(JournalError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create else {
                throw JournalError(.notFound, Phrase { tr("There is no journal at %1$@ yet; it is created when steady first runs or records something.", path) })
            }
            do {
                try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
            } catch {
                throw JournalError(.cannotCreateDirectory, Phrase { tr("Cannot create the journal directory %1$@: check that its parent is writable.", directory) })
            }
            // Create the file ourselves so it is 0600 from its first byte; SQLite gives the
            // -wal and -shm files the same mode.
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
        var owner = stat()
        if stat(directory, &owner) == 0 && owner.st_uid != getuid() {
            throw JournalError(.readOnly, Phrase { tr("The journal's directory %1$@ belongs to another user (uid %2$@); steady keeps your journal only in a directory of your own. Give it back to yourself (chown) or set XDG_DATA_HOME to a directory of yours.", directory, "\(owner.st_uid)") })
        }
        chmod(directory, 0o700)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if checkpointsByHand { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        configuration.busyMode = .timeout(5)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Self.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw JournalError(.newerVersion, Phrase { tr("The journal at %1$@ was written by a newer version of steady; update steady to use it (nothing was changed).", path) })
            }
            if try pool.read({ try !migrator.hasCompletedMigrations($0) }) {
                try migrator.migrate(pool)
                // A migration (the v4 table rebuild) fills SQLite's page caches with pages
                // the daemon never reads again: give them back, so the first start after an
                // upgrade keeps the same memory as every later one. Only the writer's caches:
                // `DatabasePool.releaseMemory()` also runs a barrier on GRDB's concurrent
                // reader queue, which starts a libdispatch worker thread, and with it
                // libdispatch's once-a-second thread monitor, for the life of the process
                // (60 wakeups/min on an idle daemon after every upgrade: bench/daemon.py).
                try pool.writeWithoutTransaction { $0.releaseMemory() }
                _ = malloc_trim(0)
            }
            // The last page of every table: a file cut short fails here, at start, rather than
            // on the first answer.
            _ = try pool.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT (SELECT max(id) FROM prompt), (SELECT max(id) FROM answer), (SELECT max(id) FROM entry),
                           (SELECT max(id) FROM event)
                    """)
            }
            writer = pool
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.openingError(error, path: path)
        }
    }

    /// What went wrong opening the journal, in words that name the file and what to do.
    static func openingError(_ error: any Error, path: String) -> JournalError {
        let code = (error as? DatabaseError)?.resultCode
        switch code {
        case .SQLITE_NOTADB?, .SQLITE_CORRUPT?:
            return JournalError(.damaged, Phrase { tr("The journal at %1$@ is damaged or is not a steady journal; nothing was changed. Move it aside (it may still be readable with sqlite3) and steady starts a new one.", path) })
        case .SQLITE_READONLY?, .SQLITE_CANTOPEN?, .SQLITE_PERM?, .SQLITE_AUTH?:
            return JournalError(.readOnly, Phrase { tr("Cannot open the journal at %1$@ for writing; check that it and its directory belong to you and are writable.", path) })
        case .SQLITE_FULL?:
            return JournalError(.full, Phrase { tr("The disk holding the journal at %1$@ is full; free some space, then start steady again.", path) })
        case .SQLITE_BUSY?, .SQLITE_LOCKED?:
            return JournalError(.busy, Phrase { tr("The journal at %1$@ is locked by another program; close it (a sqlite3 session?) and try again.", path) })
        default:
            return JournalError(.cannotOpen, Phrase { tr("Cannot open the journal at %1$@ (%2$@); check its permissions, or move it aside to start a new one.", path, Self.describe(error)) })
        }
    }

    /// What went wrong storing or reading, as a sentence that says nothing was saved (or read)
    /// and what to do.
    func storageError(_ error: any Error, writing: Bool) -> JournalError {
        if let error = error as? JournalError { return error }
        let code = (error as? DatabaseError)?.resultCode
        let path = self.path
        switch (code, writing) {
        case (.SQLITE_FULL?, true):
            return JournalError(.full, Phrase { tr("The disk holding the journal is full, so nothing was saved. Free some space, then try again.") })
        case (.SQLITE_FULL?, false):
            return JournalError(.full, Phrase { tr("The disk holding the journal is full, so nothing could be read. Free some space, then try again.") })
        case (.SQLITE_BUSY?, true), (.SQLITE_LOCKED?, true):
            return JournalError(.busy, Phrase { tr("The journal is busy (another program is writing to it), so nothing was saved. Try again in a moment.") })
        case (.SQLITE_BUSY?, false), (.SQLITE_LOCKED?, false):
            return JournalError(.busy, Phrase { tr("The journal is busy (another program is writing to it), so nothing could be read. Try again in a moment.") })
        case (.SQLITE_READONLY?, true), (.SQLITE_CANTOPEN?, true), (.SQLITE_PERM?, true):
            return JournalError(.readOnly, Phrase { tr("The journal at %1$@ cannot be written, so nothing was saved. Check that it and its directory belong to you and are writable.", path) })
        case (.SQLITE_READONLY?, false), (.SQLITE_CANTOPEN?, false), (.SQLITE_PERM?, false):
            return JournalError(.readOnly, Phrase { tr("The journal at %1$@ cannot be opened, so nothing could be read. Check that it and its directory belong to you.", path) })
        case (.SQLITE_CORRUPT?, true), (.SQLITE_NOTADB?, true):
            return JournalError(.damaged, Phrase { tr("The journal at %1$@ is damaged, so nothing was saved. Move it aside and start steady again.", path) })
        case (.SQLITE_CORRUPT?, false), (.SQLITE_NOTADB?, false):
            return JournalError(.damaged, Phrase { tr("The journal at %1$@ is damaged, so nothing could be read. Move it aside and start steady again.", path) })
        case (_, true):
            return JournalError(.storage, Phrase { tr("The journal could not be written (%1$@), so nothing was saved.", Self.describe(error)) })
        case (_, false):
            return JournalError(.storage, Phrase { tr("The journal could not be read (%1$@), so nothing could be read.", Self.describe(error)) })
        }
    }

    /// Copies what the WAL holds into the database file (a passive checkpoint: readers are
    /// never waited for). For owners that opened the journal with `checkpointsByHand`.
    public func checkpoint() {
        _ = try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "")" }
        return "\(type(of: error))"
    }

    func write<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw storageError(error, writing: true)
        }
    }

    /// Like `write`, but the commit is synced to disk (`synchronous=FULL`) before returning.
    func writeDurably<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw storageError(error, writing: true)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw storageError(error, writing: false)
        }
    }
}

/// glibc's `malloc_trim(3)` (malloc.h, which the Glibc module does not bring in): hands the
/// heap's free pages back to the system.
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
