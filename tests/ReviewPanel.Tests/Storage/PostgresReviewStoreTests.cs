using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Postgres;

namespace ReviewPanel.Tests.Storage;

/// <summary>
/// The contract against PostgreSQL (<c>REVIEWPANEL_TEST_POSTGRES</c>). Each test works in its own schema,
/// dropped afterwards, so tests run in parallel on one database.
/// </summary>
[RequiresPostgres]
public sealed class PostgresReviewStoreTests : ReviewStoreContractTests
{
    private readonly string schema = "rp_test_" + Guid.NewGuid().ToString("N")[..16];
    private bool schemaCreated;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresTestDatabase.RequireConnectionString())
    {
        SearchPath = schema,
    }.ConnectionString;

    public override async Task InitializeAsync()
    {
        if (PostgresTestDatabase.SkipReason is not null)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"CREATE SCHEMA {schema}");
        schemaCreated = true;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!schemaCreated)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP SCHEMA {schema} CASCADE");
    }

    private protected override IReviewStore CreateStore(TimeProvider timeProvider) =>
        new PostgresReviewStore(
            Options.Create(new StoreOptions { Provider = StoreOptions.Postgres, ConnectionString = ConnectionString }),
            timeProvider,
            NullLogger<PostgresReviewStore>.Instance);

    private protected override async Task<DbConnection> OpenRawConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private protected override async Task DropAppendOnlyGuardsAsync(DbConnection connection)
    {
        var triggers = new List<(string Name, string Table)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                """
                SELECT t.tgname, c.relname FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND n.nspname = current_schema()
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.NotEmpty(triggers);
        foreach (var (name, table) in triggers)
        {
            await ExecuteAsync(connection, $"DROP TRIGGER \"{name}\" ON \"{table}\"");
        }
    }

    [PostgresFact]
    public async Task RecordAsync_WhileAnotherSessionHoldsTheAppendLock_WaitsInsteadOfForkingTheChain()
    {
        var store = CreateStore(TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        await using var other = await OpenRawConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var command = other.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_advisory_xact_lock({PostgresReviewStore.AppendLockKey})";
            await command.ExecuteNonQueryAsync();
        }

        var record = store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1"), CancellationToken.None);
        var finishedWhileLocked = await Task.WhenAny(record, Task.Delay(TimeSpan.FromMilliseconds(500))) == record;
        await transaction.CommitAsync();

        Assert.False(finishedWhileLocked);
        Assert.True(await record);
        Assert.True((await store.VerifyChainAsync(CancellationToken.None)).Intact);
        await ((IAsyncDisposable)store).DisposeAsync();
    }
}
