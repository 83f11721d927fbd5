using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Storage;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// Writes N distinct profiles (the clean fixture with its own code line and one varied bullet), then measures
/// (1) the baseline: importing every file, and (2) the whole offline path: import, heuristics, gate, SQLite record.
/// </summary>
internal static class OfflineBatch
{
    public static async Task<Measurement> MeasureAsync(int count, string fixture)
    {
        var dir = Directory.CreateTempSubdirectory("reviewpanel-bench-");
        try
        {
            var files = await ProfileFiles.WriteAsync(fixture, dir.FullName, count);

            var importer = new ProfileImporter();
            var watch = Stopwatch.StartNew();
            var imported = files.Count(f => importer.Import(f).IsSuccess);
            var importSeconds = watch.Elapsed.TotalSeconds;
            if (imported != count)
            {
                throw new InvalidOperationException($"only {imported} of {count} imported");
            }

            await using var services = BenchHost.Build(Path.Combine(dir.FullName, "history.db"));
            var store = services.GetRequiredService<IReviewStore>();
            await store.InitializeAsync(CancellationToken.None);
            var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.Offline, fresh: false);
            var batch = services.GetRequiredService<BatchRunner>();
            var run = new RunProvenance
            {
                RunId = "bench-" + count,
                ToolVersion = "bench",
                RubricSha256 = "bench",
                Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
                Command = "bench",
                StartedAt = TimeProvider.System.GetUtcNow(),
            };
            watch.Restart();
            var result = await batch.RunAsync(panel, run, files, Environment.ProcessorCount, null, CancellationToken.None);
            var fullSeconds = watch.Elapsed.TotalSeconds;

            long recorded = 0;
            await foreach (var _ in store.GetRunVerdictsAsync(run.RunId, CancellationToken.None))
            {
                recorded++;
            }
            if (result.Profiles.Count != count || recorded != count)
            {
                throw new InvalidOperationException($"{result.Profiles.Count} summaries, {recorded} recorded, expected {count}");
            }
            using var self = Process.GetCurrentProcess();
            return new Measurement(count, importSeconds, fullSeconds, self.PeakWorkingSet64 / 1024.0 / 1024.0, recorded);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
