using System.Text.Json;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary><c>probe</c>, <c>probe show</c> and <c>probe compare</c> through the real executable, and <c>audit verify</c> after them.</summary>
public sealed class ProbeCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Probe_FixturesOffline_ExitsZeroWhenEveryClaimedClassIsCaught_IsRebuiltFromHistory_AndTheChainVerifies()
    {
        var fixtures = RepoFiles.Path("fixtures", "profiles");

        var probe = await CliProcess.RunAsync(_dir.Path, null, "probe", fixtures, "--format", "json", "--out", "out");

        Assert.True(probe.ExitCode == 0, probe.Stderr);
        using var json = JsonDocument.Parse(probe.Stdout);
        var root = json.RootElement;
        var below = root.GetProperty("classes").EnumerateArray().Where(c => c.GetProperty("meetsRequirement").ValueKind == JsonValueKind.False)
            .Select(c => c.GetProperty("class").GetString()).ToList();
        Assert.Empty(below);
        Assert.Equal(15, root.GetProperty("classes").GetArrayLength());
        Assert.Equal(10, root.GetProperty("originals").GetProperty("failed").GetInt32());
        Assert.Equal(probe.Stdout.Trim(), File.ReadAllText(Path.Combine(_dir.Path, "out", "probe.json")).Trim());
        var html = File.ReadAllText(Path.Combine(_dir.Path, "out", "probe.html"));
        Assert.Contains("Class × reviewer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);

        var runId = root.GetProperty("probeRunId").GetString()!;
        var show = await CliProcess.RunAsync(_dir.Path, null, "probe", "show", runId, "--format", "json");
        Assert.Equal(probe.Stdout.Trim(), show.Stdout.Trim());

        var verify = await CliProcess.RunAsync(_dir.Path, null, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("history intact: 43 records", verify.Stdout, StringComparison.Ordinal);

        // Demanding full recall of every class, claimed or not, fails on the ones only a model can see (fully).
        var strict = await CliProcess.RunAsync(_dir.Path, null, "probe", fixtures, "--classes", "placeholder,cut-mid-sentence,invented-tool", "--min-recall", "1", "--format", "json");
        Assert.Equal(1, strict.ExitCode);
        using (var strictJson = JsonDocument.Parse(strict.Stdout))
        {
            Assert.Equal(["cut-mid-sentence", "invented-tool"], strictJson.RootElement.GetProperty("classes").EnumerateArray()
                .Where(c => c.GetProperty("meetsRequirement").ValueKind == JsonValueKind.False).Select(c => c.GetProperty("class").GetString()));
        }

        var placeholder = await CliProcess.RunAsync(_dir.Path, null, "probe", fixtures, "--classes", "placeholder,cut-mid-sentence", "--min-recall", "0");
        Assert.True(placeholder.ExitCode == 0, placeholder.Stdout + placeholder.Stderr);
        var second = placeholder.Stdout.Split('\n')[0].Split(' ')[6];
        var compare = await CliProcess.RunAsync(_dir.Path, null, "probe", "compare", runId, second);
        Assert.True(compare.ExitCode == 0, compare.Stdout + compare.Stderr);
        Assert.Contains("no class lost recall", compare.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunFailed_AfterAProbe_LeavesTheFailedMutantsAlone()
    {
        var probe = await CliProcess.RunAsync(_dir.Path, null, "probe", RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), "--classes", "placeholder");
        Assert.True(probe.ExitCode == 0, probe.Stdout + probe.Stderr);

        var rerun = await CliProcess.RunAsync(_dir.Path, null, "rerun", "--failed");

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Contains("nothing to rerun", rerun.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_NoProfiles_OrNotAProbeRun_ExitsTwo()
    {
        Assert.Equal(2, (await CliProcess.RunAsync(_dir.Path, null, "probe", Path.Combine(_dir.Path, "missing-folder"))).ExitCode);
        var show = await CliProcess.RunAsync(_dir.Path, null, "probe", "show", "run-nope");
        Assert.Equal(2, show.ExitCode);
        Assert.Contains("not in the history", show.Stderr, StringComparison.Ordinal);
    }
}
