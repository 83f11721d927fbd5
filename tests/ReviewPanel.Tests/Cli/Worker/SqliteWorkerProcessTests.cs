using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>The real <c>reviewpanel worker</c> processes over one SQLite file: crash, graceful stop, poison.</summary>
public sealed class SqliteWorkerProcessTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(45);
    private readonly TempFolder dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    private Dictionary<string, string> Env(params (string Key, string Value)[] worker)
    {
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Worker__PollMilliseconds"] = "100",
            ["ReviewPanel__Worker__MaxInFlight"] = "4",
        };
        foreach (var (k, v) in worker)
        {
            env["ReviewPanel__Worker__" + k] = v;
        }
        return env;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir.Path, "history.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private async Task EnqueueAsync(int count, Dictionary<string, string> env)
    {
        GeneratedProfiles.Write(Path.Combine(dir.Path, "drafts"), count);
        var enqueue = await CliProcess.RunAsync(dir.Path, env, "enqueue", "drafts");
        Assert.True(enqueue.ExitCode == 0, enqueue.Stderr);
        Assert.Matches($@"^run run-\S+: {count} queued, 0 not readable", enqueue.Stdout);
    }

    private async Task WaitForDoneAsync(long atLeast, WorkerProcess worker)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            await using (var connection = await OpenAsync())
            {
                if (await HistoryCounts.CountAsync(connection, "SELECT COUNT(*) FROM verdicts") >= atLeast)
                {
                    return;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"fewer than {atLeast} verdicts after 40 s; worker stderr:\n{worker.Stderr}");
    }

    [Fact]
    public async Task Worker_KilledWithSigkillMidBatchThenRestarted_EveryProfileHasExactlyOneVerdict()
    {
        var env = Env(("LeaseSeconds", "3"));
        await EnqueueAsync(200, env);
        // The queue holds the content: the drafts may be gone before any review.
        Directory.Delete(Path.Combine(dir.Path, "drafts"), recursive: true);

        using (var first = WorkerProcess.Start(dir.Path, env))
        {
            await WaitForDoneAsync(30, first);
            first.KillHard();
            await first.WaitForExitAsync(ExitTimeout);
        }
        await using (var connection = await OpenAsync())
        {
            var before = await HistoryCounts.CountAsync(connection, "SELECT COUNT(*) FROM verdicts");
            Assert.InRange(before, 30, 199);
        }

        using var second = WorkerProcess.Start(dir.Path, env, "--exit-when-idle");
        Assert.Equal(0, await second.WaitForExitAsync(ExitTimeout));

        await using var db = await OpenAsync();
        var perProfile = await HistoryCounts.VerdictsPerProfileAsync(db);
        Assert.Equal(200, perProfile.Count);
        Assert.All(perProfile, p => Assert.Equal(1, p.Value));
        var jobs = await HistoryCounts.JobsPerStateAsync(db);
        Assert.Equal(new Dictionary<string, long> { ["done"] = 200 }, jobs);
        var audit = await CliProcess.RunAsync(dir.Path, env, "audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Stdout + audit.Stderr);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    public async Task Worker_Sigterm_DrainsOrReleasesWithinDrainSecondsAndLeavesNothingLeased(int drainSeconds)
    {
        var env = Env(("DrainSeconds", drainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("MaxInFlight", "2"));
        await EnqueueAsync(120, env);

        using var worker = WorkerProcess.Start(dir.Path, env);
        await WaitForDoneAsync(10, worker);
        var clock = Stopwatch.StartNew();
        worker.Terminate();
        var exit = await worker.WaitForExitAsync(ExitTimeout);
        clock.Stop();

        await using var db = await OpenAsync();
        var jobs = await HistoryCounts.JobsPerStateAsync(db);
        var verdicts = await HistoryCounts.CountAsync(db, "SELECT COUNT(*) FROM verdicts");
        // Everything a failure needs to be diagnosed, not only the assertion that tripped.
        var state = $"exit {exit}, stopped in {clock.Elapsed}, jobs {string.Join(", ", jobs)}, verdicts {verdicts}\n{worker.Stderr}";
        Assert.True(exit == 0, state);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(drainSeconds + 5), state);
        Assert.False(jobs.ContainsKey("leased"), state);
        Assert.True(jobs.GetValueOrDefault("done") + jobs.GetValueOrDefault("queued") == 120, state);
        Assert.True(jobs.GetValueOrDefault("queued") > 0, "the worker should have stopped before the batch ended: " + state);
        Assert.True(jobs.GetValueOrDefault("done") == verdicts, state);
    }

    [Fact]
    public async Task Worker_PoisonProfile_DeadAfterMaxAttemptsAndTheRestOfTheBatchFinishes()
    {
        var env = Env(("MaxAttempts", "3"), ("FailFileNames__0", "profile-0007.txt"));
        await EnqueueAsync(30, env);

        using var worker = WorkerProcess.Start(dir.Path, env, "--exit-when-idle");
        Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));

        var queue = await CliProcess.RunAsync(dir.Path, env, "queue", "--format", "json");
        Assert.True(queue.ExitCode == 0, queue.Stderr);
        using var json = JsonDocument.Parse(queue.Stdout);
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal(29, counts.GetProperty("done").GetInt64());
        Assert.Equal(1, counts.GetProperty("dead").GetInt64());
        Assert.Equal(0, counts.GetProperty("queued").GetInt64() + counts.GetProperty("leased").GetInt64() + counts.GetProperty("errored").GetInt64());
        var dead = Assert.Single(json.RootElement.GetProperty("dead").EnumerateArray());
        Assert.EndsWith("profile-0007.txt", dead.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("fault injected", dead.GetProperty("error").GetString(), StringComparison.Ordinal);
        await using (var db = await OpenAsync())
        {
            Assert.Equal(29, (await HistoryCounts.VerdictsPerProfileAsync(db)).Count);
        }

        // Requeued (the fault fixed), the dead job is reviewed and the batch is complete.
        var requeue = await CliProcess.RunAsync(dir.Path, env, "queue", "requeue", "--dead");
        Assert.Equal("1 dead job(s) requeued", requeue.Stdout.Trim());
        using var again = WorkerProcess.Start(dir.Path, Env(), "--exit-when-idle");
        Assert.Equal(0, await again.WaitForExitAsync(ExitTimeout));
        await using (var db = await OpenAsync())
        {
            Assert.Equal(30, (await HistoryCounts.VerdictsPerProfileAsync(db)).Count);
        }
    }

    [Fact]
    public async Task Worker_InboxFiles_QueuedOnceMovedAsideAndReviewed()
    {
        var env = Env(("ScanSeconds", "1"));
        var inbox = Path.Combine(dir.Path, "inbox");
        GeneratedProfiles.Write(inbox, 5);
        File.WriteAllText(Path.Combine(inbox, "notes.md"), "not a draft");

        using var worker = WorkerProcess.Start(dir.Path, env, "--inbox", "inbox", "--exit-when-idle");
        Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));

        Assert.Equal(["notes.md"], Directory.GetFiles(inbox).Select(Path.GetFileName));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(inbox, ".accepted")).Length);
        await using var db = await OpenAsync();
        Assert.Equal(5, await HistoryCounts.CountAsync(db, "SELECT COUNT(*) FROM jobs"));
        Assert.Equal(5, (await HistoryCounts.VerdictsPerProfileAsync(db)).Count);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("replaced")]
    public async Task Worker_HistoryFileDeletedOrReplacedUnderIt_StopsClaimingAndExitsTwoSayingSo(string how)
    {
        // Main's worker went on "completing" jobs into the unlinked file and exited 0 with every verdict lost.
        var env = Env(("MaxInFlight", "2"));
        await EnqueueAsync(300, env);
        using var worker = WorkerProcess.Start(dir.Path, env, "--exit-when-idle");
        await WaitForDoneAsync(5, worker);
        SqliteConnection.ClearAllPools();
        var history = Path.Combine(dir.Path, "history.db");
        if (how == "deleted")
        {
            File.Delete(history);
        }
        else
        {
            File.Copy(history, history + ".copy");
            File.Move(history + ".copy", history, overwrite: true);
        }

        var exit = await worker.WaitForExitAsync(ExitTimeout);

        Assert.True(exit == 2, worker.Stderr);
        var errors = worker.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errors);
        Assert.StartsWith($"error: the history file {history} was {how} while this process was using it", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_SameFolderTwice_SkipsWhatIsAlreadyWaitingAndReviewsEachDraftOnce()
    {
        var env = Env();
        await EnqueueAsync(6, env);

        var again = await CliProcess.RunAsync(dir.Path, env, "enqueue", "drafts");

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Matches(@"^run run-\S+: 0 queued, 0 not readable, 6 skipped \(already waiting with the same content\)", again.Stdout);
        using var worker = WorkerProcess.Start(dir.Path, env, "--exit-when-idle");
        Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));
        await using var db = await OpenAsync();
        Assert.Equal(6, await HistoryCounts.CountAsync(db, "SELECT COUNT(*) FROM jobs"));
        Assert.All(await HistoryCounts.VerdictsPerProfileAsync(db), p => Assert.Equal(1, p.Value));
    }

    [Fact]
    public async Task Worker_InboxFilesJustWrittenOrStampedInTheFuture_AreWaitedForNotLeftBehindByExitWhenIdle()
    {
        // Deterministic on main's code: files an hour "in the future" never settled there, and --exit-when-idle left them.
        var env = Env(("ScanSeconds", "60"));
        var inbox = Path.Combine(dir.Path, "inbox");
        GeneratedProfiles.Write(inbox, 4);
        var files = Directory.GetFiles(inbox).Order(StringComparer.Ordinal).ToList();
        File.SetLastWriteTimeUtc(files[0], DateTime.UtcNow.AddHours(1));
        File.SetLastWriteTimeUtc(files[1], DateTime.UtcNow.AddDays(3));

        using var worker = WorkerProcess.Start(dir.Path, env, "--inbox", "inbox", "--exit-when-idle");
        Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));

        Assert.Empty(Directory.GetFiles(inbox));
        await using var db = await OpenAsync();
        Assert.Equal(4, (await HistoryCounts.VerdictsPerProfileAsync(db)).Count);
    }
}
