import GRDB

extension Journal {
    /// Migrations, in order. Released migrations are never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE prompt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    practice TEXT NOT NULL,
                    slot REAL NOT NULL,
                    kind TEXT NOT NULL,
                    follow_up_key TEXT,
                    parent_id INTEGER REFERENCES prompt(id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    request TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    due_at REAL NOT NULL,
                    expires_at REAL NOT NULL,
                    delivered_at REAL,
                    snoozes INTEGER NOT NULL DEFAULT 0,
                    outcome TEXT NOT NULL DEFAULT 'pending',
                    ended_at REAL,
                    UNIQUE (practice, slot, kind)
                );
                CREATE INDEX prompt_by_slot ON prompt(slot);
                CREATE INDEX prompt_pending ON prompt(due_at) WHERE outcome = 'pending';
                CREATE INDEX prompt_by_practice ON prompt(practice, slot);

                CREATE TABLE answer (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    prompt_id INTEGER NOT NULL UNIQUE REFERENCES prompt(id),
                    kind TEXT NOT NULL,
                    text TEXT,
                    number INTEGER,
                    note TEXT,
                    answered_at REAL NOT NULL,
                    channel TEXT NOT NULL
                );

                CREATE TABLE entry (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    parent_id INTEGER REFERENCES entry(id),
                    payload TEXT NOT NULL
                );
                CREATE INDEX entry_by_time ON entry(created_at);
                CREATE INDEX entry_by_kind ON entry(kind, created_at);

                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    prompt_id INTEGER,
                    practice TEXT,
                    detail TEXT
                );
                CREATE INDEX event_by_prompt ON event(prompt_id);

                CREATE TABLE random_draw (
                    practice TEXT NOT NULL,
                    day TEXT NOT NULL,
                    minutes TEXT NOT NULL,
                    PRIMARY KEY (practice, day)
                );
                """)
        }
        migrator.registerMigration("v2-entry-parent-index") { db in
            // Follow-ups of an entry (a trigger's "how did it settle") are looked up by parent.
            try db.execute(sql: "CREATE INDEX entry_by_parent ON entry(parent_id)")
        }
        migrator.registerMigration("v3-prompt-entry") { db in
            // A prompt that follows up an entry written with a tool (the trigger journal's
            // "how did it settle?") points at it.
            try db.execute(sql: """
                ALTER TABLE prompt ADD COLUMN entry_id INTEGER REFERENCES entry(id);
                CREATE INDEX prompt_by_entry ON prompt(entry_id) WHERE entry_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("v4-follow-ups-keyed-by-what-they-follow") { db in
            // `UNIQUE (practice, slot, kind)` kept only one of two follow-ups moved to the same
            // moment (two trigger entries' check-ins both moved to the end of quiet hours). A
            // scheduled prompt stays unique by its slot; a follow-up is unique by what it
            // follows (the prompt it answers, else the entry) and its key. SQLite cannot drop
            // a table constraint, so the table is rebuilt, rows and ids unchanged.
            try db.execute(sql: """
                CREATE TABLE prompt_v4 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    practice TEXT NOT NULL,
                    slot REAL NOT NULL,
                    kind TEXT NOT NULL,
                    follow_up_key TEXT,
                    parent_id INTEGER REFERENCES prompt(id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    request TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    due_at REAL NOT NULL,
                    expires_at REAL NOT NULL,
                    delivered_at REAL,
                    snoozes INTEGER NOT NULL DEFAULT 0,
                    outcome TEXT NOT NULL DEFAULT 'pending',
                    ended_at REAL,
                    entry_id INTEGER REFERENCES entry(id)
                );
                INSERT INTO prompt_v4 (id, practice, slot, kind, follow_up_key, parent_id, title, body, request, created_at,
                    due_at, expires_at, delivered_at, snoozes, outcome, ended_at, entry_id)
                SELECT id, practice, slot, kind, follow_up_key, parent_id, title, body, request, created_at,
                    due_at, expires_at, delivered_at, snoozes, outcome, ended_at, entry_id FROM prompt;
                DROP TABLE prompt;
                ALTER TABLE prompt_v4 RENAME TO prompt;
                -- A follow-up asked twice for the same thing before this key existed keeps its row,
                -- under a key of its own.
                UPDATE prompt SET follow_up_key = follow_up_key || '~' || id
                WHERE kind = 'follow-up' AND id NOT IN (
                    SELECT min(id) FROM prompt WHERE kind = 'follow-up'
                    GROUP BY coalesce('p' || parent_id, 'e' || entry_id, 'i' || id), follow_up_key);
                CREATE UNIQUE INDEX prompt_scheduled_slot ON prompt(practice, slot) WHERE kind = 'scheduled';
                CREATE UNIQUE INDEX prompt_follow_up_of_prompt ON prompt(parent_id, follow_up_key) WHERE parent_id IS NOT NULL;
                CREATE UNIQUE INDEX prompt_follow_up_of_entry ON prompt(entry_id, follow_up_key)
                    WHERE parent_id IS NULL AND entry_id IS NOT NULL;
                CREATE INDEX prompt_by_slot ON prompt(slot);
                CREATE INDEX prompt_pending ON prompt(due_at) WHERE outcome = 'pending';
                CREATE INDEX prompt_by_practice ON prompt(practice, slot);
                CREATE INDEX prompt_by_entry ON prompt(entry_id) WHERE entry_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("v5-drafts") { db in
            // What a person had written in a tool when they stopped it with Ctrl-C, one per
            // form, offered back the next time they open that tool.
            try db.execute(sql: """
                CREATE TABLE draft (
                    form TEXT PRIMARY KEY,
                    saved_at REAL NOT NULL,
                    payload TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v6-bubbles") { db in
            // The bubble last showing each prompt (or a notice about it), on which server
            // instance: a daemon that did not stop cleanly (kill -9, a crash) left it on screen,
            // and the next one takes it over in place instead of showing a second one.
            try db.execute(sql: """
                CREATE TABLE bubble (
                    prompt_id INTEGER PRIMARY KEY REFERENCES prompt(id) ON DELETE CASCADE,
                    server TEXT NOT NULL,
                    handle INTEGER NOT NULL,
                    notice INTEGER NOT NULL DEFAULT 0
                );
                """)
        }
        migrator.registerMigration("v7-plain-entry-payloads") { db in
            // Entries (and drafts) were stored in the shape the Swift compiler gives an enum
            // (`{"formID":"…","values":{"intensity":{"number":{"_0":7}}}}`). They become what a
            // person would write by hand, a JSON object of field → value
            // (`{"intensity":7,"kind":"distance"}`), with the fields that hold a choice's key
            // (not the person's own words) listed in a new column, `choices` (`["kind"]`).
            // See docs/journal-format.md and `EntryValues`. SQLite's JSON functions do it in
            // place: ids, times and kinds unchanged.
            for table in ["entry", "draft"] {
                try db.execute(sql: """
                    ALTER TABLE \(table) ADD COLUMN choices TEXT;
                    UPDATE \(table) SET
                        payload = (SELECT json_group_object(field, CASE WHEN type = 'done' THEN json('true') ELSE value END) FROM (
                            SELECT f.key AS field, t.key AS type, json_extract(t.value, '$._0') AS value
                            FROM json_each(\(table).payload, '$.values') f, json_each(f.value) t ORDER BY f.key)),
                        choices = nullif((SELECT json_group_array(field) FROM (
                            SELECT f.key AS field FROM json_each(\(table).payload, '$.values') f
                            WHERE json_type(f.value, '$.choice') IS NOT NULL ORDER BY f.key)), '[]')
                    WHERE json_type(payload, '$.values') = 'object';
                    """)
            }
        }
        return migrator
    }
}
