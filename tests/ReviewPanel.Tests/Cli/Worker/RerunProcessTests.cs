using System.Text.RegularExpressions;
using ReviewPanel.Emulator;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary><c>reviewpanel rerun</c> with the LLM panel against the emulator: what it asks the models again, counted at the emulator.</summary>
public sealed partial class RerunProcessTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    [GeneratedRegex(@"(\d+) review\(s\) reused from earlier runs, (\d+) model call\(s\)")]
    private static partial Regex RerunLine();

    private static (int Reused, int Calls) Parse(string stderr)
    {
        var match = RerunLine().Match(stderr);
        Assert.True(match.Success, stderr);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Rerun_AfterErrorStormThenUnchanged_AsksOnlyErroredReviewsThenNothing()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 11, ApiKey = "rerun-test-key" });
        // The first five model calls fail with 500 (no retries), the rest answer.
        server.ConfigureDefault(new DeploymentBehavior { Score = 5, Script = EmulatorPolicyNames.ParseScript(Enumerable.Repeat("status-500", 5)) });
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Llm__Endpoints__default__Endpoint"] = server.BaseUri.ToString(),
            ["ReviewPanel__Llm__Endpoints__default__Deployment"] = "panel",
            ["ReviewPanel__Llm__Endpoints__default__ApiKey"] = "rerun-test-key",
            ["ReviewPanel__Llm__Endpoints__default__Provider"] = "azure-openai",
            ["ReviewPanel__Llm__Endpoints__default__MaxRetries"] = "0",
            // No quota pacing against the emulator: the test counts calls, it does not wait for them.
            ["ReviewPanel__Llm__Endpoints__default__Rpm"] = "0",
            ["ReviewPanel__Llm__Endpoints__default__Tpm"] = "0",
        };
        var ids = GeneratedProfiles.Write(Path.Combine(dir.Path, "drafts"), 3);
        var selectAll = ids.SelectMany(id => new[] { "--profile", id }).ToArray();

        var first = await CliProcess.RunAsync(dir.Path, env, "review", "drafts", "--panel", "llm", "--format", "json");
        var firstRequests = server.RequestCount();
        var answered = server.StatusCount(200);
        Assert.True(first.ExitCode is 0 or 1 or 2, first.Stderr);
        Assert.True(server.StatusCount(500) == 5, $"500s: {server.StatusCount(500)}, requests {firstRequests}, exit {first.ExitCode}\n{first.Stderr}");
        var reviews = ids.Count * LlmTestData.ShippedPersonaCount;
        Assert.True(answered > 0 && answered < reviews, $"answered {answered} of {reviews}");

        var rerun = await CliProcess.RunAsync(dir.Path, env, ["rerun", .. selectAll, "--panel", "llm"]);
        var rerunRequests = server.RequestCount() - firstRequests;

        Assert.True(rerun.ExitCode is 0 or 1, rerun.Stderr + rerun.Stdout);
        // Only the reviews that errored are asked again; every valid one is reused with its provenance.
        Assert.Equal(reviews - answered, rerunRequests);
        Assert.Equal((answered, reviews - answered), Parse(rerun.Stderr));

        var unchanged = await CliProcess.RunAsync(dir.Path, env, ["rerun", .. selectAll, "--panel", "llm", "--format", "json"]);

        Assert.True(unchanged.ExitCode is 0 or 1, unchanged.Stderr + unchanged.Stdout);
        Assert.Equal(firstRequests + rerunRequests, server.RequestCount());
        Assert.Equal((reviews, 0), Parse(unchanged.Stderr));
        var show = await CliProcess.RunAsync(dir.Path, env, "show", ids[0], "--format", "json");
        Assert.Contains("reusedFromRun", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_FileDeletedAfterEnqueue_ReviewsTheStoredContent()
    {
        var ids = GeneratedProfiles.Write(Path.Combine(dir.Path, "drafts"), 2);
        var env = new Dictionary<string, string> { ["ReviewPanel__Worker__PollMilliseconds"] = "100" };
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, env, "enqueue", "drafts")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, env, "worker", "--exit-when-idle")).ExitCode);
        Directory.Delete(Path.Combine(dir.Path, "drafts"), recursive: true);

        var rerun = await CliProcess.RunAsync(dir.Path, env, "rerun", "--profile", ids[1], "--format", "json");

        Assert.True(rerun.ExitCode is 0 or 1, rerun.Stderr + rerun.Stdout);
        Assert.Contains(ids[1], rerun.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(ids[0], rerun.Stdout, StringComparison.Ordinal);
        var history = await CliProcess.RunAsync(dir.Path, env, "history", ids[1], "--format", "json");
        Assert.Equal(2, Regex.Matches(history.Stdout, "\"runId\"").Count);
    }
}
