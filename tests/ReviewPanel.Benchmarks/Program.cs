using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using ReviewPanel.Benchmarks;

// Modes (dotnet run -c Release --project tests/ReviewPanel.Benchmarks -- MODE ...):
//   offline [sizes, default 1000,10000]   offline scale; each size in its own child process so peak memory is its own
//   llm|rerun [--profiles N] [--rpm R] [--tpm T] [--concurrency C] [--estimated-tokens E]
//                                         end to end against the emulator, then the same profiles again from the cache
//   micro [BenchmarkDotNet args]          import, grounding check, aggregation, hash chain append
//   probe [N, default 100]                N originals × every defect class through the offline panel and SQLite
//   heuristics [N, default 500]           CPU per heuristic reviewer and import, per profile
//   quota [--profiles N] [--tpm T] [--rpm R]
//                                         ReviewPanel's LLM panel and promptfoo (PROMPTFOO_BIN) side by side, each behind
//                                         an Azure-like quota proxy in front of the emulator
//   prompt-tokens [FILE]                  per persona: prompt chars/4 + max_tokens, as Azure admits a request
//   review [sizes, default 1000,10000]    end to end: `reviewpanel review <N profiles> --format json` as a process,
//                                         start included, with its peak memory (builds the CLI in Release first)
//   (child mode: offline-one N FIXTURE)
if (args is ["offline-one", var n, var fixture])
{
    var m = await OfflineBatch.MeasureAsync(int.Parse(n, CultureInfo.InvariantCulture), fixture);
    Console.WriteLine(m.ToLine());
    return 0;
}
if (args is ["review", ..])
{
    var e2eSizes = (args.Length > 1 ? args[1] : "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    return await EndToEnd.RunAsync(e2eSizes, Root.Find(), Path.GetFullPath(Path.Combine(Root.Find(), "fixtures", "profiles", "data-platform-p4.txt")));
}
if (args is ["probe", ..])
{
    var originals = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
    return await ProbeBatch.RunAsync(originals, Path.GetFullPath(Path.Combine(Root.Find(), "fixtures", "profiles", "data-platform-p4.txt")));
}
if (args is ["heuristics", ..])
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
    return await HeuristicCosts.RunAsync(count, Path.GetFullPath(Path.Combine(Root.Find(), "fixtures", "profiles", "data-platform-p4.txt")));
}
if (args is ["prompt-tokens", ..])
{
    var root = Root.Find();
    return PromptTokens.Run(root, Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(root, "fixtures", "profiles", "devops-sre-p6.txt")));
}
if (args is ["quota", ..])
{
    var flags = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    int Flag(string name, int fallback) => flags.TryGetValue(name, out var v) ? v : fallback;
    return await ReviewPanel.Benchmarks.Quota.QuotaBench.RunAsync(Flag("--profiles", 100), Flag("--rpm", 600), Flag("--tpm", 2_000_000), Root.Find());
}
if (args is ["micro", ..])
{
    BenchmarkRunner.Run<MicroBenchmarks>(args: args[1..]);
    return 0;
}
if (args is ["llm" or "rerun", ..])
{
    var flags = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    int Flag(string name, int fallback) => flags.TryGetValue(name, out var v) ? v : fallback;
    // The defaults make TPM the binding bound: 21M TPM at the ~3 300 tokens a shipped persona's call really uses is
    // ~105 requests/s (2 000 profiles × 4 personas + 10% throttled ≈ 8 900 requests, about 85 s), with RPM (120/s)
    // and concurrency (40 / 250 ms = 160/s) above it. The 5 000-token estimate is deliberately rough: the TPM
    // limiter must learn the real usage or the ratio drops to ~0.66. Two shared cores cannot serve much more.
    var quota = new LlmQuota(
        Rpm: Flag("--rpm", 7_200),
        Tpm: Flag("--tpm", 21_000_000),
        MaxConcurrency: Flag("--concurrency", 40),
        EstimatedTokensPerCall: Flag("--estimated-tokens", 5_000),
        LatencyMs: 200,
        JitterMs: Flag("--jitter-ms", 100),
        Rate429: 0.10,
        RetryAfterMs: 20);
    return await LlmBatch.RunAsync(Flag("--profiles", 2_000), Root.Find(), quota);
}
if (args.Length == 0 || args[0] != "offline")
{
    Console.Error.WriteLine("usage: offline [sizes] | review [sizes] | probe [N] | llm [--profiles N] [--rpm R] [--tpm T] [--concurrency C] [--estimated-tokens E] | rerun ... | micro");
    return 2;
}
var sizes = (args.Length > 1 ? args[1] : "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var fixturePath = Path.GetFullPath(Path.Combine(Root.Find(), "fixtures", "profiles", "data-platform-p4.txt"));
var results = new List<Measurement>();
foreach (var size in sizes)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { typeof(OfflineBatch).Assembly.Location, "offline-one", size.ToString(CultureInfo.InvariantCulture), fixturePath })
    {
        start.ArgumentList.Add(a);
    }
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) != "dotnet")
    {
        start.ArgumentList.RemoveAt(0);
    }
    using var child = Process.Start(start)!;
    var line = (await child.StandardOutput.ReadToEndAsync()).Trim().Split('\n')[^1];
    await child.WaitForExitAsync();
    results.Add(Measurement.Parse(line));
}

Console.WriteLine($"{"profiles",9} {"import-only s",14} {"full s",8} {"profiles/s",11} {"full/import",12} {"peak MiB",9} {"verdicts",9}");
foreach (var r in results)
{
    Console.WriteLine($"{r.Profiles,9} {r.ImportSeconds,14:0.00} {r.FullSeconds,8:0.00} {r.Profiles / r.FullSeconds,11:0} {r.FullSeconds / r.ImportSeconds,12:0.0} {r.PeakMiB,9:0} {r.Recorded,9}");
}
if (results.Count >= 2)
{
    Console.WriteLine($"peak memory ratio {results[^1].Profiles}/{results[0].Profiles} profiles: {results[^1].PeakMiB / results[0].PeakMiB:0.00} (flat means well under the batch-size ratio {(double)results[^1].Profiles / results[0].Profiles:0})");
}
return 0;
