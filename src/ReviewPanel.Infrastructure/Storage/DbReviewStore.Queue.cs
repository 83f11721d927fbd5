using System.Data.Common;
using System.Runtime.CompilerServices;
using ReviewPanel.Hashing;
using ReviewPanel.Panel;

namespace ReviewPanel.Storage;

/// <summary>The durable work queue (<see cref="IWorkQueue"/>): the <c>jobs</c> table, the one table that is updated in place.</summary>
public abstract partial class DbReviewStore
{
    private const string JobColumns = "id, run_id, source, state, attempt, worker_id, lease_expires_at, last_error, enqueued_at";

    private const string Waiting = "('queued', 'errored')";

    /// <summary>Appended to the claim's candidate query: PostgreSQL skips rows another worker is claiming.</summary>
    private protected virtual string ClaimLockClause => "";

    /// <summary>
    /// Serializes enqueues so two of them cannot both find a content "not yet waiting" and queue it twice. SQLite's
    /// queue transaction is already exclusive; PostgreSQL takes an advisory lock.
    /// </summary>
    private protected virtual Task LockEnqueueAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The transaction queue updates run in; by default the exclusive one (SQLite's BEGIN IMMEDIATE serializes claims).</summary>
    private protected virtual ValueTask<DbTransaction> BeginQueueTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginExclusiveAsync(connection, cancellationToken);

    public async Task<int> EnqueueAsync(string runId, IReadOnlyList<QueuedDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(drafts);
        var now = ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow()));
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginQueueTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockEnqueueAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var draft in drafts)
        {
            // Idempotent: a draft whose content is already waiting (queued, leased or errored) is not queued again, so
            // enqueueing a folder twice reviews each draft once. Done or dead jobs do not block a new one (a rerun).
            queued += await ExecuteAsync(connection, transaction,
                """
                INSERT INTO jobs (run_id, source, content, content_sha, dedupe_key, state, attempt, enqueued_at, updated_at)
                SELECT @run, @source, @content, @sha, @key, 'queued', 0, @now, @now
                WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE content_sha = @sha AND state IN ('queued', 'leased', 'errored'))
                ON CONFLICT (dedupe_key) DO NOTHING
                """,
                cancellationToken,
                ("run", runId), ("source", draft.Source), ("content", draft.Content), ("sha", Sha256Text.Of(draft.Content)),
                ("key", draft.DedupeKey), ("now", now)).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return queued;
    }

    public async Task<WorkItem?> ClaimAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        var nowValue = ChainHash.ToStoredPrecision(timeProvider.GetUtcNow());
        var now = ToDbTimestamp(nowValue);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginQueueTransactionAsync(connection, cancellationToken).ConfigureAwait(false);

        // A job whose worker died on every attempt is poison: set it aside instead of killing the next worker too.
        await ExecuteAsync(connection, transaction,
            """
            UPDATE jobs SET state = 'dead', updated_at = @now,
                   last_error = 'lease expired on attempt ' || CAST(attempt AS TEXT) || ' of ' || CAST(@max AS TEXT) || ' (the worker stopped or crashed while reviewing it)'
            WHERE state = 'leased' AND lease_expires_at < @now AND attempt >= @max
            """,
            cancellationToken, ("now", now), ("max", maxAttempts)).ConfigureAwait(false);

        WorkItem? item = null;
        await using (var command = Command(connection, transaction,
            $"""
            UPDATE jobs SET state = 'leased', worker_id = @worker, lease_expires_at = @expires, attempt = attempt + 1, updated_at = @now
            WHERE id = (SELECT id FROM jobs
                        WHERE state IN {Waiting} OR (state = 'leased' AND lease_expires_at < @now)
                        ORDER BY id LIMIT 1{ClaimLockClause})
            RETURNING {JobColumns}, content
            """,
            ("worker", workerId), ("expires", ToDbTimestamp(nowValue + lease)), ("now", now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                item = ReadJob(reader, withContent: true);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return item;
    }

    public async Task<bool> RenewLeaseAsync(WorkItem item, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var now = ChainHash.ToStoredPrecision(timeProvider.GetUtcNow());
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            "UPDATE jobs SET lease_expires_at = @expires, updated_at = @now WHERE id = @id AND state = 'leased' AND worker_id = @worker AND attempt = @attempt",
            cancellationToken,
            ("expires", ToDbTimestamp(now + lease)), ("now", ToDbTimestamp(now)), ("id", item.Id), ("worker", item.WorkerId), ("attempt", item.Attempt)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> CompleteAsync(WorkItem item, ProfileReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // The chain's exclusive transaction: the verdict and the job's "done" commit together or not at all.
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        var recorded = await AppendVerdictAsync(connection, transaction, report, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            """
            UPDATE jobs SET state = 'done', worker_id = @worker, lease_expires_at = NULL, last_error = NULL, updated_at = @now, finished_at = @now
            WHERE id = @id AND state <> 'done'
            """,
            cancellationToken,
            ("worker", item.WorkerId), ("now", ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow()))), ("id", item.Id)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    public async Task<WorkState> FailAsync(WorkItem item, string error, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var state = await ScalarAsync(connection, null,
            """
            UPDATE jobs SET state = CASE WHEN attempt >= @max THEN 'dead' ELSE 'errored' END,
                   last_error = @error, lease_expires_at = NULL, updated_at = @now
            WHERE id = @id AND state = 'leased' AND worker_id = @worker AND attempt = @attempt
            RETURNING state
            """,
            cancellationToken,
            ("max", maxAttempts), ("error", error), ("now", ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow()))),
            ("id", item.Id), ("worker", item.WorkerId), ("attempt", item.Attempt)).ConfigureAwait(false);
        return state is string text ? ParseState(text) : await StateOfAsync(connection, item.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ReleaseAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            """
            UPDATE jobs SET state = 'queued', attempt = CASE WHEN attempt > 0 THEN attempt - 1 ELSE 0 END,
                   worker_id = NULL, lease_expires_at = NULL, updated_at = @now
            WHERE id = @id AND state = 'leased' AND worker_id = @worker AND attempt = @attempt
            """,
            cancellationToken,
            ("now", ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow()))), ("id", item.Id), ("worker", item.WorkerId), ("attempt", item.Attempt)).ConfigureAwait(false) == 1;
    }

    public async Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<WorkState>().ToDictionary(s => s, _ => 0L);
        var byWorker = new SortedDictionary<string, long>(StringComparer.Ordinal);
        WorkItem? oldest = null;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, null, "SELECT state, COUNT(*) FROM jobs GROUP BY state"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[ParseState(reader.GetString(0))] = reader.GetInt64(1);
            }
        }
        await using (var command = Command(connection, null, "SELECT worker_id, COUNT(*) FROM jobs WHERE state = 'done' AND worker_id IS NOT NULL GROUP BY worker_id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byWorker[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        await using (var command = Command(connection, null, $"SELECT {JobColumns} FROM jobs WHERE state IN {Waiting} ORDER BY id LIMIT 1"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                oldest = ReadJob(reader, withContent: false);
            }
        }
        return new QueueStatus { Counts = counts, OldestWaiting = oldest, DoneByWorker = byWorker };
    }

    public async IAsyncEnumerable<WorkItem> ListAsync(WorkState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {JobColumns} FROM jobs WHERE state = @state ORDER BY id", ("state", StateText(state)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadJob(reader, withContent: false);
        }
    }

    public async Task<bool> RequeueAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            $"UPDATE jobs SET state = 'queued', attempt = 0, worker_id = NULL, lease_expires_at = NULL, updated_at = @now WHERE id = @id AND state IN ('dead', 'errored')",
            cancellationToken, ("now", ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow()))), ("id", id)).ConfigureAwait(false) == 1;
    }

    public async Task<int> RequeueDeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            "UPDATE jobs SET state = 'queued', attempt = 0, worker_id = NULL, lease_expires_at = NULL, updated_at = @now WHERE state = 'dead'",
            cancellationToken, ("now", ToDbTimestamp(ChainHash.ToStoredPrecision(timeProvider.GetUtcNow())))).ConfigureAwait(false);
    }

    public async Task<byte[]?> FindLatestContentAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync(connection, null,
            "SELECT content FROM jobs WHERE source = @source ORDER BY id DESC LIMIT 1", cancellationToken, ("source", source)).ConfigureAwait(false) as byte[];
    }

    private async Task<WorkState> StateOfAsync(DbConnection connection, long id, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, null, "SELECT state FROM jobs WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false) is string text
            ? ParseState(text)
            : throw new InvalidOperationException($"Job {id} does not exist.");

    private WorkItem ReadJob(DbDataReader reader, bool withContent) => new()
    {
        Id = reader.GetInt64(0),
        RunId = reader.GetString(1),
        Source = reader.GetString(2),
        State = ParseState(reader.GetString(3)),
        Attempt = reader.GetInt32(4),
        WorkerId = reader.IsDBNull(5) ? null : reader.GetString(5),
        LeaseExpiresAt = reader.IsDBNull(6) ? null : ReadTimestamp(reader, 6),
        LastError = reader.IsDBNull(7) ? null : reader.GetString(7),
        EnqueuedAt = ReadTimestamp(reader, 8),
        Content = withContent ? reader.GetFieldValue<byte[]>(9) : [],
    };

    private static string StateText(WorkState state) => state.ToString().ToLowerInvariant();

    private static WorkState ParseState(string text) => Enum.Parse<WorkState>(text, ignoreCase: true);
}
