using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Panel;
using ReviewPanel.Serialization;
using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// <c>heuristics [N]</c>: where the offline path's CPU goes. Imports N distinct generated profiles once, then times each
/// heuristic reviewer alone over all of them (after one warm-up pass), and prints milliseconds per profile and its
/// share of the total, with import for comparison.
/// </summary>
internal static class HeuristicCosts
{
    public static async Task<int> RunAsync(int count, string fixture)
    {
        var dir = Directory.CreateTempSubdirectory("reviewpanel-heuristics-bench-");
        try
        {
            var files = await ProfileFiles.WriteAsync(fixture, dir.FullName, count);
            var importer = new ProfileImporter();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var profiles = files.Select(f => importer.Import(f).Profile!).ToList();
            var import = watch.Elapsed.TotalMilliseconds;
            var rows = new List<(string Name, double Ms, long Bytes)> { ("import", import, GC.GetAllocatedBytesForCurrentThread() - allocated) };
            foreach (var reviewer in HeuristicPanel.CreateDefault())
            {
                await reviewer.ReviewAsync(profiles[0], CancellationToken.None);
                allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                foreach (var profile in profiles)
                {
                    await reviewer.ReviewAsync(profile, CancellationToken.None);
                }
                rows.Add((reviewer.Descriptor.Id, watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated));
            }
            // The whole panel on top (all reviewers, grounding, gate, provenance), then what recording a report costs
            // before any SQL: its canonical JSON. The panel row includes the heuristics above, so it is not in the share.
            await using var services = BenchHost.Build(Path.Combine(dir.FullName, "history.db"));
            var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.Offline, fresh: false);
            var reports = new List<ProfileReport>(profiles.Count);
            var extra = new List<(string Name, double Ms, long Bytes)>();
            await panel.ReviewAsync("bench", profiles[0], CancellationToken.None);
            allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            foreach (var profile in profiles)
            {
                reports.Add(await panel.ReviewAsync("bench", profile, CancellationToken.None));
            }
            extra.Add(("whole offline panel", watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated));
            allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            foreach (var report in reports)
            {
                _ = JsonSerializer.Serialize(report, ReviewPanelJson.Canonical);
            }
            extra.Add(("report canonical JSON", watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated));
            allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            foreach (var report in reports)
            {
                _ = ProfileSummary.From(report);
            }
            extra.Add(("summary", watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated));

            var total = rows.Sum(r => r.Ms);
            // Allocation is the other half of the cost: what a step allocates, the GC must collect, on every core.
            Console.WriteLine($"{"step",-30} {"ms/profile",11} {"share",7} {"KiB alloc/profile",18}");
            foreach (var (name, ms, bytes) in rows.OrderByDescending(r => r.Ms))
            {
                Console.WriteLine($"{name,-30} {ms / count,11:0.000} {ms / total,7:P0} {bytes / 1024.0 / count,18:0.0}");
            }
            foreach (var (name, ms, bytes) in extra)
            {
                Console.WriteLine($"{name,-30} {ms / count,11:0.000} {"",7} {bytes / 1024.0 / count,18:0.0}");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
