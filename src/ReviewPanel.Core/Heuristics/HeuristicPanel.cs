using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>The offline heuristic reviewers: deterministic, free, and the cheap pre-filter before LLM reviewers.</summary>
public static class HeuristicPanel
{
    /// <summary>Every heuristic reviewer, with the embedded O*NET-SOC catalog.</summary>
    public static IReadOnlyList<IReviewer> CreateDefault() =>
    [
        new DuplicationReviewer(),
        new PlaceholderReviewer(),
        new LevelLadderReviewer(),
        new EvidenceReviewer(),
        new FairnessReviewer(),
        new SpecificityReviewer(),
        new InjectionReviewer(),
        new HiddenCharacterReviewer(),
        new CompletenessReviewer(),
    ];

    /// <summary>The dimensions the heuristic reviewers judge between them (in rubric order).</summary>
    public static IReadOnlyList<string> JudgedDimensions { get; } =
        Dimensions.All.Where(d => CreateDefault().Any(r => r.Descriptor.Dimensions.Contains(d))).ToList();
}
