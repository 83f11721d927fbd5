using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>The gate's decision for one profile version.</summary>
public sealed record Verdict
{
    public required VerdictOutcome Outcome { get; init; }
    /// <summary>The lowest aggregate among judged dimensions; null when none was judged.</summary>
    public double? Minimum { get; init; }
    public IReadOnlyList<DimensionResult> Dimensions { get; init; } = [];
    /// <summary>Failing dimensions, plus the rule <c>instructions-in-profile</c> when an injection was found.</summary>
    public IReadOnlyList<string> Failing { get; init; } = [];
    /// <summary>Grounded instructions aimed at reviewers found in the profile; any one fails it.</summary>
    public IReadOnlyList<Evidence> Injections { get; init; } = [];
    public string? Error { get; init; }

    public const string InjectionRule = "instructions-in-profile";
}
