using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ReviewPanel.Storage.Postgres;

/// <summary>
/// The shared history for many workers: one PostgreSQL database. Appends and migrations take a
/// transaction-scoped advisory lock first, so workers on any machine append one at a time and the chain
/// never forks; readers are not blocked.
/// </summary>
public sealed class PostgresReviewStore : DbReviewStore, IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock key of the chain ("RvwPanel" in ASCII); any constant works if every writer uses it.</summary>
    internal const long AppendLockKey = 0x527677_50616E656C;

    private readonly NpgsqlDataSource dataSource;

    public PostgresReviewStore(IOptions<StoreOptions> options, TimeProvider timeProvider, ILogger<PostgresReviewStore> logger)
        : base(timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(StoreOptions.SectionName, typeof(StoreOptions),
                ["ReviewPanel:Store:ConnectionString is required when the provider is 'postgres'."]);
        }
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    private protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    private protected override string MigrationsTableSql => PostgresMigrations.MigrationsTable;

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override async ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Held until commit or rollback; a second writer waits here, then reads the record the first one wrote.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
            command.Parameters.AddWithValue("key", AppendLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override string ClaimLockClause => " FOR UPDATE SKIP LOCKED";

    // Claims need no chain lock: FOR UPDATE SKIP LOCKED lets workers claim different jobs at the same time.
    /// <summary>The advisory lock key of enqueues ("RvwQueue"), separate from the chain's so appends are not held up.</summary>
    internal const long EnqueueLockKey = 0x52767751756575;

    private protected override async Task LockEnqueueAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("key", EnqueueLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private protected override async ValueTask<DbTransaction> BeginQueueTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    private protected override object ToDbTimestamp(DateTimeOffset value) => value.ToUniversalTime();

    private protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
