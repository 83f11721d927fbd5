using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Probing;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// <c>probe [N]</c>: N distinct originals (default 100) × every defect class through the offline panel, the batch runner
/// and SQLite, as <c>reviewpanel probe --panel offline</c> runs them, then the report rebuilt from the history.
/// </summary>
internal static class ProbeBatch
{
    public static async Task<int> RunAsync(int count, string fixture)
    {
        var dir = Directory.CreateTempSubdirectory("reviewpanel-probe-bench-");
        try
        {
            var files = await ProfileFiles.WriteAsync(fixture, dir.FullName, count);
            var store = new SqliteReviewStore(Options.Create(new StoreOptions { Path = Path.Combine(dir.FullName, "history.db") }),
                TimeProvider.System, NullLogger<SqliteReviewStore>.Instance);
            await store.InitializeAsync(CancellationToken.None);
            var importer = new ProfileImporter();
            var gate = new GateOptions();
            var panel = new PanelRunner(HeuristicPanel.CreateDefault(), null, gate, "bench", new StoreReviewCache(store), false, TimeProvider.System,
                NullLogger<PanelRunner>.Instance);
            var runs = 0;
            var probePanel = new BatchProbePanel(new BatchRunner(importer, store, TimeProvider.System, NullLogger<BatchRunner>.Instance), panel,
                () => new RunProvenance
                {
                    RunId = string.Create(CultureInfo.InvariantCulture, $"bench-probe-{++runs}"),
                    ToolVersion = "bench",
                    RubricSha256 = "bench",
                    Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
                    Command = "bench probe",
                    StartedAt = TimeProvider.System.GetUtcNow(),
                    Settings = new Dictionary<string, string> { ["panel"] = "offline", ["gate.passThreshold"] = "4" },
                }, Environment.ProcessorCount);

            var watch = Stopwatch.StartNew();
            var result = await new ProbeRunner(importer, store).RunAsync(probePanel, new ProbeRequest { Paths = [dir.FullName] }, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            var report = result.Report ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
            var mutants = report.Classes.Sum(c => c.Mutants);
            var chain = await store.VerifyChainAsync(CancellationToken.None);
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"{"originals",10} {"passed",7} {"classes",8} {"mutants",8} {"wall s",7} {"reviews/s",10} {"peak MiB",9} {"chain",6}");
            Console.WriteLine($"{count,10} {report.Originals.Passed,7} {report.Classes.Count,8} {mutants,8} {seconds,7:0.00} {(count + mutants) / seconds,10:0} {self.PeakWorkingSet64 / 1024.0 / 1024.0,9:0} {(chain.Intact ? "ok" : "BROKEN"),6}");
            foreach (var c in report.Classes)
            {
                Console.WriteLine(c.Summary);
            }
            return chain.Intact && report.Originals.Passed == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
