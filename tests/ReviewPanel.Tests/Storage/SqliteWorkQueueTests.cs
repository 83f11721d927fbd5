using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;

namespace ReviewPanel.Tests.Storage;

public sealed class SqliteWorkQueueTests : WorkQueueContractTests
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "reviewpanel-tests", Guid.NewGuid().ToString("N"));

    private protected override IReviewStore CreateStore(TimeProvider timeProvider) =>
        new SqliteReviewStore(Options.Create(new StoreOptions { Path = Path.Combine(root, "history.db") }), timeProvider, NullLogger<SqliteReviewStore>.Instance);

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
}
