import GRDB
import GRDBSQLite

/// Steps a prepared statement and reads its columns straight from SQLite: the hot loops of
/// statistics and export, where building a GRDB `Row` value per column would cost more than
/// the query itself.
///
/// Byte views returned by `bytes(_:)` are valid only until the next `step()`.
final class SQLiteRows {
    private let statement: Statement
    private var raw: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
    }

    deinit {
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Moves to the next row; false after the last.
    func step() throws -> Bool {
        switch sqlite3_step(raw) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
        }
    }

    var columnCount: Int32 { sqlite3_column_count(raw) }
    @inline(__always) func type(_ column: Int32) -> Int32 { sqlite3_column_type(raw, column) }
    @inline(__always) func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }
    @inline(__always) func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(raw, column)) }
    @inline(__always) func double(_ column: Int32) -> Double { sqlite3_column_double(raw, column) }
    @inline(__always) func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    /// The column's text or blob bytes (empty for NULL).
    @inline(__always) func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let pointer = sqlite3_column_blob(raw, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column)))
    }

    /// The column's bytes, or nil for NULL.
    @inline(__always) func optionalBytes(_ column: Int32) -> UnsafeRawBufferPointer? { isNull(column) ? nil : bytes(column) }
    @inline(__always) func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    /// The column as a string, or nil for NULL.
    func string(_ column: Int32) -> String? {
        isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
    }
}
