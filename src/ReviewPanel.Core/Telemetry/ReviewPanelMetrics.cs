using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ReviewPanel.Scoring;

namespace ReviewPanel.Telemetry;

/// <summary>
/// The instruments of ReviewPanel on one <see cref="Meter"/> named <see cref="MeterName"/>, created through the
/// container's <see cref="IMeterFactory"/> (one singleton per container, so two hosts or two tests never share a
/// measurement). Only System.Diagnostics types: the core stays free of exporter packages, and the host decides
/// (OpenTelemetry, the worker's <c>/metrics</c>, or nothing; without a listener every call here is close to free).
/// </summary>
public sealed class ReviewPanelMetrics
{
    /// <summary>Name of the meter (unchanged since the static meter: exporters and OpenTelemetry configuration select it by name).</summary>
    public const string MeterName = "ReviewPanel";

    private readonly ConcurrentDictionary<string, bool> _circuits = new(StringComparer.Ordinal);
    private readonly IQueueGaugeProvider? _queue;
    private long _gatePassed;
    private long _gateDecided;

    /// <param name="meterFactory">The container's meter factory; it owns (and disposes) the meter.</param>
    /// <param name="queue">Where the queue gauges read the queue; without one (one-shot commands) they report nothing.</param>
    public ReviewPanelMetrics(IMeterFactory meterFactory, IQueueGaugeProvider? queue = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _queue = queue;
        Meter = meterFactory.Create(new MeterOptions(MeterName) { Version = typeof(ReviewPanelMetrics).Assembly.GetName().Version?.ToString() });
        ProfilesReviewed = Meter.CreateCounter<long>("reviewpanel.profiles.reviewed", "{profile}", "Profiles that got a verdict, by verdict");
        ReviewerLatency = Meter.CreateHistogram("reviewpanel.reviewer.latency", "ms", "Time one reviewer took on one profile",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        TokensIn = Meter.CreateCounter<long>("reviewpanel.llm.tokens.input", "{token}", "Input tokens by deployment");
        TokensOut = Meter.CreateCounter<long>("reviewpanel.llm.tokens.output", "{token}", "Output tokens by deployment");
        Retries = Meter.CreateCounter<long>("reviewpanel.llm.retries", "{retry}", "Retried HTTP attempts by endpoint");
        Throttles = Meter.CreateCounter<long>("reviewpanel.llm.throttles", "{response}", "HTTP 429 replies by endpoint");
        CircuitTransitions = Meter.CreateCounter<long>("reviewpanel.llm.circuit.transitions", "{transition}", "Circuit breaker transitions by endpoint");
        Meter.CreateObservableGauge("reviewpanel.llm.circuit.open", ObserveCircuits, "{circuit}",
            "1 while the endpoint's circuit is open or half-open, else 0");
        Meter.CreateObservableGauge<long>("reviewpanel.queue.depth", () => ReadQueue() is { } r ? [new Measurement<long>(r.Depth)] : [],
            "{item}", "Items waiting in the work queue");
        Meter.CreateObservableGauge<double>("reviewpanel.queue.oldest_age", () => ReadQueue() is { } r ? [new Measurement<double>(r.OldestAge.TotalSeconds)] : [],
            "s", "Age of the oldest item waiting in the work queue");
        Meter.CreateObservableGauge("reviewpanel.gate.pass_rate", ObservePassRate, "1",
            "Share of the profiles decided by this process that passed the gate");
    }

    /// <summary>Bucket bounds advised for the reviewer latency: 5 ms .. 60 s, wide because model calls take seconds.</summary>
    public static IReadOnlyList<double> LatencyBucketsMs { get; } = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000];

    /// <summary>The meter every instrument below belongs to (tests listen to this instance only).</summary>
    public Meter Meter { get; }

    /// <summary>Profiles that got a verdict, tagged <c>verdict</c> (pass, fail, error).</summary>
    public Counter<long> ProfilesReviewed { get; }

    /// <summary>Wall time of one reviewer on one profile, tagged <c>reviewer</c> and <c>kind</c>.</summary>
    public Histogram<double> ReviewerLatency { get; }

    /// <summary>Prompt tokens the provider reported, tagged <c>deployment</c>.</summary>
    public Counter<long> TokensIn { get; }

    /// <summary>Completion tokens the provider reported, tagged <c>deployment</c>.</summary>
    public Counter<long> TokensOut { get; }

    /// <summary>Retries the resilience pipeline scheduled, tagged <c>endpoint</c> and <c>reason</c>.</summary>
    public Counter<long> Retries { get; }

    /// <summary>HTTP attempts the provider answered with 429, tagged <c>endpoint</c>.</summary>
    public Counter<long> Throttles { get; }

    /// <summary>Circuit breaker transitions, tagged <c>endpoint</c> and <c>state</c> (open, closed, half_open).</summary>
    public Counter<long> CircuitTransitions { get; }

    /// <summary>Endpoints whose circuit is open (or half-open) right now, as recorded on this instance.</summary>
    public IReadOnlyCollection<string> OpenCircuits => _circuits.Where(c => c.Value).Select(c => c.Key).ToList();

    /// <summary>Records one profile verdict: the verdict counter and the pass-rate gauge's counts.</summary>
    public void RecordVerdict(VerdictOutcome outcome)
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
    public void RecordCircuitState(string endpoint, string state)
    {
        _circuits[endpoint] = state != "closed";
        CircuitTransitions.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("state", state));
    }

    private QueueGaugeReading? ReadQueue()
    {
        try
        {
            return _queue?.Read();
        }
#pragma warning disable CA1031 // a broken reader must not break every other instrument's collection
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private IEnumerable<Measurement<int>> ObserveCircuits() =>
        _circuits.Select(c => new Measurement<int>(c.Value ? 1 : 0, new KeyValuePair<string, object?>("endpoint", c.Key))).ToList();

    private IEnumerable<Measurement<double>> ObservePassRate()
    {
        var decided = Interlocked.Read(ref _gateDecided);
        return decided == 0 ? [] : [new Measurement<double>((double)Interlocked.Read(ref _gatePassed) / decided)];
    }
}
