using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ReviewPanel.Scoring;

namespace ReviewPanel.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of ReviewPanel, both named <see cref="Name"/>. Only
/// System.Diagnostics types: the core stays free of exporter packages, and the host decides (OpenTelemetry, the
/// worker's <c>/metrics</c>, or nothing; without a listener every call here is close to free).
/// Spans: <c>reviewpanel.run</c> → <c>reviewpanel.profile</c> → <c>reviewpanel.review</c> → <c>reviewpanel.llm.call</c>
/// → <c>reviewpanel.http.attempt</c>.
/// </summary>
public static class ReviewPanelTelemetry
{
    /// <summary>Name of the activity source and the meter.</summary>
    public const string Name = "ReviewPanel";

    private static readonly string? Version = typeof(ReviewPanelTelemetry).Assembly.GetName().Version?.ToString();
    private static readonly ConcurrentDictionary<string, bool> Circuits = new(StringComparer.Ordinal);
    private static long _gatePassed;
    private static long _gateDecided;

    /// <summary>Spans of runs, profiles, reviews, model calls and HTTP attempts.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>The meter every instrument below belongs to.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Profiles that got a verdict, tagged <c>verdict</c> (pass, fail, error).</summary>
    public static Counter<long> ProfilesReviewed { get; } =
        Meter.CreateCounter<long>("reviewpanel.profiles.reviewed", "{profile}", "Profiles that got a verdict, by verdict");

    /// <summary>Wall time of one reviewer on one profile, tagged <c>reviewer</c> and <c>kind</c>.</summary>
    public static Histogram<double> ReviewerLatency { get; } =
        Meter.CreateHistogram<double>("reviewpanel.reviewer.latency", "ms", "Time one reviewer took on one profile");

    /// <summary>Prompt tokens the provider reported, tagged <c>deployment</c>.</summary>
    public static Counter<long> TokensIn { get; } =
        Meter.CreateCounter<long>("reviewpanel.llm.tokens.input", "{token}", "Input tokens by deployment");

    /// <summary>Completion tokens the provider reported, tagged <c>deployment</c>.</summary>
    public static Counter<long> TokensOut { get; } =
        Meter.CreateCounter<long>("reviewpanel.llm.tokens.output", "{token}", "Output tokens by deployment");

    /// <summary>Retries the resilience pipeline scheduled, tagged <c>endpoint</c> and <c>reason</c>.</summary>
    public static Counter<long> Retries { get; } =
        Meter.CreateCounter<long>("reviewpanel.llm.retries", "{retry}", "Retried HTTP attempts by endpoint");

    /// <summary>HTTP attempts the provider answered with 429, tagged <c>endpoint</c>.</summary>
    public static Counter<long> Throttles { get; } =
        Meter.CreateCounter<long>("reviewpanel.llm.throttles", "{response}", "HTTP 429 replies by endpoint");

    /// <summary>Circuit breaker transitions, tagged <c>endpoint</c> and <c>state</c> (open, closed, half_open).</summary>
    public static Counter<long> CircuitTransitions { get; } =
        Meter.CreateCounter<long>("reviewpanel.llm.circuit.transitions", "{transition}", "Circuit breaker transitions by endpoint");

    static ReviewPanelTelemetry()
    {
        Meter.CreateObservableGauge("reviewpanel.llm.circuit.open", ObserveCircuits, "{circuit}",
            "1 while the endpoint's circuit is open or half-open, else 0");
        Meter.CreateObservableGauge<long>("reviewpanel.queue.depth", () => QueueGaugeSource.Read() is { } r ? [new Measurement<long>(r.Depth)] : [],
            "{item}", "Items waiting in the work queue");
        Meter.CreateObservableGauge<double>("reviewpanel.queue.oldest_age", () => QueueGaugeSource.Read() is { } r ? [new Measurement<double>(r.OldestAge.TotalSeconds)] : [],
            "s", "Age of the oldest item waiting in the work queue");
        Meter.CreateObservableGauge("reviewpanel.gate.pass_rate", ObservePassRate, "1",
            "Share of the profiles decided by this process that passed the gate");
    }

    /// <summary>Endpoints whose circuit is open (or half-open) right now.</summary>
    public static IReadOnlyCollection<string> OpenCircuits => Circuits.Where(c => c.Value).Select(c => c.Key).ToList();

    /// <summary>Records one profile verdict: the verdict counter and the pass-rate gauge's counts.</summary>
    public static void RecordVerdict(VerdictOutcome outcome)
    {
        var verdict = outcome switch
        {
            VerdictOutcome.Pass => "pass",
            VerdictOutcome.Fail => "fail",
            _ => "error",
        };
        ProfilesReviewed.Add(1, new KeyValuePair<string, object?>("verdict", verdict));
        Interlocked.Increment(ref _gateDecided);
        if (outcome == VerdictOutcome.Pass)
        {
            Interlocked.Increment(ref _gatePassed);
        }
    }

    /// <summary>Records a circuit breaker transition of an endpoint; half-open still counts as open for readiness.</summary>
    public static void RecordCircuitState(string endpoint, string state)
    {
        Circuits[endpoint] = state != "closed";
        CircuitTransitions.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("state", state));
    }

    /// <summary>Starts a span when anyone listens; null otherwise (callers use <c>?.</c>).</summary>
    public static Activity? StartActivity(string name, ActivityKind kind = ActivityKind.Internal) => ActivitySource.StartActivity(name, kind);

    private static IEnumerable<Measurement<int>> ObserveCircuits() =>
        Circuits.Select(c => new Measurement<int>(c.Value ? 1 : 0, new KeyValuePair<string, object?>("endpoint", c.Key))).ToList();

    private static IEnumerable<Measurement<double>> ObservePassRate()
    {
        var decided = Interlocked.Read(ref _gateDecided);
        return decided == 0 ? [] : [new Measurement<double>((double)Interlocked.Read(ref _gatePassed) / decided)];
    }
}
