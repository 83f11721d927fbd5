using System.Text.Json;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>A waiver round trip as a person runs it: fail, waive, effective pass; edit the profile, and the new version fails.</summary>
public sealed class WaiverCommandTests : IDisposable
{
    private const string Sre = "INFRAS.DEVOPSSIA2C1.P6";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(_dir.Path, null, args);

    private async Task<JsonElement> ShowAsync()
    {
        var show = await RunAsync("show", Sre, "--format", "json");
        Assert.True(show.ExitCode == 0, show.Stderr);
        return JsonDocument.Parse(show.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task Waive_FailingVersion_EffectivePassForThatVersionOnly_InShowHistoryAndAuditVerify()
    {
        var file = Path.Combine(_dir.Path, "in", "sre.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt"), file);
        Assert.Equal(1, (await RunAsync("review", "in")).ExitCode);
        var first = await ShowAsync();
        Assert.Equal("fail", first.GetProperty("effectiveVerdict").GetString());
        var version = first.GetProperty("versionHash").GetString()!;

        var waive = await RunAsync("waive", Sre, "--version", version[..12], "--dimension", "consistency", "--by", "alice", "--reason", "the repeat is intended");

        Assert.True(waive.ExitCode == 0, waive.Stderr + waive.Stdout);
        Assert.Contains("waiver 1: version " + version[..12] + " consistency waived by alice", waive.Stdout, StringComparison.Ordinal);
        Assert.Contains("effective verdict: pass (panel: fail)", waive.Stdout, StringComparison.Ordinal);
        var waived = await ShowAsync();
        Assert.Equal("fail", waived.GetProperty("verdict").GetProperty("outcome").GetString());
        Assert.Equal("pass", waived.GetProperty("effectiveVerdict").GetString());
        Assert.Equal("alice", waived.GetProperty("waivers")[0].GetProperty("by").GetString());
        Assert.Contains("effective verdict pass (panel: fail)", (await RunAsync("show", Sre)).Stdout, StringComparison.Ordinal);
        Assert.Contains("the repeat is intended", (await RunAsync("history", Sre)).Stdout, StringComparison.Ordinal);
        var again = await RunAsync("review", "in", "--format", "json");
        var row = JsonDocument.Parse(again.Stdout).RootElement.GetProperty("profiles")[0];
        Assert.Equal(("fail", "pass"), (row.GetProperty("verdict").GetString(), row.GetProperty("effectiveVerdict").GetString()));
        Assert.Equal("alice", row.GetProperty("waivers")[0].GetProperty("by").GetString());
        Assert.Equal(0, again.ExitCode); // the exit code follows the effective verdict: the waived failing version passes
        var table = await RunAsync("review", "in");
        Assert.True(table.ExitCode == 0, table.Stdout + table.Stderr);
        Assert.Contains("fail→pass", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Effective verdict: 1 passed (1 by waiver), 0 failed, 0 errored; the exit code follows it.", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("rerun", "--profile", Sre)).ExitCode);
        var failedOnly = await RunAsync("rerun", "--failed");
        Assert.True(failedOnly.ExitCode == 0, failedOnly.Stdout + failedOnly.Stderr);
        Assert.Contains("nothing to rerun", failedOnly.Stdout + failedOnly.Stderr, StringComparison.OrdinalIgnoreCase); // the waived version has passed
        var verify = await RunAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stdout);
        Assert.Contains("waivers intact: 1 records, hash chain verified", verify.Stdout, StringComparison.Ordinal);

        // A new version (one changed line) is not covered by the old version's waiver.
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("Material SKILL differential vs the function baseline.", "Owns the reliability of production systems.", StringComparison.Ordinal));
        Assert.Equal(1, (await RunAsync("review", "in")).ExitCode);
        var edited = await ShowAsync();
        Assert.NotEqual(version, edited.GetProperty("versionHash").GetString());
        Assert.Equal("fail", edited.GetProperty("effectiveVerdict").GetString());
        Assert.Equal(0, edited.GetProperty("waivers").GetArrayLength());
    }

    [Fact]
    public async Task Waive_UnknownVersion_ExitsTwoAndRecordsNothing()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "in"));
        File.Copy(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt"), Path.Combine(_dir.Path, "in", "sre.txt"));
        await RunAsync("review", "in");

        var waive = await RunAsync("waive", Sre, "--version", "00000000", "--all", "--by", "alice", "--reason", "x");

        Assert.Equal(2, waive.ExitCode);
        Assert.Contains("has no recorded version 00000000", waive.Stderr, StringComparison.Ordinal);
        Assert.Contains("waivers intact: 0 records", (await RunAsync("audit", "verify")).Stdout, StringComparison.Ordinal);
    }
}
