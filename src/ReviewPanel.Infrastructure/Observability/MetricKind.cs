namespace ReviewPanel.Observability;

/// <summary>The Prometheus type a ReviewPanel instrument is exposed as.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
