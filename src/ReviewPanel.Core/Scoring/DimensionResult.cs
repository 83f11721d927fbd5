using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>The panel's combined judgment of one dimension.</summary>
public sealed record DimensionResult
{
    public required string Dimension { get; init; }
    /// <summary>The final score (after adjudication and vetoes), or null when nobody scored it ("not judged").</summary>
    public double? Aggregate { get; init; }
    public bool Required { get; init; }
    public bool Judged => Aggregate is not null;
    /// <summary>Reviewers whose (grounded) score counted.</summary>
    public IReadOnlyList<string> ScoredBy { get; init; } = [];
    public IReadOnlyList<int> Scores { get; init; } = [];
    /// <summary>True when the aggregate is below the pass threshold.</summary>
    public bool Failing { get; init; }
    /// <summary>Set when an adjudicator gave the final score after a disagreement.</summary>
    public string? AdjudicatedBy { get; init; }
    /// <summary>True when a reviewer's repeats straddled the pass threshold: the score can flip between runs.</summary>
    public bool Unstable { get; init; }
    /// <summary>Evidence behind the low scores (grounded only).</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    /// <summary>The standing grounded findings that cap this dimension (empty when none, or vetoes are off).</summary>
    public IReadOnlyList<Veto> VetoedBy { get; init; } = [];
    /// <summary>Passing scores that carried no weight because they never engaged a standing finding.</summary>
    public IReadOnlyList<OverruledScore> Overruled { get; init; } = [];
    /// <summary>The adjudicator's refutation claims on this dimension and the gate's ruling on each.</summary>
    public IReadOnlyList<Refutation> Refutations { get; init; } = [];
    /// <summary>The quorum this dimension needed and the raters that scored it (the heuristic checks count as one).</summary>
    public int QuorumNeeded { get; init; }
    public int Raters { get; init; }
}
