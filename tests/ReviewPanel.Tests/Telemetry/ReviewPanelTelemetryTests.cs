using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ReviewPanel.Emulator;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;
using ReviewPanel.Telemetry;
using ReviewPanel.Tests.Integration;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Telemetry;

/// <summary>The spans and instruments really fire from the real runners, resilience pipeline and emulator.</summary>
public sealed class ReviewPanelTelemetryTests
{
    private static readonly string[] Fixtures = ["data-platform-p4.txt", "devops-sre-p6.txt", "placeholder-p4.txt"];

    [Fact]
    public async Task BatchOfThreeOffline_RecordsRunProfileAndReviewSpansAndVerdictCounter()
    {
        using var dir = new TempFolder();
        // The product's registration, its own container: the instruments listened to are this container's only.
        using var services = TestHost.Build(storePath: Path.Combine(dir.Path, "h.db"));
        await services.GetRequiredService<IHistoryWriter>().InitializeAsync(CancellationToken.None);
        var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.Offline, fresh: false);
        var batch = services.GetRequiredService<BatchRunner>();
        var run = new RunProvenance
        {
            RunId = "telemetry-run",
            ToolVersion = "test",
            RubricSha256 = "rubric",
            Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
            Command = "test",
            StartedAt = TimeProvider.System.GetUtcNow(),
        };
        var sources = Fixtures.Select(f => RepoFiles.Path("fixtures", "profiles", f)).Append(Path.Combine(dir.Path, "missing.txt")).ToList();

        using var capture = new TelemetryCapture(services.GetRequiredService<ReviewPanelMetrics>());
        var result = await batch.RunAsync(panel, run, sources, 2, null, CancellationToken.None);

        var runSpan = Assert.Single(capture.SpansNamed("reviewpanel.run"));
        Assert.Equal("telemetry-run", runSpan.GetTagItem("reviewpanel.run_id"));
        var profiles = capture.SpansNamed("reviewpanel.profile").ToList();
        Assert.Equal(4, profiles.Count);
        Assert.All(profiles, p => Assert.Equal(runSpan.SpanId, p.ParentSpanId));
        var reviews = capture.SpansNamed("reviewpanel.review").ToList();
        Assert.Equal(3 * panel.Reviewers.Count, reviews.Count);
        Assert.All(reviews, r => Assert.Contains(profiles, p => p.SpanId == r.ParentSpanId));

        foreach (var outcome in new[] { VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Error })
        {
            var tag = outcome.ToString().ToLowerInvariant();
            Assert.Equal(result.Profiles.Count(p => p.Verdict == outcome), capture.Sum("reviewpanel.profiles.reviewed", "verdict", tag));
        }
        Assert.Equal(1, capture.Sum("reviewpanel.profiles.reviewed", "verdict", "error"));
        Assert.True(capture.Sum("reviewpanel.profiles.reviewed", "verdict", "pass") >= 1);
        Assert.Equal(3 * panel.Reviewers.Count, capture.Count("reviewpanel.reviewer.latency"));
        Assert.All(capture.Measurements.Where(m => m.Instrument == "reviewpanel.reviewer.latency"),
            m => Assert.Equal("heuristic", m.Tags["kind"]));

        var rate = Assert.Single(capture.Observe(), m => m.Instrument == "reviewpanel.gate.pass_rate");
        Assert.InRange(rate.Value, 0.0, 1.0);
    }

    [Fact]
    public async Task LlmReviewAgainstEmulatorWithTwo429s_RecordsTokensThrottlesRetriesAndAttemptSpans()
    {
        await using var h = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior
        {
            Score = 5,
            Script = [EmulatorPolicy.Status429, EmulatorPolicy.Status429],
            RetryAfterMs = 5,
        }));
        var profile = LlmPanelHarness.Import("data-platform-p4.txt");

        using var capture = new TelemetryCapture(h.Metrics);
        var report = await h.ReviewAsync(profile);

        Assert.Equal(VerdictOutcome.Pass, report.Verdict.Outcome);
        var requests = h.Server.RequestCount(LlmPanelHarness.DefaultDeployment);
        Assert.Equal(LlmTestData.ShippedPersonaCount + 2, requests); // one per persona, and the two 429s
        Assert.Equal(2, capture.Sum("reviewpanel.llm.throttles", "endpoint", "default"));
        Assert.Equal(2, capture.Sum("reviewpanel.llm.retries", "reason", "HTTP 429"));
        Assert.Equal(report.Reviews.Sum(r => r.Calls.Sum(c => c.InputTokens)), capture.Sum("reviewpanel.llm.tokens.input", "deployment", LlmPanelHarness.DefaultDeployment));
        Assert.Equal(report.Reviews.Sum(r => r.Calls.Sum(c => c.OutputTokens)), capture.Sum("reviewpanel.llm.tokens.output", "deployment", LlmPanelHarness.DefaultDeployment));
        Assert.True(capture.Sum("reviewpanel.llm.tokens.input", "deployment", LlmPanelHarness.DefaultDeployment) > 0);

        var attempts = capture.SpansNamed("reviewpanel.http.attempt").ToList();
        Assert.Equal(requests, attempts.Count);
        Assert.Equal(2, attempts.Count(a => Equals(a.GetTagItem("http.response.status_code"), 429)));
        var calls = capture.SpansNamed("reviewpanel.llm.call").ToList();
        Assert.Equal(LlmTestData.ShippedPersonaCount, calls.Count);
        Assert.All(attempts, a => Assert.Contains(calls, c => c.SpanId == a.ParentSpanId));
        Assert.All(capture.Measurements.Where(m => m.Instrument == "reviewpanel.reviewer.latency"), m => Assert.Equal("llm", m.Tags["kind"]));
    }

    [Fact]
    public void QueueGauges_ReportWhatTheInjectedProviderReads()
    {
        var queue = new FakeQueueGauge { Reading = new QueueGaugeReading(17, TimeSpan.FromSeconds(42)) };
        using var meters = new MeterFactoryHost();
        var metrics = new ReviewPanelMetrics(meters.Factory, queue);
        using var depth = new MetricCollector<long>(metrics.Meter, "reviewpanel.queue.depth");
        using var age = new MetricCollector<double>(metrics.Meter, "reviewpanel.queue.oldest_age");

        depth.RecordObservableInstruments();
        age.RecordObservableInstruments();
        Assert.Equal(17, depth.LastMeasurement?.Value);
        Assert.Equal(42, age.LastMeasurement?.Value);

        queue.Reading = null;
        depth.Clear();
        depth.RecordObservableInstruments();
        Assert.Empty(depth.GetMeasurementSnapshot());
    }

    [Fact]
    public void QueueGauges_ProviderThrows_ReportNothingAndOtherGaugesStillCollect()
    {
        using var meters = new MeterFactoryHost();
        var metrics = new ReviewPanelMetrics(meters.Factory, new FakeQueueGauge { Throws = true });
        metrics.RecordVerdict(VerdictOutcome.Pass);
        using var depth = new MetricCollector<long>(metrics.Meter, "reviewpanel.queue.depth");
        using var rate = new MetricCollector<double>(metrics.Meter, "reviewpanel.gate.pass_rate");

        rate.RecordObservableInstruments();

        Assert.Empty(depth.GetMeasurementSnapshot());
        Assert.Equal(1.0, rate.LastMeasurement?.Value);
    }

    [Fact]
    public void CircuitState_OpenThenClosed_GaugeFollowsAndOpenCircuitsNamesIt()
    {
        using var meters = new MeterFactoryHost();
        var metrics = new ReviewPanelMetrics(meters.Factory);
        using var gauge = new MetricCollector<int>(metrics.Meter, "reviewpanel.llm.circuit.open");
        using var transitions = new MetricCollector<long>(metrics.Meter, "reviewpanel.llm.circuit.transitions");

        metrics.RecordCircuitState("east", "open");
        Assert.Equal(["east"], metrics.OpenCircuits);
        gauge.RecordObservableInstruments();
        Assert.Equal(1, gauge.LastMeasurement?.Value);
        Assert.Equal("east", gauge.LastMeasurement?.Tags["endpoint"]);

        metrics.RecordCircuitState("east", "closed");
        Assert.Empty(metrics.OpenCircuits);
        gauge.RecordObservableInstruments();
        Assert.Equal(0, gauge.LastMeasurement?.Value);
        Assert.Equal(["open", "closed"], transitions.GetMeasurementSnapshot().Select(m => m.Tags["state"]));
    }

    [Fact]
    public void TwoInstances_SameMeterName_NeverSeeEachOthersMeasurements()
    {
        using var meters = new MeterFactoryHost();
        using var otherMeters = new MeterFactoryHost();
        var mine = new ReviewPanelMetrics(meters.Factory);
        var other = new ReviewPanelMetrics(otherMeters.Factory);
        using var collector = new MetricCollector<long>(mine.Meter, "reviewpanel.llm.throttles");

        other.Throttles.Add(5);
        mine.Throttles.Add(2);
        other.RecordCircuitState("west", "open");

        Assert.Equal(ReviewPanelMetrics.MeterName, mine.Meter.Name);
        Assert.Equal(ReviewPanelMetrics.MeterName, other.Meter.Name);
        Assert.Equal(2, Assert.Single(collector.GetMeasurementSnapshot()).Value);
        Assert.Empty(mine.OpenCircuits);
    }

    private sealed class FakeQueueGauge : IQueueGaugeProvider
    {
        public QueueGaugeReading? Reading { get; set; }

        public bool Throws { get; init; }

        public QueueGaugeReading? Read() => Throws ? throw new InvalidOperationException("queue gone") : Reading;
    }
}
