using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Panel;
using ReviewPanel.Probing;
using ReviewPanel.Storage;

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
            await using var services = BenchHost.Build(Path.Combine(dir.FullName, "history.db"));
            var store = services.GetRequiredService<IReviewStore>();
            await store.InitializeAsync(CancellationToken.None);
            var probes = services.GetRequiredService<ProbeService>();

            var watch = Stopwatch.StartNew();
            var result = await probes.RunAsync(PanelKind.Offline, "bench probe", new ProbeRequest { Paths = [dir.FullName] }, CancellationToken.None);
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
