using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;

namespace ReviewPanel.Tests.Storage;

public sealed class SqliteReviewStoreTests : ReviewStoreContractTests
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "reviewpanel-tests", Guid.NewGuid().ToString("N"));

    // A nested, not yet existing folder: the store must create it.
    private string DatabasePath => Path.Combine(root, "nested", "history.db");

    private protected override IReviewStore CreateStore(TimeProvider timeProvider) =>
        new SqliteReviewStore(Options.Create(new StoreOptions { Path = DatabasePath }), timeProvider, NullLogger<SqliteReviewStore>.Instance);

    private protected override async Task<DbConnection> OpenRawConnectionAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private protected override async Task DropAppendOnlyGuardsAsync(DbConnection connection)
    {
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            await ExecuteAsync(connection, $"DROP TRIGGER \"{name}\"");
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public async Task InitializeAsync_MissingFolder_CreatesItAndTheFileInWalMode()
    {
        var store = (SqliteReviewStore)CreateStore(TimeProvider.System);
        Assert.False(Directory.Exists(Path.GetDirectoryName(DatabasePath)));

        await store.InitializeAsync(CancellationToken.None);

        Assert.Equal(Path.GetFullPath(DatabasePath), store.DatabasePath);
        Assert.True(File.Exists(DatabasePath));
        await using var connection = await OpenRawConnectionAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
    }
}
