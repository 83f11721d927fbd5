using Npgsql;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Storage;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>Several real worker processes sharing one PostgreSQL database (its own schema per test).</summary>
public sealed class PostgresWorkerProcessTests : IAsyncLifetime
{
    private readonly TempFolder dir = new();
    private readonly string schema = "rp_workers_" + Guid.NewGuid().ToString("N")[..16];
    private bool schemaCreated;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresTestDatabase.RequireConnectionString()) { SearchPath = schema }.ConnectionString;

    public async Task InitializeAsync()
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

    public async Task DisposeAsync()
    {
        dir.Dispose();
        if (!schemaCreated)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task ThreeWorkers_OneDatabase_ShareThreeHundredProfilesEachReviewedExactlyOnce()
    {
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Store__Provider"] = "postgres",
            ["ReviewPanel__Store__ConnectionString"] = ConnectionString,
            ["ReviewPanel__Worker__PollMilliseconds"] = "100",
            ["ReviewPanel__Worker__MaxInFlight"] = "2",
        };
        GeneratedProfiles.Write(Path.Combine(dir.Path, "drafts"), 300);
        var enqueue = await CliProcess.RunAsync(dir.Path, env, "enqueue", "drafts");
        Assert.True(enqueue.ExitCode == 0, enqueue.Stderr);

        var workers = Enumerable.Range(1, 3)
            .Select(i => WorkerProcess.Start(dir.Path, new Dictionary<string, string>(env) { ["ReviewPanel__Worker__WorkerId"] = "w" + i }, "--exit-when-idle"))
            .ToList();
        try
        {
            foreach (var worker in workers)
            {
                Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(55)));
            }
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        var perProfile = await HistoryCounts.VerdictsPerProfileAsync(db);
        Assert.Equal(300, perProfile.Count);
        Assert.All(perProfile, p => Assert.Equal(1, p.Value));
        var perWorker = await HistoryCounts.DoneJobsPerWorkerAsync(db);
        Console.WriteLine("300 jobs across workers: " + string.Join(", ", perWorker.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}")));
        Assert.Equal(["w1", "w2", "w3"], perWorker.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(300, perWorker.Values.Sum());
        Assert.All(perWorker.Values, n => Assert.True(n > 0));
        var audit = await CliProcess.RunAsync(dir.Path, env, "audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Stdout + audit.Stderr);
    }
}
