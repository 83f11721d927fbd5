using ReviewPanel.Audit;
using ReviewPanel.Provenance;

namespace ReviewPanel.Viewing;

/// <summary>
/// Two runs side by side on the profiles they share: which flipped verdict, the per-dimension deltas, and which rubric,
/// prompt or model hashes changed between the runs (so two persona versions can be A/B-tested on one set).
/// </summary>
public sealed record RunComparison(
    RunProvenance A,
    RunProvenance B,
    IReadOnlyList<ProfileDelta> Profiles,
    IReadOnlyList<string> OnlyInA,
    IReadOnlyList<string> OnlyInB,
    ValueChange? Rubric,
    IReadOnlyList<ReviewerChange> Prompts,
    IReadOnlyList<ReviewerChange> Models)
{
    /// <summary>Mean change (B − A) of each dimension's aggregate over the shared profiles judged in both runs; absent when never judged in both.</summary>
    public IReadOnlyDictionary<string, double> MeanDelta { get; } = Profiles
        .SelectMany(p => p.Dimensions.Where(d => d.Value.Before is not null && d.Value.After is not null).Select(d => (d.Key, Delta: d.Value.After!.Value - d.Value.Before!.Value)))
        .GroupBy(x => x.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Average(x => x.Delta), StringComparer.Ordinal);
}
