namespace ReviewPanel.Probing;

/// <summary>One class across two probe runs: recall before and after; <see cref="Lost"/> when it fell.</summary>
public sealed record ProbeClassDrift(string Class, string ExpectedDimension, double? RecallBefore, double? RecallAfter, int MutantsBefore, int MutantsAfter,
    bool Lost, bool Gained, IReadOnlyList<ProbeReviewerDrift> Reviewers);
