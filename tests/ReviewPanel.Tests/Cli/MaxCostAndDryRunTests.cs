using System.Text.Json;
using ReviewPanel.Emulator;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>
/// <c>review --max-cost</c> and <c>review --dry-run</c> as a user runs them: the CLI process against the emulator over
/// loopback, four personas, a price per deployment.
/// </summary>
public sealed class MaxCostAndDryRunTests : IDisposable
{
    private const string Key = "emulator-key";
    private static readonly string[] Files = ["data-platform-p4.txt", "devops-sre-p6.txt", "placeholder-p4.txt", "truncated-p4.txt"];
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private void CopyProfiles()
    {
        var folder = Path.Combine(_dir.Path, "in");
        Directory.CreateDirectory(folder);
        foreach (var file in Files)
        {
            File.Copy(RepoFiles.Path("fixtures", "profiles", file), Path.Combine(folder, file));
        }
    }

    private static Dictionary<string, string> Environment(EmulatorServer server) => new()
    {
        ["ReviewPanel__Llm__Endpoints__default__Endpoint"] = server.BaseUri.ToString(),
        ["ReviewPanel__Llm__Endpoints__default__Deployment"] = "gpt-4o-mini",
        ["ReviewPanel__Llm__Endpoints__default__ApiKey"] = Key,
        ["ReviewPanel__Llm__Endpoints__default__Rpm"] = "100000",
        ["ReviewPanel__Llm__Endpoints__default__Tpm"] = "100000000",
        // One profile at a time, so "after N profiles" is exact: the budget is checked before each one starts.
        ["ReviewPanel__Panel__MaxParallelProfiles"] = "1",
        // Expensive on purpose: one profile (about 13k prompt tokens over four personas) costs about 13 USD.
        ["ReviewPanel__Pricing__Deployments__gpt-4o-mini__InputPer1M"] = "1000",
        ["ReviewPanel__Pricing__Deployments__gpt-4o-mini__OutputPer1M"] = "1000",
    };

    [Fact]
    public async Task Review_MaxCostReached_StopsStartingProfiles_KeepsWhatWasDone_ExitsTwo_AndARerunFinishesTheRest()
    {
        CopyProfiles();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 5, ApiKey = Key });
        var env = Environment(server);

        var stopped = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--max-cost", "1", "--format", "json");

        Assert.True(stopped.ExitCode == 2, stopped.Stdout + stopped.Stderr);
        Assert.Contains("stopped at max cost 1 USD after 1 profiles", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 not reviewed", stopped.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stopped.Stderr, StringComparison.Ordinal);
        var json = JsonDocument.Parse(stopped.Stdout).RootElement;
        var reviewed = Assert.Single(json.GetProperty("profiles").EnumerateArray());
        Assert.NotEqual("error", reviewed.GetProperty("verdict").GetString());
        Assert.Equal(3, json.GetProperty("notReviewed").GetArrayLength());
        Assert.Equal(LlmTestData.ShippedPersonaCount, server.RequestCount()); // every persona for the one profile, nothing for the rest
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, env, "show", reviewed.GetProperty("profileId").GetString()!)).ExitCode);

        // Without the limit the rest is reviewed; the first profile comes from the cache.
        var rest = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--format", "json");

        Assert.True(rest.ExitCode is 0 or 1, rest.Stdout + rest.Stderr);
        Assert.Equal(4, JsonDocument.Parse(rest.Stdout).RootElement.GetProperty("profiles").GetArrayLength());
        Assert.Equal(4 * LlmTestData.ShippedPersonaCount, server.RequestCount());
    }

    [Fact]
    public async Task Review_DryRun_EstimatesTheTokensTheRealRunIsCharged_WithoutCallingOrRecording()
    {
        CopyProfiles();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 6, ApiKey = Key });
        var env = Environment(server);

        var dry = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--dry-run", "--format", "json");

        Assert.True(dry.ExitCode == 0, dry.Stdout + dry.Stderr);
        Assert.Equal(0, server.RequestCount());
        var total = JsonDocument.Parse(dry.Stdout).RootElement.GetProperty("total");
        Assert.Equal(4 * LlmTestData.ShippedPersonaCount, total.GetProperty("calls").GetInt32());
        var estimatedPrompt = total.GetProperty("promptTokens").GetInt64();
        var maxOutput = total.GetProperty("maxOutputTokens").GetInt64();
        Assert.Equal((estimatedPrompt + maxOutput) * 1000m / 1_000_000m, total.GetProperty("cost").GetDecimal());
        Assert.Equal(2, (await CliProcess.RunAsync(_dir.Path, env, "show", "INFRAS.DEVOPSSIA2C1.P6")).ExitCode); // nothing recorded
        var table = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--dry-run");
        Assert.Contains($"dry run: 4 profile(s), {4 * LlmTestData.ShippedPersonaCount} model call(s)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing was called or recorded", table.Stdout, StringComparison.Ordinal);

        // The real run: the emulator counts prompt tokens as characters / 4 too, so the estimate must match closely.
        var real = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--format", "json");
        var input = JsonDocument.Parse(real.Stdout).RootElement.GetProperty("profiles").EnumerateArray().Sum(p => p.GetProperty("inputTokens").GetInt64());
        Assert.InRange(estimatedPrompt, input * 0.98, input * 1.02);
    }

    [Fact]
    public async Task Worker_MaxCostReached_ClaimsNothingMore_ExitsTwo_AndTheRestStayQueued()
    {
        CopyProfiles();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 7, ApiKey = Key });
        var env = Environment(server);
        env["ReviewPanel__Worker__Panel"] = "llm";
        env["ReviewPanel__Worker__MaxInFlight"] = "1";
        env["ReviewPanel__Worker__HttpPort"] = "0";
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, env, "enqueue", "in")).ExitCode);

        var worker = await CliProcess.RunAsync(_dir.Path, env, "worker", "--exit-when-idle", "--max-cost", "1");

        Assert.True(worker.ExitCode == 2, worker.Stdout + worker.Stderr);
        Assert.Contains("stopped at max cost 1 USD after 1 profiles", worker.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Stderr, StringComparison.Ordinal);
        Assert.Equal(LlmTestData.ShippedPersonaCount, server.RequestCount());
        var queue = await CliProcess.RunAsync(_dir.Path, env, "queue", "--format", "json");
        var counts = JsonDocument.Parse(queue.Stdout).RootElement.GetProperty("counts");
        Assert.Equal((3, 1), (counts.GetProperty("queued").GetInt32(), counts.GetProperty("done").GetInt32()));
    }

    // A tight TPM with a 429 storm on top: the limiter holds calls, every 429 is retried, and no profile is lost or errored.
    [Fact]
    public async Task Review_TightTpmAnd429s_EveryProfileGetsAVerdictNoneErrored()
    {
        CopyProfiles();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Seed = 8,
            ApiKey = Key,
            Default = new DeploymentBehavior { Rate429 = 0.3, RetryAfterMs = 50, LatencyMs = 20 },
        });
        var env = Environment(server);
        // 50,000 tokens per 10 s window: the 16 calls (about 4,300 tokens charged each) need two windows or more.
        env["ReviewPanel__Llm__Endpoints__default__Tpm"] = "300000";
        env["ReviewPanel__Llm__Endpoints__default__RetryBaseDelayMs"] = "50";
        env.Remove("ReviewPanel__Panel__MaxParallelProfiles");

        var review = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--format", "json");

        Assert.True(review.ExitCode is 0 or 1, review.Stdout + review.Stderr);
        var profiles = JsonDocument.Parse(review.Stdout).RootElement.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal(4, profiles.Count);
        Assert.All(profiles, p => Assert.NotEqual("error", p.GetProperty("verdict").GetString()));
        Assert.True(server.StatusCount(429) > 0, "the storm must have throttled some calls");
        Assert.Equal(4 * LlmTestData.ShippedPersonaCount, server.StatusCount(200));
    }
}
