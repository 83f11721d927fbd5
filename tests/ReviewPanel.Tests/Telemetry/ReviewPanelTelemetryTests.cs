using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Emulator;
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
        var store = new SqliteReviewStore(Options.Create(new StoreOptions { Path = Path.Combine(dir.Path, "h.db") }),
            TimeProvider.System, NullLogger<SqliteReviewStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var panel = TestHost.OfflinePanel();
        var batch = new BatchRunner(new ProfileImporter(), store, TimeProvider.System, NullLogger<BatchRunner>.Instance);
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

        using var capture = new TelemetryCapture();
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

        using var capture = new TelemetryCapture();
        var report = await h.ReviewAsync(profile);

        Assert.Equal(VerdictOutcome.Pass, report.Verdict.Outcome);
        var requests = h.Server.RequestCount(LlmPanelHarness.DefaultDeployment);
        Assert.Equal(6, requests);
        Assert.Equal(2, capture.Sum("reviewpanel.llm.throttles", "endpoint", "default"));
        Assert.Equal(2, capture.Sum("reviewpanel.llm.retries", "reason", "HTTP 429"));
        Assert.Equal(report.Reviews.Sum(r => r.Calls.Sum(c => c.InputTokens)), capture.Sum("reviewpanel.llm.tokens.input", "deployment", LlmPanelHarness.DefaultDeployment));
        Assert.Equal(report.Reviews.Sum(r => r.Calls.Sum(c => c.OutputTokens)), capture.Sum("reviewpanel.llm.tokens.output", "deployment", LlmPanelHarness.DefaultDeployment));
        Assert.True(capture.Sum("reviewpanel.llm.tokens.input", "deployment", LlmPanelHarness.DefaultDeployment) > 0);

        var attempts = capture.SpansNamed("reviewpanel.http.attempt").ToList();
        Assert.Equal(requests, attempts.Count);
        Assert.Equal(2, attempts.Count(a => Equals(a.GetTagItem("http.response.status_code"), 429)));
        var calls = capture.SpansNamed("reviewpanel.llm.call").ToList();
        Assert.Equal(4, calls.Count);
        Assert.All(attempts, a => Assert.Contains(calls, c => c.SpanId == a.ParentSpanId));
        Assert.All(capture.Measurements.Where(m => m.Instrument == "reviewpanel.reviewer.latency"), m => Assert.Equal("llm", m.Tags["kind"]));
    }

    [Fact]
    public void QueueGauges_ReportWhatTheRegisteredCallbackReads()
    {
        using var capture = new TelemetryCapture();
        QueueGaugeSource.Register(() => new QueueGaugeReading(17, TimeSpan.FromSeconds(42)));
        try
        {
            var observed = capture.Observe();
            Assert.Contains(observed, m => m.Instrument == "reviewpanel.queue.depth" && m.Value == 17);
            Assert.Contains(observed, m => m.Instrument == "reviewpanel.queue.oldest_age" && m.Value == 42);
        }
        finally
        {
            QueueGaugeSource.Clear();
        }
        Assert.DoesNotContain(capture.Observe(), m => m.Instrument == "reviewpanel.queue.depth");
    }

    [Fact]
    public void CircuitState_OpenThenClosed_GaugeFollowsAndOpenCircuitsNamesIt()
    {
        var endpoint = "telemetry-test-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();

        ReviewPanelTelemetry.RecordCircuitState(endpoint, "open");
        Assert.Contains(endpoint, ReviewPanelTelemetry.OpenCircuits);
        Assert.Contains(capture.Observe(), m => m.Instrument == "reviewpanel.llm.circuit.open" && Equals(m.Tags["endpoint"], endpoint) && m.Value == 1);

        ReviewPanelTelemetry.RecordCircuitState(endpoint, "closed");
        Assert.DoesNotContain(endpoint, ReviewPanelTelemetry.OpenCircuits);
        Assert.Contains(capture.Observe(), m => m.Instrument == "reviewpanel.llm.circuit.open" && Equals(m.Tags["endpoint"], endpoint) && m.Value == 0);
        Assert.Equal(1, capture.Sum("reviewpanel.llm.circuit.transitions", "state", "open"));
        Assert.Equal(1, capture.Sum("reviewpanel.llm.circuit.transitions", "state", "closed"));
    }
}
