using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Postgres;

namespace ReviewPanel.Tests.Storage;

/// <summary>The queue contract against PostgreSQL, each test in its own schema (see <see cref="PostgresReviewStoreTests"/>).</summary>
[RequiresPostgres]
public sealed class PostgresWorkQueueTests : WorkQueueContractTests
{
    private readonly string schema = "rp_queue_" + Guid.NewGuid().ToString("N")[..16];
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
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
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
        await using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    private protected override IReviewStore CreateStore(TimeProvider timeProvider) =>
        new PostgresReviewStore(
            Options.Create(new StoreOptions { Provider = StoreOptions.Postgres, ConnectionString = ConnectionString }),
            timeProvider,
            NullLogger<PostgresReviewStore>.Instance);
}
