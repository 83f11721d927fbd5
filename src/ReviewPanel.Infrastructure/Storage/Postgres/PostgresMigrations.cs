namespace ReviewPanel.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, one numbered step at a time. JSON columns are <c>text</c>, not <c>jsonb</c>: the
/// chain hashes the exact stored text, and jsonb would reorder and reformat it.
/// </summary>
internal static class PostgresMigrations
{
    public const string MigrationsTable =
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "history tables",
            """
            CREATE TABLE runs (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id          text NOT NULL UNIQUE,
                started_at      timestamptz NOT NULL,
                provenance_json text NOT NULL
            );
            CREATE TABLE run_events (
                seq    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id text NOT NULL,
                kind   text NOT NULL,
                at     timestamptz NOT NULL
            );
            CREATE INDEX run_events_run ON run_events (run_id, kind);

            CREATE TABLE profile_versions (
                version_hash text PRIMARY KEY,
                profile_id   text NOT NULL,
                title        text,
                layers_json  text NOT NULL,
                first_seen   timestamptz NOT NULL
            );

            CREATE TABLE verdicts (
                seq          bigint PRIMARY KEY,
                run_id       text NOT NULL,
                profile_id   text NOT NULL,
                version_hash text NOT NULL,
                source       text NOT NULL,
                dedupe_key   text NOT NULL,
                outcome      text NOT NULL,
                minimum      double precision,
                scores_json  text NOT NULL,
                failing_json text NOT NULL,
                report_json  text NOT NULL,
                recorded_at  timestamptz NOT NULL,
                record_sha   text NOT NULL,
                prev_sha     text NOT NULL,
                UNIQUE (run_id, dedupe_key)
            );
            CREATE INDEX verdicts_profile ON verdicts (profile_id, seq);
            CREATE INDEX verdicts_source ON verdicts (source, seq);

            CREATE TABLE reviews (
                verdict_seq      bigint NOT NULL REFERENCES verdicts (seq),
                ordinal          integer NOT NULL,
                role             text NOT NULL,
                reviewer_id      text NOT NULL,
                reviewer_version text NOT NULL,
                kind             text NOT NULL,
                status           text NOT NULL,
                cache_key        text,
                review_json      text NOT NULL,
                PRIMARY KEY (verdict_seq, ordinal)
            );
            CREATE INDEX reviews_cache_key ON reviews (cache_key, verdict_seq) WHERE cache_key IS NOT NULL;

            CREATE TABLE scores (
                verdict_seq    bigint NOT NULL,
                review_ordinal integer NOT NULL,
                ordinal        integer NOT NULL,
                reviewer_id    text NOT NULL,
                dimension      text NOT NULL,
                score          integer,
                ungrounded     boolean NOT NULL,
                PRIMARY KEY (verdict_seq, review_ordinal, ordinal),
                FOREIGN KEY (verdict_seq, review_ordinal) REFERENCES reviews (verdict_seq, ordinal)
            );
            CREATE INDEX scores_dimension ON scores (dimension, reviewer_id);
            """),
        new(2, "append-only guards",
            """
            CREATE FUNCTION reviewpanel_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'history is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
            END;
            $$;
            CREATE TRIGGER runs_append_only BEFORE UPDATE OR DELETE ON runs FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER run_events_append_only BEFORE UPDATE OR DELETE ON run_events FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER profile_versions_append_only BEFORE UPDATE OR DELETE ON profile_versions FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER verdicts_append_only BEFORE UPDATE OR DELETE ON verdicts FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER scores_append_only BEFORE UPDATE OR DELETE ON scores FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER verdicts_no_truncate BEFORE TRUNCATE ON verdicts FOR EACH STATEMENT EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER scores_no_truncate BEFORE TRUNCATE ON scores FOR EACH STATEMENT EXECUTE FUNCTION reviewpanel_append_only();
            """),
        new(3, "work queue",
            """
            CREATE TABLE jobs (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id           text NOT NULL,
                source           text NOT NULL,
                content          bytea NOT NULL,
                content_sha      text NOT NULL,
                dedupe_key       text UNIQUE,
                state            text NOT NULL,
                attempt          integer NOT NULL,
                worker_id        text,
                lease_expires_at timestamptz,
                last_error       text,
                enqueued_at      timestamptz NOT NULL,
                updated_at       timestamptz NOT NULL,
                finished_at      timestamptz
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
                seq          bigint PRIMARY KEY,
                profile_id   text NOT NULL,
                version_hash text NOT NULL,
                waiver_json  text NOT NULL,
                record_sha   text NOT NULL,
                prev_sha     text NOT NULL
            );
            CREATE INDEX waivers_profile ON waivers (profile_id, seq);
            CREATE TRIGGER waivers_append_only BEFORE UPDATE OR DELETE ON waivers FOR EACH ROW EXECUTE FUNCTION reviewpanel_append_only();
            CREATE TRIGGER waivers_no_truncate BEFORE TRUNCATE ON waivers FOR EACH STATEMENT EXECUTE FUNCTION reviewpanel_append_only();
            """),
    ];
}
