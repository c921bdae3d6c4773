import Foundation
import GRDB
import SteadyKit

/// What a person had written in a tool (`steady log trigger`, `log thought`, `assess`, …) when
/// they stopped it partway: kept so the next run can offer to continue. One per form; a newer
/// draft of the same form replaces the older one. Drafts are not entries: history, stats and
/// export leave them out until they are finished.
public struct Draft: Sendable, Hashable {
    /// The values so far, under the form's id.
    public var response: FormResponse
    public var savedAt: Date
}

extension Journal {
    // MARK: - Writes

    /// Keeps `response` (the fields answered so far) as the draft of its form, durably.
    public func saveDraft(_ response: FormResponse, at date: Date) throws(JournalError) {
        let (payload, choices) = EntryValues.encode(response.values)
        try writeDurably { db in
            try db.execute(sql: "INSERT OR REPLACE INTO draft (form, saved_at, payload, choices) VALUES (?, ?, ?, ?)",
                           arguments: [response.formID, date.timeIntervalSince1970, payload, choices])
            try Self.insertEvent(db, at: date, kind: "draft-saved", promptID: nil, detail: response.formID)
        }
    }

    /// Removes the draft of `form` (finished, or set aside by the person). Returns whether there was one.
    @discardableResult
    public func discardDraft(form: String, at date: Date = Date()) throws(JournalError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM draft WHERE form = ?", arguments: [form])
            guard db.changesCount == 1 else { return false }
            try Self.insertEvent(db, at: date, kind: "draft-discarded", promptID: nil, detail: form)
            return true
        }
    }

    // MARK: - Reads

    /// The draft of `form`, if one is kept.
    public func draft(form: String) throws(JournalError) -> Draft? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT saved_at, payload, choices FROM draft WHERE form = ?", arguments: [form]),
                  let values = try? EntryValues.decode(payload: row["payload"], choices: row["choices"]) else { return nil }
            return Draft(response: FormResponse(formID: form, values: values), savedAt: Date(timeIntervalSince1970: row["saved_at"]))
        }
    }
}
