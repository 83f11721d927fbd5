namespace ReviewPanel.Telemetry;

/// <summary>One reading of a work queue: items waiting and how long the oldest has waited.</summary>
public readonly record struct QueueGaugeReading(long Depth, TimeSpan OldestAge);
