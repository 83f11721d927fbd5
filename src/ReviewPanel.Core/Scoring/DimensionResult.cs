using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>The panel's combined judgment of one dimension.</summary>
public sealed record DimensionResult
{
    public required string Dimension { get; init; }
    /// <summary>The aggregate, or null when nobody scored it ("not judged").</summary>
    public double? Aggregate { get; init; }
    public bool Required { get; init; }
    public bool Judged => Aggregate is not null;
    /// <summary>Reviewers whose (grounded) score counted.</summary>
    public IReadOnlyList<string> ScoredBy { get; init; } = [];
    public IReadOnlyList<int> Scores { get; init; } = [];
    /// <summary>True when the aggregate is below the pass threshold or a required dimension missed its quorum.</summary>
    public bool Failing { get; init; }
    /// <summary>Set when an adjudicator gave the final score after a disagreement.</summary>
    public string? AdjudicatedBy { get; init; }
    /// <summary>True when a reviewer's repeats straddled the pass threshold: the score can flip between runs.</summary>
    public bool Unstable { get; init; }
    /// <summary>Evidence behind the low scores (grounded only).</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}
