namespace ReviewPanel.Probing;

/// <summary>
/// One defect class. <see cref="Recall"/> is the share of its mutants the gate failed on <see cref="ExpectedDimension"/>;
/// <see cref="RecallAny"/> on any dimension. Both are null when no original offered a place for the defect.
/// </summary>
public sealed record ProbeClassResult
{
    public required string Class { get; init; }
    public required string ExpectedDimension { get; init; }
    public required bool OfflineCovered { get; init; }
    public required int Mutants { get; init; }
    public required int FailedOnExpected { get; init; }
    public required int FailedOnAny { get; init; }
    public required int Errored { get; init; }
    public double? Recall { get; init; }
    public double? RecallAny { get; init; }
    /// <summary>The recall this run was held to (null: not gated), and whether it met it; set by <see cref="ProbeGate"/>.</summary>
    public double? RequiredRecall { get; init; }
    public bool? MeetsRequirement { get; init; }
    public required IReadOnlyList<ProbeReviewerResult> Reviewers { get; init; }
    public required IReadOnlyList<ProbeMiss> Misses { get; init; }
    public required string Summary { get; init; }
}
