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

    /// The fields of an entry as one flat JSON object, keys sorted: numbers as numbers,
    /// choices and text as strings, "done" as true.
    static func flatFields(payload: String = "payload") -> String {
        """
        (SELECT json_group_object(key, CASE
                WHEN json_type(value, '$.number._0') IS NOT NULL THEN json_extract(value, '$.number._0')
                WHEN json_type(value, '$.choice._0') IS NOT NULL THEN json_extract(value, '$.choice._0')
                WHEN json_type(value, '$.text._0') IS NOT NULL THEN json_extract(value, '$.text._0')
                ELSE json('true') END)
         FROM (SELECT key, value FROM json_each(\(payload), '$.values') ORDER BY key))
        """
    }

    /// A JSON path label, double-quoted so keys with hyphens read correctly.
    private static func quoted(_ key: String) -> String {
        precondition(!key.contains("\"") && !key.contains("'"), "field keys are code constants without quotes")
        return "\"\(key)\""
    }
}
