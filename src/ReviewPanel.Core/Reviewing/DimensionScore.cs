namespace ReviewPanel.Reviewing;

/// <summary>
/// One reviewer's judgment of one dimension: a score 1..5, or an explicit abstention (<see cref="Score"/> null).
/// Every score below 4 carries at least one piece of evidence.
/// </summary>
public sealed record DimensionScore(string Dimension, int? Score, string Rationale, IReadOnlyList<Evidence> Evidence)
{
    public static DimensionScore Abstain(string dimension, string why) => new(dimension, null, why, []);

    public bool IsAbstention => Score is null;

    /// <summary>
    /// Set by the grounding check: a critique (score below the pass line) whose evidence is all ungrounded does
    /// not count in aggregation.
    /// </summary>
    public bool Ungrounded { get; init; }

    /// <summary>
    /// When the reviewer was asked K times: each repeat's score for this dimension, in order (<see cref="Score"/> is
    /// their lower median). A gate can flag the dimension as unstable when these straddle the pass threshold.
    /// Empty for a single ask.
    /// </summary>
    public IReadOnlyList<int> RepeatScores { get; init; } = [];
}
