using System.Diagnostics;
using System.Globalization;
using ReviewPanel.Benchmarks;

// Offline scale benchmark: each batch size runs in its own child process so peak memory is that run's alone.
//   dotnet run -c Release --project tests/ReviewPanel.Benchmarks -- offline [sizes, default 1000,10000]
//   (child mode: offline-one N FIXTURE)
if (args is ["offline-one", var n, var fixture])
{
    var m = await OfflineBatch.MeasureAsync(int.Parse(n, CultureInfo.InvariantCulture), fixture);
    Console.WriteLine(m.ToLine());
    return 0;
}
if (args.Length == 0 || args[0] != "offline")
{
    Console.Error.WriteLine("usage: offline [comma-separated batch sizes, default 1000,10000]");
    return 2;
}
var sizes = (args.Length > 1 ? args[1] : "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var fixturePath = Path.GetFullPath(Path.Combine(FindRoot(), "fixtures", "profiles", "data-platform-p4.txt"));
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

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ReviewPanel.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("ReviewPanel.sln not found");
}
