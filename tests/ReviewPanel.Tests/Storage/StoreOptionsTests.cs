using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;

namespace ReviewPanel.Tests.Storage;

public sealed class StoreOptionsTests
{
    [Fact]
    public void AddReviewPanelStore_NoConfiguration_UsesSqliteAtTheDefaultPath()
    {
        using var provider = Build([]);

        var store = Assert.IsType<SqliteReviewStore>(provider.GetRequiredService<IReviewStore>());

        Assert.Equal(Path.GetFullPath(Path.Combine(".reviewpanel", "history.db")), store.DatabasePath);
    }

    [Fact]
    public void AddReviewPanelStore_PathConfigured_UsesThatFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "elsewhere", "h.db");
        using var provider = Build(new() { ["ReviewPanel:Store:Path"] = path });

        var store = Assert.IsType<SqliteReviewStore>(provider.GetRequiredService<IReviewStore>());

        Assert.Equal(path, store.DatabasePath);
    }

    [Fact]
    public void AddReviewPanelStore_PostgresWithoutConnectionString_FailsValidation()
    {
        using var provider = Build(new() { ["ReviewPanel:Store:Provider"] = "postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StoreOptions>>().Value);

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReviewPanelStore_UnknownProvider_FailsValidation()
    {
        using var provider = Build(new() { ["ReviewPanel:Store:Provider"] = "mysql" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StoreOptions>>().Value);
    }

    [Fact]
    public void AddReviewPanelStore_PostgresWithConnectionString_UsesPostgres()
    {
        using var provider = Build(new()
        {
            ["ReviewPanel:Store:Provider"] = "Postgres",
            ["ReviewPanel:Store:ConnectionString"] = "Host=127.0.0.1;Database=x;Username=u;Password=p",
        });

        Assert.IsType<ReviewPanel.Storage.Postgres.PostgresReviewStore>(provider.GetRequiredService<IReviewStore>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddReviewPanelStore(configuration).BuildServiceProvider();
    }
}
