using System.Diagnostics.Metrics;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Observability;

/// <summary>
/// Aggregates the "ReviewPanel" meter in process for <c>/metrics</c>: counters summed per label set, histograms into
/// fixed buckets, observable gauges read at scrape time. A <see cref="MeterListener"/> rather than the OpenTelemetry
/// SDK so the worker's endpoint works with exporters off, and costs nothing when nobody scrapes beyond the sums.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>Bucket bounds for millisecond histograms: 5 ms .. 60 s, wide because model calls take seconds.</summary>
    public static readonly IReadOnlyList<double> MillisecondBounds = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000];

    /// <summary>The OpenTelemetry default bounds, for histograms in any other unit.</summary>
    public static readonly IReadOnlyList<double> DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly MeterListener _listener;
    private readonly Lock _gate = new();
    private readonly Dictionary<Instrument, Dictionary<string, Aggregate>> _series = [];
    private Dictionary<Instrument, Dictionary<string, Aggregate>>? _observing;

    public MetricsCollector(ReviewPanelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Every instrument with at least one series, gauges freshly observed.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_gate)
        {
            _observing = [];
            _listener.RecordObservableInstruments();
            var gauges = _observing;
            _observing = null;
            return _series.Concat(gauges)
                .Where(s => s.Value.Count > 0)
                .Select(s => Family(s.Key, s.Value))
                .ToList();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static MetricFamily Family(Instrument instrument, Dictionary<string, Aggregate> series)
    {
        var kind = instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => MetricKind.Counter,
            Histogram<long> or Histogram<int> or Histogram<double> => MetricKind.Histogram,
            _ => MetricKind.Gauge,
        };
        var bounds = kind == MetricKind.Histogram ? BoundsOf(instrument) : null;
        var rows = series.Values
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new MetricSeries(a.Labels, a.Value, a.Buckets?.ToList(), a.Sum, a.Count))
            .ToList();
        return new MetricFamily(instrument.Name, kind, instrument.Description, instrument.Unit, rows, bounds);
    }

    private static IReadOnlyList<double> BoundsOf(Instrument instrument) => instrument.Unit == "ms" ? MillisecondBounds : DefaultBounds;

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(new(tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }
        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u001f', labels.Select(l => l.Key + "=" + l.Value));
        lock (_gate)
        {
            if (instrument.IsObservable)
            {
                // Gauges are only meaningful while being collected; a reading outside a scrape is dropped.
                if (_observing is not null)
                {
                    SeriesOf(_observing, instrument)[key] = new Aggregate(key, labels) { Value = value };
                }
                return;
            }
            var series = SeriesOf(_series, instrument);
            if (!series.TryGetValue(key, out var aggregate))
            {
                aggregate = new Aggregate(key, labels);
                series[key] = aggregate;
            }
            if (instrument is Histogram<long> or Histogram<int> or Histogram<double>)
            {
                var bounds = BoundsOf(instrument);
                aggregate.Buckets ??= new long[bounds.Count + 1];
                var bucket = 0;
                while (bucket < bounds.Count && value > bounds[bucket])
                {
                    bucket++;
                }
                aggregate.Buckets[bucket]++;
                aggregate.Sum += value;
                aggregate.Count++;
            }
            else
            {
                aggregate.Value += value;
            }
        }
    }

    private static Dictionary<string, Aggregate> SeriesOf(Dictionary<Instrument, Dictionary<string, Aggregate>> all, Instrument instrument)
    {
        if (!all.TryGetValue(instrument, out var series))
        {
            series = new Dictionary<string, Aggregate>(StringComparer.Ordinal);
            all[instrument] = series;
        }
        return series;
    }

    private sealed class Aggregate(string key, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        public string Key { get; } = key;
        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;
        public double Value { get; set; }
        public long[]? Buckets { get; set; }
        public double Sum { get; set; }
        public long Count { get; set; }
    }
}
