using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Tests.Telemetry;

/// <summary>
/// Listens to one container's "ReviewPanel" meter (the <see cref="ReviewPanelMetrics"/> instance under test, so
/// other tests' measurements never reach it) and to the "ReviewPanel" activity source, keeping only the spans under
/// its own root activity: an activity source is selected by name, process-wide, so spans are attributed by trace.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly Activity _root;

    public TelemetryCapture(ReviewPanelMetrics metrics)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ReviewPanelActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == TraceId)
                {
                    Spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _meters.Start();
        _root = new Activity("test-root").Start();
        TraceId = _root.TraceId;
    }

    public ActivityTraceId TraceId { get; }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = [];

    /// <summary>Observable instruments (gauges) report only when collected.</summary>
    public List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Observe()
    {
        _observed.Clear();
        _meters.RecordObservableInstruments();
        return [.. _observed];
    }

    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _observed = new();

    public IEnumerable<Activity> SpansNamed(string name) => Spans.Where(s => s.OperationName == name);

    public double Sum(string instrument, string? tag = null, string? value = null) =>
        Measurements.Where(m => m.Instrument == instrument
                && (tag is null || Equals(m.Tags.GetValueOrDefault(tag)?.ToString(), value)))
            .Sum(m => m.Value);

    public int Count(string instrument) => Measurements.Count(m => m.Instrument == instrument);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            dict[tag.Key] = tag.Value;
        }
        if (instrument.IsObservable)
        {
            _observed.Enqueue((instrument.Name, value, dict));
        }
        else
        {
            Measurements.Add((instrument.Name, value, dict));
        }
    }

    public void Dispose()
    {
        _root.Dispose();
        _meters.Dispose();
        _activities.Dispose();
    }
}
