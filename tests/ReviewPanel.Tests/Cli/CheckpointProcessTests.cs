using Microsoft.Data.Sqlite;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>
/// Tail truncation (issue 13, item 7): the chain is anchored by a checkpoint outside the database, so cutting off the
/// newest records, emptying the file, or losing the checkpoint is seen by <c>audit verify</c>.
/// </summary>
public sealed class CheckpointProcessTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    private string History => Path.Combine(dir.Path, "history.db");

    private async Task ReviewThreeAsync(Dictionary<string, string>? env = null)
    {
        Directory.CreateDirectory(Path.Combine(dir.Path, "in"));
        foreach (var f in new[] { "data-platform-p4.txt", "devops-sre-p6.txt", "devops-sre-p6-deduplicated.txt" })
        {
            File.Copy(RepoFiles.Path("fixtures", "profiles", f), Path.Combine(dir.Path, "in", f));
        }
        var review = await CliProcess.RunAsync(dir.Path, env, "review", "in");
        Assert.True(review.ExitCode is 0 or 1, review.Stderr);
    }

    private void CutNewestRecords(int count)
    {
        using var connection = new SqliteConnection($"Data Source={History};Pooling=False");
        connection.Open();
        var triggers = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                triggers.Add(reader.GetString(0));
            }
        }
        foreach (var t in triggers)
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP TRIGGER \"{t}\"";
            drop.ExecuteNonQuery();
        }
        using var cut = connection.CreateCommand();
        cut.CommandText = $"""
            DELETE FROM scores WHERE verdict_seq > (SELECT MAX(seq) - {count} FROM verdicts);
            DELETE FROM reviews WHERE verdict_seq > (SELECT MAX(seq) - {count} FROM verdicts);
            DELETE FROM verdicts WHERE seq > (SELECT MAX(seq) - {count} FROM verdicts);
            """;
        cut.ExecuteNonQuery();
    }

    [Fact]
    public async Task AuditVerify_NewestRecordsDeleted_IsBrokenNamingHowManyWereCutOff()
    {
        await ReviewThreeAsync();
        Assert.True(File.Exists(History + ".checkpoint"));
        CutNewestRecords(2);

        var audit = await CliProcess.RunAsync(dir.Path, null, "audit", "verify");

        Assert.Equal(1, audit.ExitCode);
        Assert.StartsWith($"history BROKEN: the history has 1 records but the checkpoint {History}.checkpoint of ", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("vouches for 3: the newest 2 record(s) were cut off", audit.Stdout, StringComparison.Ordinal);
        // The audit (and any later command) keeps the evidence: a second look says the same.
        Assert.Equal(1, (await CliProcess.RunAsync(dir.Path, null, "audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task AuditVerify_ZeroByteHistory_IsBroken()
    {
        await ReviewThreeAsync();
        SqliteConnection.ClearAllPools();
        File.WriteAllBytes(History, []);
        foreach (var side in new[] { "-wal", "-shm" })
        {
            File.Delete(History + side);
        }

        var audit = await CliProcess.RunAsync(dir.Path, null, "audit", "verify");

        Assert.Equal(1, audit.ExitCode);
        Assert.Contains("the history has 0 records but the checkpoint", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_NonEmptyHistoryWithoutCheckpoint_IsBroken()
    {
        await ReviewThreeAsync();
        File.Delete(History + ".checkpoint");

        var audit = await CliProcess.RunAsync(dir.Path, null, "audit", "verify");

        Assert.Equal(1, audit.ExitCode);
        Assert.Contains("the history has 3 records but there is no checkpoint at", audit.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(History + ".checkpoint"), "a read-only command must not re-anchor a history it could not check");
    }

    [Fact]
    public async Task AuditCheckpoint_ExportedWitness_CatchesATruncationThatAlsoRewroteTheLocalCheckpoint()
    {
        var env = new Dictionary<string, string> { ["ReviewPanel__Store__CheckpointKey"] = "test-hmac-key" };
        await ReviewThreeAsync(env);
        var export = await CliProcess.RunAsync(dir.Path, env, "audit", "checkpoint", "--out", "witness.json");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Matches(@"^checkpoint \S+witness\.json: 3 records, head [0-9a-f]{64} \(signed\)", export.Stdout);
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, env, "audit", "verify", "--checkpoint", "witness.json")).ExitCode);

        CutNewestRecords(1);
        // Whoever cut the tail also re-anchored the local checkpoint, but cannot sign it without the key...
        var forged = await CliProcess.RunAsync(dir.Path, null, "audit", "checkpoint");
        Assert.True(forged.ExitCode == 0, forged.Stderr);
        var local = await CliProcess.RunAsync(dir.Path, env, "audit", "verify");
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("is not signed", local.Stdout, StringComparison.Ordinal);

        // ...and the witness kept elsewhere still vouches for 3.
        var witnessed = await CliProcess.RunAsync(dir.Path, env, "audit", "verify", "--checkpoint", "witness.json");
        Assert.Equal(1, witnessed.ExitCode);
        Assert.Contains("vouches for 3: the newest 1 record(s) were cut off", witnessed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditCheckpoint_OutIsAFolder_OneErrorLineNamingIt_ExitTwo_NothingLeftBeside()
    {
        await ReviewThreeAsync();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "witness.json")).FullName;

        var export = await CliProcess.RunAsync(dir.Path, null, "audit", "checkpoint", "--out", "witness.json");

        Assert.Equal(2, export.ExitCode);
        var line = Assert.Single(export.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: cannot write the checkpoint to {folder}: ", line, StringComparison.Ordinal);
        Assert.Equal([folder], Directory.GetFileSystemEntries(dir.Path, "witness.json*"));
    }
}
