using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Emulator;

/// <summary>How one deployment (or, as <see cref="EmulatorOptions.Default"/>, every unconfigured deployment) answers.</summary>
public sealed record DeploymentBehavior
{
    /// <summary>The standing behaviour once <see cref="Script"/> is used up. Default <see cref="EmulatorPolicy.High"/>.</summary>
    public EmulatorPolicy Policy { get; init; } = EmulatorPolicy.High;

    /// <summary>Overrides the policy's score for every dimension (and adjudication), e.g. to make two deployments
    /// disagree. Null keeps the policy's own score.</summary>
    [Range(1, 5)]
    public int? Score { get; init; }

    /// <summary>Per-dimension scores that win over <see cref="Score"/>, e.g. <c>{"specificity": 2}</c>.</summary>
    public IReadOnlyDictionary<string, int>? DimensionScores { get; init; }

    /// <summary>One-shot behaviours consumed in order, one per request, before <see cref="Policy"/> applies.
    /// Scripted steps are exact: the random fault rates do not apply to them.</summary>
    public IReadOnlyList<EmulatorPolicy> Script { get; init; } = [];

    /// <summary>Fixed delay before every answer, in milliseconds. Default 0.</summary>
    [Range(0, 600_000)]
    public int LatencyMs { get; init; }

    /// <summary>Extra random delay in [0, JitterMs], from the seeded random. Default 0.</summary>
    [Range(0, 600_000)]
    public int JitterMs { get; init; }

    /// <summary>Fraction of unscripted requests answered with 429. Default 0.</summary>
    [Range(0.0, 1.0)]
    public double Rate429 { get; init; }

    /// <summary>Fraction of unscripted requests answered with 500 or 503 (half each). Default 0.</summary>
    [Range(0.0, 1.0)]
    public double Rate5xx { get; init; }

    /// <summary>The wait a 429 asks for, sent as <c>retry-after-ms</c> and (rounded up) <c>retry-after</c>. Default 1000.</summary>
    [Range(0, 3_600_000)]
    public int RetryAfterMs { get; init; } = 1000;

    /// <summary>The model name Azure reports in <c>model</c> (the /v1 route echoes the request's model instead).</summary>
    [Required]
    public string Model { get; init; } = "gpt-4o-2024-08-06";

    internal void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (DimensionScores?.Values.Any(s => s is < 1 or > 5) == true)
        {
            throw new ValidationException("DimensionScores must be between 1 and 5.");
        }
    }
}
