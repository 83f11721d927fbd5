using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Emulator;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Benchmarks.Quota;

/// <summary>
/// <c>quota [--profiles N] [--tpm T] [--rpm R]</c>: the same N generated profiles reviewed by ReviewPanel's LLM panel
/// (the product's registration) and by promptfoo (one <c>llm-rubric</c> assertion per rubric dimension), each through
/// its own Azure-like quota proxy in front of the one emulator (200 ms per answer). Reports what each tool costs
/// against the quota: calls and tokens per profile as the proxy charged them, 429s, lost and errored profiles, and
/// profiles per quota-minute = 1 / max(calls per profile / RPM, tokens per profile / TPM), the rate a saturated
/// deployment would sustain; wall-clock profiles per minute beside it.
/// </summary>
internal static class QuotaBench
{
    private const string Deployment = "panel";

    public static async Task<int> RunAsync(int count, int rpm, int tpm, string root)
    {
        var dir = Directory.CreateTempSubdirectory("reviewpanel-quota-bench-");
        try
        {
            var files = await ProfileFiles.WriteAsync(Path.Combine(root, "fixtures", "profiles", "data-platform-p4.txt"), dir.FullName, count);
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Seed = 13,
                Default = new DeploymentBehavior { Policy = EmulatorPolicy.Grader, Score = 5, LatencyMs = 200 },
            });
            Console.WriteLine($"quota: rpm={rpm} tpm={tpm}, charged on arrival prompt chars/4 + max_tokens ({QuotaProxy.DefaultMaxTokens} when absent), sliding 60 s window, +10% random 429; emulator 200 ms; {count} profiles from data-platform-p4.txt");

            var results = new List<ToolResult>();
            await using (var proxy = await QuotaProxy.StartAsync(emulator.BaseUri, rpm, tpm, 0.10, seed: 1))
            {
                results.Add(await ReviewPanelAsync(files, dir.FullName, proxy, emulator.ApiKey, rpm, tpm));
            }
            await using (var proxy = await QuotaProxy.StartAsync(emulator.BaseUri, rpm, tpm, 0.10, seed: 2))
            {
                results.Add(await PromptfooAsync(files, dir.FullName, root, proxy, emulator.ApiKey));
            }

            Console.WriteLine();
            Console.WriteLine($"{"tool",-12} {"profiles",8} {"lost",5} {"errored",8} {"calls/prof",11} {"tokens/prof",12} {"429 quota",10} {"429 random",11} {"wall s",7} {"prof/min wall",14} {"prof/quota-min",15}");
            foreach (var r in results)
            {
                Console.WriteLine(r.Note is { } note
                    ? $"{r.Tool,-12} not run: {note}"
                    : $"{r.Tool,-12} {count,8} {r.Lost,5} {r.Errored,8} {r.CallsPerProfile(count),11:0.00} {r.TokensPerProfile(count),12:N0} {r.Counters.Quota429,10} {r.Counters.Random429,11} {r.Wall.TotalSeconds,7:0.0} {count / r.Wall.TotalMinutes,14:0.0} {r.PerQuotaMinute(count, rpm, tpm),15:0.0}");
            }
            foreach (var r in results.Where(r => r.Note is null))
            {
                Console.WriteLine($"{r.Tool}: max_tokens sent {string.Join(", ", r.Counters.MaxTokens.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).Select(kv => $"{(kv.Key < 0 ? "none" : kv.Key.ToString(CultureInfo.InvariantCulture))} ×{kv.Value}"))}");
            }
            if (results is [{ Note: null } rp, { Note: null } pf])
            {
                Console.WriteLine();
                Console.WriteLine($"ReviewPanel/promptfoo: tokens per profile {rp.TokensPerProfile(count) / pf.TokensPerProfile(count):0.00}x (target <= 0.5), " +
                    $"profiles per quota-minute {rp.PerQuotaMinute(count, rpm, tpm) / pf.PerQuotaMinute(count, rpm, tpm):0.00}x (target >= 1.8), " +
                    $"wall-clock profiles per minute {pf.Wall / rp.Wall:0.00}x, calls per profile {rp.CallsPerProfile(count) / pf.CallsPerProfile(count):0.00}x");
            }
            return results.All(r => r.Note is null && r.Lost == 0 && r.Errored == 0) ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static async Task<ToolResult> ReviewPanelAsync(List<string> files, string dir, QuotaProxy proxy, string apiKey, int rpm, int tpm)
    {
        var at = "ReviewPanel:Llm:Endpoints:default:";
        var inv = CultureInfo.InvariantCulture;
        var settings = new Dictionary<string, string?>
        {
            [at + "Provider"] = LlmProviders.AzureOpenAI,
            [at + "Endpoint"] = proxy.BaseUri.ToString(),
            [at + "Deployment"] = Deployment,
            [at + "ApiKey"] = apiKey,
            // The deployment's quota, as an operator would configure it.
            [at + "Rpm"] = rpm.ToString(inv),
            [at + "Tpm"] = tpm.ToString(inv),
            [at + "MaxConcurrency"] = "32",
            [at + "TimeoutSeconds"] = "60",
        };
        await using var services = BenchHost.Build(Path.Combine(dir, "history.db"), settings);
        var store = services.GetRequiredService<IReviewStore>();
        await store.InitializeAsync(CancellationToken.None);
        var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.Llm, fresh: true);
        var batch = services.GetRequiredService<BatchRunner>();
        var run = new RunProvenance
        {
            RunId = "quota-bench",
            ToolVersion = "bench",
            RubricSha256 = "bench",
            Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
            Command = "bench quota",
            StartedAt = TimeProvider.System.GetUtcNow(),
        };
        var before = proxy.Snapshot();
        var watch = Stopwatch.StartNew();
        var result = await batch.RunAsync(panel, run, files, 32, null, CancellationToken.None);
        var wall = watch.Elapsed;
        long recorded = 0;
        await foreach (var _ in store.GetRunVerdictsAsync(run.RunId, CancellationToken.None))
        {
            recorded++;
        }
        var errored = result.Profiles.Count(p => p.Verdict == VerdictOutcome.Error);
        return new ToolResult("ReviewPanel", proxy.Snapshot().Minus(before), wall, files.Count - recorded, errored, null);
    }

    private static async Task<ToolResult> PromptfooAsync(List<string> files, string dir, string root, QuotaProxy proxy, string apiKey)
    {
        var bin = Environment.GetEnvironmentVariable("PROMPTFOO_BIN") ?? "promptfoo";
        var work = Directory.CreateDirectory(Path.Combine(dir, "promptfoo")).FullName;
        var config = Path.Combine(work, "promptfooconfig.json");
        await File.WriteAllTextAsync(config, PromptfooConfig(files, RubricSections(Path.Combine(root, "prompts", "rubric.md")), proxy.BaseUri).ToJsonString());
        var output = Path.Combine(work, "results.json");
        var start = new ProcessStartInfo(bin)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "eval", "-c", config, "-o", output, "--no-cache", "--no-table", "--no-progress-bar", "-j", "16" })
        {
            start.ArgumentList.Add(a);
        }
        // Offline and quiet: no telemetry, update check or sharing; its own config folder; the key only in its environment.
        start.Environment["PROMPTFOO_CONFIG_DIR"] = Path.Combine(work, ".promptfoo");
        start.Environment["PROMPTFOO_DISABLE_TELEMETRY"] = "1";
        start.Environment["PROMPTFOO_DISABLE_UPDATE"] = "1";
        start.Environment["PROMPTFOO_DISABLE_SHARING"] = "1";
        start.Environment["PROMPTFOO_DISABLE_REMOTE_GENERATION"] = "true";
        start.Environment["OPENAI_API_KEY"] = apiKey;
        var before = proxy.Snapshot();
        var watch = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new ToolResult("promptfoo", before, TimeSpan.Zero, 0, 0, $"'{bin}' could not be started ({ex.Message}); set PROMPTFOO_BIN to promptfoo 0.118.0's executable");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var wall = watch.Elapsed;
            var counters = proxy.Snapshot().Minus(before);
            if (!File.Exists(output))
            {
                var tail = string.Join(" | ", (await stderr + await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
                return new ToolResult("promptfoo", counters, wall, 0, 0, $"exit code {process.ExitCode}, no results file: {tail}");
            }
            var (lost, errored) = PromptfooOutcome(await File.ReadAllTextAsync(output), files.Count);
            return new ToolResult("promptfoo", counters, wall, lost, errored, null);
        }
    }

    /// <summary>The rubric's dimension sections, verbatim: the text each llm-rubric assertion grades against.</summary>
    private static List<string> RubricSections(string rubricPath)
    {
        var text = File.ReadAllText(rubricPath).ReplaceLineEndings("\n");
        return [.. text.Split("\n## ").Skip(1).Select(s => ("Rubric dimension: " + s.Trim()))];
    }

    // The profile is the output under test (the echo provider returns the prompt); the grader is the deployment behind
    // the proxy through promptfoo's OpenAI-compatible provider.
    private static JsonObject PromptfooConfig(List<string> files, List<string> sections, Uri proxy) => new()
    {
        ["description"] = "ReviewPanel quota benchmark: one llm-rubric per rubric dimension",
        ["prompts"] = new JsonArray("{{profile}}"),
        ["providers"] = new JsonArray("echo"),
        ["defaultTest"] = new JsonObject
        {
            ["options"] = new JsonObject
            {
                ["provider"] = new JsonObject
                {
                    ["id"] = $"openai:chat:{Deployment}",
                    ["config"] = new JsonObject { ["apiBaseUrl"] = new Uri(proxy, "v1").ToString() },
                },
            },
            ["assert"] = new JsonArray([.. sections.Select(s => (JsonNode)new JsonObject { ["type"] = "llm-rubric", ["value"] = s })]),
        },
        ["tests"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
        {
            ["description"] = Path.GetFileName(f),
            ["vars"] = new JsonObject { ["profile"] = "file://" + f },
        })]),
    };

    /// <summary>Profiles with no result row (lost) and rows that ended in an error rather than a grade (errored).</summary>
    private static (long Lost, long Errored) PromptfooOutcome(string json, int count)
    {
        var root = JsonNode.Parse(json)!;
        var rows = root["results"]?["results"] as JsonArray ?? [];
        var described = rows.Select(r => r?["testCase"]?["description"]?.GetValue<string>()).Where(d => d is not null).Distinct().Count();
        long errored = rows.Count(r =>
            r?["error"] is JsonValue e && e.TryGetValue<string>(out var s) && s.Length > 0
            || r?["failureReason"] is JsonValue f && f.TryGetValue<int>(out var reason) && reason == 2
            || r?["success"] is JsonValue ok && ok.TryGetValue<bool>(out var passed) && !passed);
        return (count - described, errored);
    }

    private sealed record ToolResult(string Tool, QuotaCounters Counters, TimeSpan Wall, long Lost, long Errored, string? Note)
    {
        public double CallsPerProfile(int count) => Counters.Admitted / (double)count;

        public double TokensPerProfile(int count) => Counters.ChargedTokens / (double)count;

        public double PerQuotaMinute(int count, int rpm, int tpm) =>
            1 / Math.Max(CallsPerProfile(count) / rpm, TokensPerProfile(count) / tpm);
    }
}
