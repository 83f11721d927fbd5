using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>A running worker process serves the viewer, /healthz, /readyz and /metrics on one loopback port.</summary>
public sealed class WorkerEndpointsProcessTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Worker_WithHttpPort_ServesHealthReadinessAndPrometheusMetricsOfItsWork()
    {
        var port = FreePort();
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Worker__PollMilliseconds"] = "100",
            ["ReviewPanel__Worker__HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        GeneratedProfiles.Write(Path.Combine(dir.Path, "drafts"), 5);
        var enqueue = await CliProcess.RunAsync(dir.Path, env, "enqueue", "drafts");
        Assert.True(enqueue.ExitCode == 0, enqueue.Stderr);

        using var worker = WorkerProcess.Start(dir.Path, env);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        string metrics = "";
        // The OpenTelemetry exporter adds its scope labels (otel_scope_name, otel_scope_version) to every series.
        double Passed() => Serve.PrometheusSamples.Parse(metrics)
            .Where(s => s.Name == "reviewpanel_profiles_reviewed_total" && s.Labels.GetValueOrDefault("verdict") == "pass").Sum(s => s.Value);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(40) && Passed() != 5)
        {
            try
            {
                metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }

        Assert.True(Passed() == 5, metrics + worker.Stderr);
        Assert.Matches(@"(?m)^reviewpanel_queue_depth(\{[^}]*\})? \d+", metrics);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode);
        // One host: the same port serves the viewer, whose run list names the worker's run.
        var runs = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("worker", runs, StringComparison.Ordinal);
        Assert.Contains($"Worker serving on http://127.0.0.1:{port}/: the viewer, /healthz, /readyz, /metrics", worker.Stderr, StringComparison.Ordinal);
        worker.Terminate();
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
