using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Emulator;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// End to end against the in-process emulator: N profiles × the shipped LLM personas through the real Azure OpenAI
/// client, Polly pipeline (quota limiters, retries on 429), panel, gate and SQLite; then the same N again with the
/// store as cache. Token counts come from the ReviewPanel meter, request counts from the emulator.
/// </summary>
internal static class LlmBatch
{
    public static async Task<int> RunAsync(int count, string root, LlmQuota quota)
    {
        var dir = Directory.CreateTempSubdirectory("reviewpanel-llm-bench-");
        try
        {
            var files = await ProfileFiles.WriteAsync(Path.Combine(root, "fixtures", "profiles", "data-platform-p4.txt"), dir.FullName, count);
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Seed = 11,
                Default = new DeploymentBehavior
                {
                    Score = 5,
                    LatencyMs = quota.LatencyMs,
                    JitterMs = quota.JitterMs,
                    Rate429 = quota.Rate429,
                    RetryAfterMs = quota.RetryAfterMs,
                },
            });
            var at = "ReviewPanel:Llm:Endpoints:default:";
            var settings = new Dictionary<string, string?>
            {
                [at + "Provider"] = LlmProviders.AzureOpenAI,
                [at + "Endpoint"] = server.BaseUri.ToString(),
                [at + "Deployment"] = "panel",
                [at + "ApiKey"] = server.ApiKey,
                [at + "Rpm"] = quota.Rpm.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [at + "Tpm"] = quota.Tpm.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [at + "MaxConcurrency"] = quota.MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [at + "EstimatedTokensPerCall"] = quota.EstimatedTokensPerCall.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [at + "MaxRetries"] = "10",
                [at + "RetryBaseDelayMs"] = "50",
                [at + "TimeoutSeconds"] = "30",
                // Throttling is the benchmark's premise, not an outage.
                [at + "CircuitBreaker:FailureRatio"] = "1.0",
                [at + "CircuitBreaker:MinimumThroughput"] = "1000000",
            };
            await using var services = BenchHost.Build(Path.Combine(dir.FullName, "history.db"), settings);
            var store = services.GetRequiredService<IReviewStore>();
            await store.InitializeAsync(CancellationToken.None);
            var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.Llm, fresh: false);
            var batch = services.GetRequiredService<BatchRunner>();
            // Enough profiles in flight that the limiters, not the batch, decide the pace.
            var parallel = Math.Max(8, quota.MaxConcurrency);

            using var tokens = new TokenTally();
            var first = await RunOnceAsync(batch, panel, store, files, parallel, "llm-bench-1", server);
            var tokensPerCall = tokens.Total / (double)Math.Max(1, first.Ok);
            var second = await RunOnceAsync(batch, panel, store, files, parallel, "llm-bench-2", server);

            var (rpm, tpm, conc) = quota.Bounds(tokensPerCall);
            var bound = Math.Min(rpm, Math.Min(tpm, conc));
            var binding = bound == rpm ? "rpm" : bound == tpm ? "tpm" : "concurrency";
            Console.WriteLine($"quota: rpm={quota.Rpm} tpm={quota.Tpm} concurrency={quota.MaxConcurrency} estimated-tokens/call={quota.EstimatedTokensPerCall}; " +
                $"emulator latency {quota.LatencyMs}+[0,{quota.JitterMs}) ms, {quota.Rate429:P0} 429 (retry-after-ms {quota.RetryAfterMs})");
            Console.WriteLine($"bounds (requests/s): rpm {rpm:0.0}, tpm {tpm:0.0} at {tokensPerCall:0} tokens/call, concurrency {conc:0.0} => {bound:0.0} ({binding})");
            Console.WriteLine();
            Console.WriteLine($"{"run",-7} {"profiles",8} {"lost",5} {"requests",9} {"429",5} {"ok calls",9} {"wall s",7} {"req/s",7} {"ok/s",7} {"req/bound",10} {"ok/bound",9} {"cpu s",6}");
            foreach (var r in new[] { first, second })
            {
                var wall = r.Wall.TotalSeconds;
                Console.WriteLine($"{r.Name,-7} {count,8} {r.Lost,5} {r.Requests,9} {r.Throttled,5} {r.Ok,9} {wall,7:0.0} {r.Requests / wall,7:0.0} {r.Ok / wall,7:0.0} " +
                    $"{r.Requests / wall / bound,10:0.00} {r.Ok / wall / bound,9:0.00} {r.Cpu.TotalSeconds,6:0.0}");
            }
            Console.WriteLine();
            Console.WriteLine($"rerun: {second.Requests} model calls, wall time {second.Wall.TotalSeconds / first.Wall.TotalSeconds:0.000} of the first run");
            return first.Lost == 0 && second.Lost == 0 && second.Requests == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static async Task<RunNumbers> RunOnceAsync(BatchRunner batch, PanelRunner panel, IReviewStore store, List<string> files, int parallel, string runId, EmulatorServer server)
    {
        var requestsBefore = server.RequestCount();
        var okBefore = server.StatusCount(200);
        var throttledBefore = server.StatusCount(429);
        var run = new RunProvenance
        {
            RunId = runId,
            ToolVersion = "bench",
            RubricSha256 = "bench",
            Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
            Command = "bench llm",
            StartedAt = TimeProvider.System.GetUtcNow(),
        };
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await batch.RunAsync(panel, run, files, parallel, null, CancellationToken.None);
        var wall = watch.Elapsed;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        long recorded = 0;
        await foreach (var _ in store.GetRunVerdictsAsync(runId, CancellationToken.None))
        {
            recorded++;
        }
        // Every profile passes with the emulator's 5s: anything else (error, missing) is a lost profile.
        var lost = files.Count - Math.Min(recorded, result.Profiles.Count(p => p.Verdict == VerdictOutcome.Pass));
        return new RunNumbers(runId.EndsWith('1') ? "first" : "rerun", wall, lost,
            server.RequestCount() - requestsBefore, server.StatusCount(200) - okBefore, server.StatusCount(429) - throttledBefore, cpu);
    }

    private sealed record RunNumbers(string Name, TimeSpan Wall, long Lost, int Requests, int Ok, int Throttled, TimeSpan Cpu);

    /// <summary>Sums the token counters of the ReviewPanel meter: the same numbers an operator's dashboard shows.</summary>
    private sealed class TokenTally : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public TokenTally()
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                // By name: the benchmark runs one container per process, so every ReviewPanel meter here is its own.
                if (i.Meter.Name == ReviewPanelMetrics.MeterName && i.Name.StartsWith("reviewpanel.llm.tokens.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref _total, v));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
