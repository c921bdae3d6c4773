/// SQL expressions that read one field of an entry's stored `FormResponse` (JSON) inside
/// SQLite, so large journals are summarised without decoding every entry in Swift.
///
/// The stored shape is SteadyKit's `Codable` form of `FormResponse`:
/// `{"formID": "...", "values": {"intensity": {"number": {"_0": 7}}, "kind": {"choice": {"_0": "work"}}}}`.
/// `EntrySQLTests` records entries through `Journal.recordEntry` and reads them back with these
/// expressions, so a change of that shape fails a test rather than silently emptying a chart.
enum EntrySQL {
    /// The number given for `key` (NULL when absent or not a number).
    static func number(_ key: String, payload: String = "payload") -> String {
        "json_extract(\(payload), '$.values.\(quoted(key)).number._0')"
    }

    /// The choice key given for `key` (NULL when absent or not a choice).
    static func choice(_ key: String, payload: String = "payload") -> String {
        "json_extract(\(payload), '$.values.\(quoted(key)).choice._0')"
    }

    /// The text given for `key` (NULL when absent or not text). Person-written: read it only
    /// where the output may contain it.
    static func text(_ key: String, payload: String = "payload") -> String {
        "json_extract(\(payload), '$.values.\(quoted(key)).text._0')"
    }

    /// A JSON path label, double-quoted so keys with hyphens read correctly.
    private static func quoted(_ key: String) -> String {
        precondition(!key.contains("\"") && !key.contains("'"), "field keys are code constants without quotes")
        return "\"\(key)\""
    }
}
