namespace ReviewPanel.Storage.Sqlite;

/// <summary>The SQLite schema, one numbered step at a time. Timestamps are UTC text (microseconds) so they sort.</summary>
internal static class SqliteMigrations
{
    public const string MigrationsTable =
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "history tables",
            """
            CREATE TABLE runs (
                seq             INTEGER PRIMARY KEY,
                run_id          TEXT NOT NULL UNIQUE,
                started_at      TEXT NOT NULL,
                provenance_json TEXT NOT NULL
            );
            CREATE TABLE run_events (
                seq     INTEGER PRIMARY KEY,
                run_id  TEXT NOT NULL,
                kind    TEXT NOT NULL,
                at      TEXT NOT NULL
            );
            CREATE INDEX run_events_run ON run_events (run_id, kind);

            CREATE TABLE profile_versions (
                version_hash TEXT PRIMARY KEY,
                profile_id   TEXT NOT NULL,
                title        TEXT,
                layers_json  TEXT NOT NULL,
                first_seen   TEXT NOT NULL
            );

            CREATE TABLE verdicts (
                seq          INTEGER PRIMARY KEY,
                run_id       TEXT NOT NULL,
                profile_id   TEXT NOT NULL,
                version_hash TEXT NOT NULL,
                source       TEXT NOT NULL,
                dedupe_key   TEXT NOT NULL,
                outcome      TEXT NOT NULL,
                minimum      REAL,
                scores_json  TEXT NOT NULL,
                failing_json TEXT NOT NULL,
                report_json  TEXT NOT NULL,
                recorded_at  TEXT NOT NULL,
                record_sha   TEXT NOT NULL,
                prev_sha     TEXT NOT NULL,
                UNIQUE (run_id, dedupe_key)
            );
            CREATE INDEX verdicts_profile ON verdicts (profile_id, seq);
            CREATE INDEX verdicts_source ON verdicts (source, seq);

            CREATE TABLE reviews (
                verdict_seq      INTEGER NOT NULL REFERENCES verdicts (seq),
                ordinal          INTEGER NOT NULL,
                role             TEXT NOT NULL,
                reviewer_id      TEXT NOT NULL,
                reviewer_version TEXT NOT NULL,
                kind             TEXT NOT NULL,
                status           TEXT NOT NULL,
                cache_key        TEXT,
                review_json      TEXT NOT NULL,
                PRIMARY KEY (verdict_seq, ordinal)
            );
            CREATE INDEX reviews_cache_key ON reviews (cache_key, verdict_seq) WHERE cache_key IS NOT NULL;

            CREATE TABLE scores (
                verdict_seq    INTEGER NOT NULL,
                review_ordinal INTEGER NOT NULL,
                ordinal        INTEGER NOT NULL,
                reviewer_id    TEXT NOT NULL,
                dimension      TEXT NOT NULL,
                score          INTEGER,
                ungrounded     INTEGER NOT NULL,
                PRIMARY KEY (verdict_seq, review_ordinal, ordinal),
                FOREIGN KEY (verdict_seq, review_ordinal) REFERENCES reviews (verdict_seq, ordinal)
            );
            CREATE INDEX scores_dimension ON scores (dimension, reviewer_id);
            """),
        new(2, "append-only guards",
            """
            CREATE TRIGGER runs_no_update BEFORE UPDATE ON runs BEGIN SELECT RAISE(ABORT, 'history is append-only: runs cannot be changed'); END;
            CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs BEGIN SELECT RAISE(ABORT, 'history is append-only: runs cannot be deleted'); END;
            CREATE TRIGGER run_events_no_update BEFORE UPDATE ON run_events BEGIN SELECT RAISE(ABORT, 'history is append-only: run events cannot be changed'); END;
            CREATE TRIGGER run_events_no_delete BEFORE DELETE ON run_events BEGIN SELECT RAISE(ABORT, 'history is append-only: run events cannot be deleted'); END;
            CREATE TRIGGER profile_versions_no_update BEFORE UPDATE ON profile_versions BEGIN SELECT RAISE(ABORT, 'history is append-only: profile versions cannot be changed'); END;
            CREATE TRIGGER profile_versions_no_delete BEFORE DELETE ON profile_versions BEGIN SELECT RAISE(ABORT, 'history is append-only: profile versions cannot be deleted'); END;
            CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts BEGIN SELECT RAISE(ABORT, 'history is append-only: verdicts cannot be changed'); END;
            CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts BEGIN SELECT RAISE(ABORT, 'history is append-only: verdicts cannot be deleted'); END;
            CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'history is append-only: reviews cannot be changed'); END;
            CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'history is append-only: reviews cannot be deleted'); END;
            CREATE TRIGGER scores_no_update BEFORE UPDATE ON scores BEGIN SELECT RAISE(ABORT, 'history is append-only: scores cannot be changed'); END;
            CREATE TRIGGER scores_no_delete BEFORE DELETE ON scores BEGIN SELECT RAISE(ABORT, 'history is append-only: scores cannot be deleted'); END;
            """),
        new(3, "work queue",
            """
            CREATE TABLE jobs (
                id               INTEGER PRIMARY KEY,
                run_id           TEXT NOT NULL,
                source           TEXT NOT NULL,
                content          BLOB NOT NULL,
                content_sha      TEXT NOT NULL,
                dedupe_key       TEXT UNIQUE,
                state            TEXT NOT NULL,
                attempt          INTEGER NOT NULL,
                worker_id        TEXT,
                lease_expires_at TEXT,
                last_error       TEXT,
                enqueued_at      TEXT NOT NULL,
                updated_at       TEXT NOT NULL,
                finished_at      TEXT
            );
            CREATE INDEX jobs_state ON jobs (state, id);
            CREATE INDEX jobs_source ON jobs (source, id);
            """),
        // Enqueue skips a draft whose content is already waiting: looked up by content hash and state.
        new(4, "jobs by content",
            """
            CREATE INDEX jobs_content ON jobs (content_sha, state);
            """),
        // Waivers (issue 15): their own hash chain.
        new(5, "waivers",
            """
            CREATE TABLE waivers (
                seq          INTEGER PRIMARY KEY,
                profile_id   TEXT NOT NULL,
                version_hash TEXT NOT NULL,
                waiver_json  TEXT NOT NULL,
                record_sha   TEXT NOT NULL,
                prev_sha     TEXT NOT NULL
            );
            CREATE INDEX waivers_profile ON waivers (profile_id, seq);
            CREATE TRIGGER waivers_no_update BEFORE UPDATE ON waivers BEGIN SELECT RAISE(ABORT, 'history is append-only: waivers cannot be changed'); END;
            CREATE TRIGGER waivers_no_delete BEFORE DELETE ON waivers BEGIN SELECT RAISE(ABORT, 'history is append-only: waivers cannot be deleted'); END;
            """),
    ];
}
