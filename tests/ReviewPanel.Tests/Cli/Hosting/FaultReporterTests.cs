using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using ReviewPanel.Cli.Hosting;
using ReviewPanel.Storage;

namespace ReviewPanel.Tests.Cli.Hosting;

/// <summary>The one fault-to-line mapping, at its seam: exceptions as the providers raise them, no disk or server needed.</summary>
public sealed class FaultReporterTests
{
    private static ServiceProvider Services(StoreOptions store) =>
        new ServiceCollection().AddSingleton(Options.Create(store)).BuildServiceProvider();

    [Fact]
    public void Describe_SqliteFull_SaysTheDiskIsFullAndNamesTheStorePath()
    {
        using var services = Services(new StoreOptions { Path = "/data/history.db" });

        var line = FaultReporter.Describe(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13), services);

        Assert.Equal("error: the disk holding the history store /data/history.db is full (SQLite Error 13: 'database or disk is full'); " +
            "free space, or set ReviewPanel:Store:Path to another disk", line);
    }

    [Fact]
    public void Describe_PostgresLoginRejected_NamesHostUserAndTheSettingButNotThePassword()
    {
        using var services = Services(new StoreOptions { Provider = "postgres", ConnectionString = "Host=db;Port=5433;Database=rp;Username=rp;Password=hunter2" });

        var line = FaultReporter.Describe(new PostgresException("password authentication failed for user \"rp\"", "FATAL", "FATAL", "28P01"), services);

        Assert.Equal("error: PostgreSQL at db:5433/rp (user rp) rejected the login (28P01: password authentication failed for user \"rp\"); " +
            "check Username and Password in ReviewPanel:Store:ConnectionString", line);
    }

    [Fact]
    public void Describe_DefectInsideAnAggregate_IsStillOneLine()
    {
        var line = FaultReporter.Describe(new AggregateException(new InvalidCastException("boom\nsecond line")), services: null);

        Assert.Equal("error: unexpected InvalidCastException: boom second line (a defect in reviewpanel; set REVIEWPANEL_STACKTRACE=1 to print the stack trace)", line);
    }

    [Fact]
    public void Describe_StoreUnavailable_NamesTheSetting()
    {
        var line = FaultReporter.Describe(new StoreUnavailableException("the history file x was deleted.", "ReviewPanel:Store:Path"), services: null);

        Assert.Equal("error: the history file x was deleted; check ReviewPanel:Store:Path", line);
    }
}
