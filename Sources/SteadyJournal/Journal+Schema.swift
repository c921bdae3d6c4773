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
        migrator.registerMigration("v4-content-drafts") { db in
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
        return migrator
    }
}
