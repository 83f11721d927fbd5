using ReviewPanel.Profiles;

namespace ReviewPanel.Probing;

/// <summary>
/// Plants one known defect in a profile's source text. Deterministic: the same original and the same random source give
/// the same mutant. Returns null when the original offers no place for this defect (e.g. no classification code).
/// </summary>
public interface IMutationOperator
{
    /// <summary>Stable kebab-case name of the defect class (what <c>--classes</c> selects).</summary>
    string Class { get; }

    /// <summary>The dimension the gate should fail, or <c>instructions-in-profile</c>.</summary>
    string ExpectedDimension { get; }

    /// <summary>
    /// True when the offline heuristics are meant to catch this class: then <c>probe</c> requires recall 1.0 of the
    /// offline panel by default. False for what only a model can see (invented tools) or what no heuristic checks yet.
    /// </summary>
    bool OfflineCovered { get; }

    Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random);
}
