using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ReviewPanel.Cli.Serve;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Tests.Serve;

/// <summary>/healthz, /readyz and /metrics as the worker maps them, on a Kestrel host of the test's own (loopback, free port).</summary>
public sealed class OperationsEndpointsTests
{
    private static async Task<(WebApplication App, HttpClient Http, ReviewPanelMetrics Metrics)> StartAsync(IHistoryReader store)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(store).AddSingleton<ReviewPanelMetrics>().AddOperationsEndpoints();
        var app = builder.Build();
        app.MapOperationsEndpoints();
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
        return (app, http, app.Services.GetRequiredService<ReviewPanelMetrics>());
    }

    [Fact]
    public async Task Healthz_Readyz_AnswerLivenessAndReadinessWithTheReason()
    {
        var store = Substitute.For<IHistoryReader>();
        store.GetLatestRunIdAsync(Arg.Any<CancellationToken>()).Returns("run-1");
        var (app, http, metrics) = await StartAsync(store);
        await using var _ = app;
        using var __ = http;

        var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
        var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());

        metrics.RecordCircuitState("default", "open");
        var open = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, open.StatusCode);
        Assert.Equal("not ready: circuit open: default\n", await open.Content.ReadAsStringAsync());
        // Liveness does not run the readiness check: an open circuit is no reason to restart the process.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode);

        metrics.RecordCircuitState("default", "closed");
        store.GetLatestRunIdAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk gone"));
        var down = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("not ready: store unreachable: IOException\n", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("nope", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Metrics_PrometheusText_NamesCountersHistogramsAndGaugesByTheExportersRules()
    {
        var endpoint = "ep-" + Guid.NewGuid().ToString("N")[..8];
        var reviewer = "llm.scrape-" + Guid.NewGuid().ToString("N")[..8];
        var (app, http, metrics) = await StartAsync(Substitute.For<IHistoryReader>());
        await using var _ = app;
        using var __ = http;
        metrics.Throttles.Add(3, new KeyValuePair<string, object?>("endpoint", endpoint));
        var tags = new[] { new KeyValuePair<string, object?>("reviewer", reviewer), new KeyValuePair<string, object?>("kind", "llm") };
        metrics.ReviewerLatency.Record(7, tags);
        metrics.ReviewerLatency.Record(300, tags);
        metrics.ReviewerLatency.Record(45_000, tags);
        metrics.RecordCircuitState(endpoint, "open");

        var scrape = await http.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        var samples = PrometheusSamples.Parse(text);
        Assert.Contains("# TYPE reviewpanel_llm_throttles_total counter", text, StringComparison.Ordinal);
        var throttles = Assert.Single(samples, x => x.Name == "reviewpanel_llm_throttles_total" && x.Labels.GetValueOrDefault("endpoint") == endpoint);
        Assert.Equal(3, throttles.Value);
        Assert.Equal("ReviewPanel", throttles.Labels["otel_scope_name"]);
        // The unit "ms" becomes the suffix _milliseconds; the buckets reach a minute (the instrument's advice), as model calls do.
        Assert.Contains("# TYPE reviewpanel_reviewer_latency_milliseconds histogram", text, StringComparison.Ordinal);
        double Latency(string suffix, string? le = null) => Assert.Single(samples, x => x.Name == "reviewpanel_reviewer_latency_milliseconds" + suffix
            && x.Labels.GetValueOrDefault("reviewer") == reviewer && x.Labels.GetValueOrDefault("kind") == "llm" && x.Labels.GetValueOrDefault("le") == le).Value;
        Assert.Equal(1, Latency("_bucket", "10"));
        Assert.Equal(2, Latency("_bucket", "30000"));
        Assert.Equal(3, Latency("_bucket", "60000"));
        Assert.Equal(45_307, Latency("_sum"));
        Assert.Equal(3, Latency("_count"));
        Assert.Equal(1, Assert.Single(samples, x => x.Name == "reviewpanel_llm_circuit_open" && x.Labels.GetValueOrDefault("endpoint") == endpoint).Value);
    }
}
