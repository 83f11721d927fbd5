using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ReviewPanel.Observability;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Tests.Observability;

public sealed class WorkerHttpEndpointsTests
{
    private sealed class FakeReadiness : IReadinessCheck
    {
        public string? Reason { get; set; }

        public Task<string?> NotReadyReasonAsync(CancellationToken cancellationToken) => Task.FromResult(Reason);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Endpoints_HealthReadyAndMetrics_AnswerOverLoopback()
    {
        var endpoint = "ep-" + Guid.NewGuid().ToString("N")[..8];
        using var meters = new ReviewPanel.Tests.Telemetry.MeterFactoryHost();
        var telemetry = new ReviewPanelMetrics(meters.Factory);
        using var metrics = new MetricsCollector(telemetry);
        var readiness = new FakeReadiness();
        using var server = new WorkerHttpEndpoints(Options.Create(new WorkerHttpOptions { HttpPort = FreePort() }), metrics, readiness,
            NullLogger<WorkerHttpEndpoints>.Instance);
        await server.StartAsync(CancellationToken.None);
        try
        {
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            telemetry.Throttles.Add(3, new KeyValuePair<string, object?>("endpoint", endpoint));

            var health = await http.GetAsync("healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);
            readiness.Reason = "circuit open: default";
            var notReady = await http.GetAsync("readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("circuit open: default", await notReady.Content.ReadAsStringAsync());

            var scrape = await http.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
            var lines = (await scrape.Content.ReadAsStringAsync()).Split('\n');
            Assert.Contains($"reviewpanel_llm_throttles_total{{endpoint=\"{endpoint}\"}} 3", lines);
            Assert.Contains("# TYPE reviewpanel_llm_throttles_total counter", lines);

            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("nope")).StatusCode);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Collect_HistogramAndGauge_BucketsLatencyAndReadsGaugesAtScrape()
    {
        var reviewer = "llm.collector-" + Guid.NewGuid().ToString("N")[..8];
        var endpoint = "ep-" + Guid.NewGuid().ToString("N")[..8];
        using var meters = new ReviewPanel.Tests.Telemetry.MeterFactoryHost();
        var telemetry = new ReviewPanelMetrics(meters.Factory);
        using var metrics = new MetricsCollector(telemetry);
        var tags = new[] { new KeyValuePair<string, object?>("reviewer", reviewer), new KeyValuePair<string, object?>("kind", "llm") };
        telemetry.ReviewerLatency.Record(7, tags);
        telemetry.ReviewerLatency.Record(300, tags);
        telemetry.ReviewerLatency.Record(90_000, tags);
        telemetry.RecordCircuitState(endpoint, "open");
        try
        {
            var families = metrics.Collect();

            var latency = Assert.Single(families, f => f.Name == "reviewpanel.reviewer.latency");
            Assert.Equal(MetricKind.Histogram, latency.Kind);
            var series = Assert.Single(latency.Series, s => s.Labels.Contains(new("reviewer", reviewer)));
            Assert.Equal(3, series.Count);
            Assert.Equal(90_307, series.Sum);
            var bounds = latency.Bounds!;
            Assert.Equal(1, series.BucketCounts![bounds.ToList().IndexOf(10)]);
            Assert.Equal(1, series.BucketCounts[bounds.ToList().IndexOf(500)]);
            Assert.Equal(1, series.BucketCounts[^1]);
            var circuit = Assert.Single(families, f => f.Name == "reviewpanel.llm.circuit.open");
            Assert.Equal(1, Assert.Single(circuit.Series, s => s.Labels.Contains(new("endpoint", endpoint))).Value);
        }
        finally
        {
            telemetry.RecordCircuitState(endpoint, "closed");
        }
    }

    [Fact]
    public async Task StoreAndCircuitReadiness_StoreAnswersThenFailsThenCircuitOpens_ReasonNamesTheCause()
    {
        var store = Substitute.For<IReviewStore>();
        store.GetLatestRunIdAsync(Arg.Any<CancellationToken>()).Returns("run-1");
        using var meters = new ReviewPanel.Tests.Telemetry.MeterFactoryHost();
        var telemetry = new ReviewPanelMetrics(meters.Factory);
        var check = new StoreAndCircuitReadinessCheck(store, telemetry);
        Assert.Null(await check.NotReadyReasonAsync(CancellationToken.None));

        store.GetLatestRunIdAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk gone"));
        Assert.Equal("store unreachable: IOException", await check.NotReadyReasonAsync(CancellationToken.None));

        telemetry.RecordCircuitState("west", "open");
        telemetry.RecordCircuitState("east", "half_open");
        Assert.Equal("circuit open: east, west", await check.NotReadyReasonAsync(CancellationToken.None));
    }

    [Fact]
    public void AddWorkerHttpEndpoints_BindsPortAndResolvesHostedServiceWithDefaultReadiness()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("ReviewPanel:Worker:HttpPort", "19464")]).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(Substitute.For<IHistoryReader>()).AddMetrics().AddSingleton<ReviewPanelMetrics>()
            .AddWorkerHttpEndpoints(config).BuildServiceProvider();

        Assert.IsType<StoreAndCircuitReadinessCheck>(services.GetRequiredService<IReadinessCheck>());
        var hosted = Assert.Single(services.GetServices<IHostedService>());
        Assert.Equal(new Uri("http://127.0.0.1:19464/"), Assert.IsType<WorkerHttpEndpoints>(hosted).BaseUri);
    }
}
