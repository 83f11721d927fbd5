using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// The product as a user runs it: builds the CLI (Release) once, then for each size writes N distinct profiles and
/// times <c>reviewpanel review &lt;folder&gt; --format json</c> in a fresh working folder (its own history), process start
/// included; peak memory is the child's VmHWM. The JSON must list N profiles and the exit code must be 0.
/// </summary>
internal static class EndToEnd
{
    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, string root, string fixture)
    {
        var dir = Directory.CreateTempSubdirectory("reviewpanel-e2e-");
        try
        {
            var cli = Path.Combine(dir.FullName, "cli");
            var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "ReviewPanel.Cli"), "-c", "Release", "-o", cli, "-v", "q", "-nologo"]) { RedirectStandardOutput = true })!;
            await build.StandardOutput.ReadToEndAsync();
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine("error: could not build src/ReviewPanel.Cli");
                return 2;
            }

            var rows = new List<(int Profiles, double Seconds, double PeakMiB)>();
            foreach (var size in sizes)
            {
                var input = Path.Combine(dir.FullName, $"in-{size}");
                var work = Directory.CreateDirectory(Path.Combine(dir.FullName, $"work-{size}")).FullName;
                Directory.CreateDirectory(input);
                await ProfileFiles.WriteAsync(fixture, input, size);
                var output = Path.Combine(dir.FullName, $"review-{size}.json");
                var (seconds, peak, exit) = await TimeAsync(Path.Combine(cli, "reviewpanel"), ["review", input, "--format", "json"], work, output);
                using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
                var listed = json.RootElement.GetProperty("profiles").GetArrayLength();
                if (exit != 0 || listed != size)
                {
                    Console.Error.WriteLine($"error: review of {size} profiles exited {exit} with {listed} verdicts");
                    return 2;
                }
                rows.Add((size, seconds, peak));
                Directory.Delete(input, recursive: true);
                Directory.Delete(work, recursive: true);
            }

            Console.WriteLine($"{"profiles",9} {"wall s",8} {"profiles/s",11} {"peak MiB",9}");
            foreach (var (profiles, seconds, peak) in rows)
            {
                Console.WriteLine($"{profiles,9} {seconds,8:0.00} {profiles / seconds,11:0} {peak,9:0.0}");
            }
            for (var i = 1; i < rows.Count; i++)
            {
                Console.WriteLine($"peak memory ratio {rows[i].Profiles}/{rows[i - 1].Profiles} profiles: {rows[i].PeakMiB / rows[i - 1].PeakMiB:0.00}");
            }
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(double Seconds, double PeakMiB, int Exit)> TimeAsync(string file, string[] args, string workingDirectory, string stdout)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        await using var sink = File.Create(stdout);
        var copy = child.StandardOutput.BaseStream.CopyToAsync(sink);
        var errors = child.StandardError.ReadToEndAsync();
        long peakKb = 0;
        while (!child.HasExited)
        {
            peakKb = Math.Max(peakKb, HighWaterKb(child.Id));
            await Task.WhenAny(child.WaitForExitAsync(), Task.Delay(20));
        }
        await child.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        await copy;
        await errors;
        return (seconds, peakKb / 1024.0, child.ExitCode);
    }

    // VmHWM: the process's peak resident set so far (read while it runs; gone once it exits).
    private static long HighWaterKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // it exited between the check and the read
        }
    }
}
