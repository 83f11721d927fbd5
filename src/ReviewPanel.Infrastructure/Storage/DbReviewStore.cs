using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;

namespace ReviewPanel.Storage;

/// <summary>
/// The history over ADO.NET, shared by the SQLite and PostgreSQL stores: the SQL below is the common subset
/// both speak (<c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>, <c>LIMIT</c>). A backend supplies its
/// connection, its exclusive write transaction, its timestamp mapping and its migrations.
/// Nothing here updates or deletes a row: the history only grows.
/// </summary>
public abstract partial class DbReviewStore : IReviewStore, IWorkQueue
{
    private const string VerdictColumns =
        "seq, run_id, profile_id, version_hash, source, dedupe_key, outcome, minimum, scores_json, failing_json, recorded_at, record_sha, prev_sha";

    private const string VerdictColumnsWithReport = VerdictColumns + ", report_json";

    // How many records the chain check holds in memory at once (PostgreSQL allows one open reader per connection).
    private const int VerifyPageSize = 256;

    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    private protected DbReviewStore(TimeProvider timeProvider, ILogger logger)
    {
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    private protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>DDL of the migrations bookkeeping table (types differ per backend).</summary>
    private protected abstract string MigrationsTableSql { get; }

    private protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A transaction that excludes every other writer of the chain until it ends, so two appends can never
    /// read the same "last record" and fork the chain.
    /// </summary>
    private protected abstract ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Settings that live in the database rather than the connection (SQLite's WAL journal).</summary>
    private protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    private protected abstract object ToDbTimestamp(DateTimeOffset value);

    private protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, MigrationsTableSql, cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var command = Command(connection, transaction, "SELECT version FROM schema_migrations"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var done = new List<Migration>();
        foreach (var migration in Migrations.OrderBy(m => m.Version))
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                cancellationToken,
                ("version", migration.Version), ("name", migration.Name), ("at", ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow())))).ConfigureAwait(false);
            done.Add(migration);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var migration in done)
        {
            StoreLog.MigrationApplied(logger, migration.Version, migration.Name);
        }
    }

    public async Task StartRunAsync(RunProvenance run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Starting a run twice (a retried command) keeps the first record.
        await ExecuteAsync(connection, null,
            "INSERT INTO runs (run_id, started_at, provenance_json) VALUES (@run, @started, @json) ON CONFLICT (run_id) DO NOTHING",
            cancellationToken,
            ("run", run.RunId),
            ("started", ToDbTimestamp(ChainHash.ToStoredPrecision(run.StartedAt))),
            ("json", JsonSerializer.Serialize(run, ReviewPanelJson.Canonical))).ConfigureAwait(false);
    }

    public async Task FinishRunAsync(string runId, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            "INSERT INTO run_events (run_id, kind, at) VALUES (@run, 'finished', @at)",
            cancellationToken,
            ("run", runId), ("at", ToDbTimestamp(ChainHash.ToStoredPrecision(finishedAt)))).ConfigureAwait(false);
    }

    public async Task<bool> RecordAsync(ProfileReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        var recorded = await AppendVerdictAsync(connection, transaction, report, cancellationToken).ConfigureAwait(false);
        if (recorded)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
        return recorded;
    }

    /// <summary>
    /// Appends a group of verdicts in one transaction: serialised before the write lock is taken, chained in order
    /// under it, committed together. A crash loses the whole group or nothing, never half a record.
    /// </summary>
    public async Task<int> RecordManyAsync(IReadOnlyList<ProfileReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return 0;
        }
        var prepared = reports.Select(PreparedVerdict.Of).ToList();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        var recorded = 0;
        await using (var writer = new VerdictWriter(connection, transaction))
        {
            foreach (var verdict in prepared)
            {
                recorded += await AppendVerdictAsync(writer, verdict, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>A report with its canonical JSON and table rows, computed before the write lock.</summary>
    private sealed record PreparedVerdict(ProfileReport Report, string ReportJson, ReportRows Rows, string DedupeKey)
    {
        public static PreparedVerdict Of(ProfileReport report)
        {
            var json = JsonSerializer.Serialize(report, ReviewPanelJson.Canonical);
            return new PreparedVerdict(report, json, ReportRows.FromReport(report, json), VerdictRow.DedupeKeyOf(report));
        }
    }

    private async Task<bool> AppendVerdictAsync(DbConnection connection, DbTransaction transaction, ProfileReport report, CancellationToken cancellationToken)
    {
        await using var writer = new VerdictWriter(connection, transaction);
        return await AppendVerdictAsync(writer, PreparedVerdict.Of(report), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends one verdict inside the writer's exclusive transaction (which the caller commits); false, with nothing
    /// written, when the run already holds a verdict for this profile version.
    /// </summary>
    private async Task<bool> AppendVerdictAsync(VerdictWriter writer, PreparedVerdict prepared, CancellationToken cancellationToken)
    {
        var (report, reportJson, rows, dedupeKey) = prepared;

        var exists = await writer.ScalarAsync(
            "SELECT 1 FROM verdicts WHERE run_id = @run AND dedupe_key = @key",
            cancellationToken, ("run", report.RunId), ("key", dedupeKey)).ConfigureAwait(false);
        if (exists is not null)
        {
            StoreLog.DuplicateSkipped(logger, dedupeKey, report.RunId);
            return false;
        }

        if (writer.Head is null)
        {
            writer.Head = (0, ChainHash.Genesis);
            await using var command = Command(writer.Connection, writer.Transaction, "SELECT seq, record_sha FROM verdicts ORDER BY seq DESC LIMIT 1");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                writer.Head = (reader.GetInt64(0), reader.GetString(1));
            }
        }
        var (lastSequence, lastSha) = writer.Head.Value;

        var row = VerdictRow.Create(lastSequence + 1, report, reportJson, timeProvider.GetUtcNow(), lastSha);

        if (!string.IsNullOrEmpty(report.VersionHash))
        {
            var layers = report.Layers.Select(l => new { l.Key, l.Title, l.Sha256, l.Sources });
            await writer.ExecuteAsync(
                """
                INSERT INTO profile_versions (version_hash, profile_id, title, layers_json, first_seen)
                VALUES (@hash, @profile, @title, @layers, @at)
                ON CONFLICT (version_hash) DO NOTHING
                """,
                cancellationToken,
                ("hash", report.VersionHash), ("profile", row.ProfileId), ("title", report.Title),
                ("layers", JsonSerializer.Serialize(layers, ReviewPanelJson.Canonical)), ("at", ToDbTimestamp(row.RecordedAt))).ConfigureAwait(false);
        }

        var inserted = await writer.ExecuteAsync(
            """
            INSERT INTO verdicts (seq, run_id, profile_id, version_hash, source, dedupe_key, outcome, minimum,
                                  scores_json, failing_json, report_json, recorded_at, record_sha, prev_sha)
            VALUES (@seq, @run, @profile, @version, @source, @key, @outcome, @minimum,
                    @scores, @failing, @report, @at, @sha, @prev)
            ON CONFLICT (run_id, dedupe_key) DO NOTHING
            """,
            cancellationToken,
            ("seq", row.Sequence), ("run", row.RunId), ("profile", row.ProfileId), ("version", row.VersionHash),
            ("source", row.Source), ("key", row.DedupeKey), ("outcome", row.Outcome), ("minimum", row.Minimum),
            ("scores", row.ScoresJson), ("failing", row.FailingJson), ("report", reportJson),
            ("at", ToDbTimestamp(row.RecordedAt)), ("sha", row.RecordSha256), ("prev", row.PreviousSha256)).ConfigureAwait(false);
        if (inserted == 0)
        {
            // The unique constraint is the last line of defence should the check above ever race.
            StoreLog.DuplicateSkipped(logger, dedupeKey, report.RunId);
            return false;
        }
        writer.Head = (row.Sequence, row.RecordSha256);

        // One statement per table for all of a verdict's rows (nine reviews and nine scores offline): executing
        // eighteen single-row statements was most of the statements a verdict took.
        // One statement per table for all of a verdict's rows (nine reviews and nine scores offline): executing
        // eighteen single-row statements was most of the statements a verdict took.
        await writer.InsertRowsAsync("reviews", ReviewRow.Columns, [.. rows.Reviews.Select(r => r.Values(row.Sequence))], cancellationToken).ConfigureAwait(false);
        await writer.InsertRowsAsync("scores", ScoreRow.Columns, [.. rows.Scores.Select(r => r.Values(row.Sequence))], cancellationToken).ConfigureAwait(false);

        StoreLog.VerdictRecorded(logger, row.Sequence, dedupeKey, report.RunId);
        return true;
    }

    public IAsyncEnumerable<StoredVerdict> GetHistoryAsync(string profileId, CancellationToken cancellationToken) =>
        QueryVerdictsAsync($"SELECT {VerdictColumns} FROM verdicts WHERE profile_id = @profile ORDER BY seq DESC", cancellationToken, ("profile", profileId));

    /// <remarks>
    /// Latest per profile id; a failed import (no profile id) is listed by its source until a later record
    /// comes from the same source, so a rerun finds files that still fail and forgets ones that were fixed.
    /// </remarks>
    public IAsyncEnumerable<StoredVerdict> GetLatestVerdictsAsync(CancellationToken cancellationToken) =>
        QueryVerdictsAsync(
            $"""
            SELECT {VerdictColumns} FROM verdicts v
            WHERE (v.profile_id <> '' AND v.seq = (SELECT MAX(w.seq) FROM verdicts w WHERE w.profile_id = v.profile_id))
               OR (v.profile_id = '' AND NOT EXISTS (SELECT 1 FROM verdicts w WHERE w.source = v.source AND w.seq > v.seq))
            ORDER BY v.profile_id, v.source
            """,
            cancellationToken);

    public IAsyncEnumerable<StoredVerdict> GetRunVerdictsAsync(string runId, CancellationToken cancellationToken) =>
        QueryVerdictsAsync($"SELECT {VerdictColumns} FROM verdicts WHERE run_id = @run ORDER BY seq", cancellationToken, ("run", runId));

    public async IAsyncEnumerable<ProfileReport> GetRunReportsAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT report_json FROM verdicts WHERE run_id = @run ORDER BY seq", ("run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReportRows.ParseReport(reader.GetString(0));
        }
    }

    public IAsyncEnumerable<StoredVerdict> GetRunProfileHistoriesAsync(string runId, CancellationToken cancellationToken) =>
        QueryVerdictsAsync(
            $"""
            SELECT {VerdictColumns} FROM verdicts
            WHERE profile_id IN (SELECT profile_id FROM verdicts WHERE run_id = @run AND profile_id <> '')
            ORDER BY seq
            """,
            cancellationToken, ("run", runId));

    public async Task<ProfileReport?> GetLatestReportAsync(string profileId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var json = await ScalarAsync(connection, null,
            "SELECT report_json FROM verdicts WHERE profile_id = @profile ORDER BY seq DESC LIMIT 1",
            cancellationToken, ("profile", profileId)).ConfigureAwait(false);
        return json is string text ? ReportRows.ParseReport(text) : null;
    }

    public async Task<ProfileReport?> GetReportAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var json = await ScalarAsync(connection, null,
            "SELECT report_json FROM verdicts WHERE seq = @seq", cancellationToken, ("seq", sequence)).ConfigureAwait(false);
        return json is string text ? ReportRows.ParseReport(text) : null;
    }

    public async Task<RunProvenance?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var json = await ScalarAsync(connection, null,
            "SELECT provenance_json FROM runs WHERE run_id = @run", cancellationToken, ("run", runId)).ConfigureAwait(false);
        if (json is not string text)
        {
            return null;
        }
        var run = JsonSerializer.Deserialize<RunProvenance>(text, ReviewPanelJson.Canonical)
            ?? throw new JsonException($"Run {runId} has an empty provenance record.");

        await using var command = Command(connection, null,
            "SELECT at FROM run_events WHERE run_id = @run AND kind = 'finished' ORDER BY seq DESC LIMIT 1", ("run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? run with { FinishedAt = ReadTimestamp(reader, 0) }
            : run;
    }

    public async Task<string?> GetLatestRunIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync(connection, null,
            "SELECT run_id FROM runs ORDER BY started_at DESC, seq DESC LIMIT 1", cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<(Review Review, string RunId)?> FindCachedReviewAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            """
            SELECT r.review_json, v.run_id FROM reviews r JOIN verdicts v ON v.seq = r.verdict_seq
            WHERE r.cache_key = @key AND r.status = @ok
            ORDER BY r.verdict_seq DESC, r.ordinal DESC LIMIT 1
            """,
            ("key", cacheKey), ("ok", EnumText.Of(ReviewStatus.Ok)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var review = JsonSerializer.Deserialize<Review>(reader.GetString(0), ReviewPanelJson.Canonical)
            ?? throw new JsonException($"Cached review {cacheKey} is empty.");
        return (review, reader.GetString(1));
    }

    public async Task<string?> GetRecordShaAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT record_sha FROM verdicts WHERE seq = @seq", ("seq", sequence));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM verdicts");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken)
    {
        var verifier = new ChainVerifier();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        long after = 0;
        while (true)
        {
            var page = new List<VerdictRow>(VerifyPageSize);
            await using (var command = Command(connection, null,
                $"SELECT {VerdictColumnsWithReport} FROM verdicts WHERE seq > @after ORDER BY seq LIMIT {VerifyPageSize}", ("after", after)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(ReadVerdict(reader, withReport: true));
                }
            }
            if (page.Count == 0)
            {
                return new ChainVerification(true, verifier.RecordsChecked, null, null);
            }

            var (low, high) = (page[0].Sequence, page[^1].Sequence);
            var reviews = await LoadReviewsAsync(connection, low, high, cancellationToken).ConfigureAwait(false);
            var scores = await LoadScoresAsync(connection, low, high, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                var broken = verifier.Check(
                    row,
                    reviews.TryGetValue(row.Sequence, out var r) ? r : [],
                    scores.TryGetValue(row.Sequence, out var s) ? s : []);
                if (broken is { } b)
                {
                    StoreLog.ChainBroken(logger, b.Sequence, b.Problem);
                    return new ChainVerification(false, verifier.RecordsChecked, b.Sequence, b.Problem);
                }
            }
            after = high;
        }
    }

    private async Task<Dictionary<long, List<ReviewRow>>> LoadReviewsAsync(DbConnection connection, long low, long high, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, List<ReviewRow>>();
        await using var command = Command(connection, null,
            """
            SELECT verdict_seq, ordinal, role, reviewer_id, reviewer_version, kind, status, cache_key, review_json
            FROM reviews WHERE verdict_seq BETWEEN @low AND @high ORDER BY verdict_seq, ordinal
            """,
            ("low", low), ("high", high));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new ReviewRow(
                reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8));
            Bucket(result, reader.GetInt64(0)).Add(row);
        }
        return result;
    }

    private async Task<Dictionary<long, List<ScoreRow>>> LoadScoresAsync(DbConnection connection, long low, long high, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, List<ScoreRow>>();
        await using var command = Command(connection, null,
            """
            SELECT verdict_seq, review_ordinal, ordinal, reviewer_id, dimension, score, ungrounded
            FROM scores WHERE verdict_seq BETWEEN @low AND @high ORDER BY verdict_seq, review_ordinal, ordinal
            """,
            ("low", low), ("high", high));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new ScoreRow(
                reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetBoolean(6));
            Bucket(result, reader.GetInt64(0)).Add(row);
        }
        return result;
    }

    private static List<T> Bucket<T>(Dictionary<long, List<T>> buckets, long key)
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            buckets[key] = list = [];
        }
        return list;
    }

    private async IAsyncEnumerable<StoredVerdict> QueryVerdictsAsync(
        string sql,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadVerdict(reader, withReport: false).ToStoredVerdict();
        }
    }

    private VerdictRow ReadVerdict(DbDataReader reader, bool withReport) => new()
    {
        Sequence = reader.GetInt64(0),
        RunId = reader.GetString(1),
        ProfileId = reader.GetString(2),
        VersionHash = reader.GetString(3),
        Source = reader.GetString(4),
        DedupeKey = reader.GetString(5),
        Outcome = reader.GetString(6),
        Minimum = reader.IsDBNull(7) ? null : reader.GetDouble(7),
        ScoresJson = reader.GetString(8),
        FailingJson = reader.GetString(9),
        RecordedAt = ReadTimestamp(reader, 10),
        RecordSha256 = reader.GetString(11),
        PreviousSha256 = reader.GetString(12),
        ReportJson = withReport ? reader.GetString(13) : null,
    };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
