using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Llm;

/// <summary>When an endpoint's circuit opens: over <see cref="SamplingSeconds"/>, at least <see cref="MinimumThroughput"/>
/// calls of which a share of <see cref="FailureRatio"/> failed transiently; it stays open <see cref="BreakSeconds"/>.</summary>
public sealed class CircuitBreakerSettings
{
    /// <summary>Share of transient failures that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the ratio counts. Default 8.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 8;

    /// <summary>Sampling window in seconds. Default 60.</summary>
    [Range(1, 3600)]
    public int SamplingSeconds { get; set; } = 60;

    /// <summary>How long an open circuit fails calls fast, in seconds. Default 30.</summary>
    [Range(1, 3600)]
    public int BreakSeconds { get; set; } = 30;
}
