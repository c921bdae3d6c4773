/// SQL expressions that read one field of an entry's stored `FormResponse` (JSON) inside
/// SQLite, for the few places where that is simpler than `EntryPayload` (wins added by hand).
///
/// The stored shape is SteadyKit's `Codable` form of `FormResponse`:
/// `{"formID": "...", "values": {"win": {"text": {"_0": "…"}}}}`. `StatsTests` reads wins
/// recorded through `Journal.recordEntry`, so a change of that shape fails a test.
enum EntrySQL {
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
