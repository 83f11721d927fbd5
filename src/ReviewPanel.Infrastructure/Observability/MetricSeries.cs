namespace ReviewPanel.Observability;

/// <summary>
/// One labelled series of a metric at scrape time. Counters and gauges use <see cref="Value"/>; histograms use
/// <see cref="BucketCounts"/> (cumulative-free counts per <see cref="MetricFamily.Bounds"/> entry plus one for +Inf),
/// <see cref="Sum"/> and <see cref="Count"/>.
/// </summary>
public sealed record MetricSeries(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    double Value,
    IReadOnlyList<long>? BucketCounts = null,
    double Sum = 0,
    long Count = 0);
