using ReviewPanel.Probing.Operators;

namespace ReviewPanel.Probing;

/// <summary>The shipped mutation operators, one per defect class, in the order reports list them.</summary>
public static class MutationOperators
{
    public static IReadOnlyList<IMutationOperator> All { get; } =
    [
        new DuplicatedParagraphOperator(),
        new PlaceholderOperator(),
        new SectionRemovedOperator(),
        new LevelTableTruncatedOperator(),
        new CutMidSentenceOperator(),
        new LevelRowsSwappedOperator(),
        new TitleLevelMismatchOperator(),
        new YearsNotRisingOperator(),
        new ExclusionaryWordingOperator(),
        new ReviewerInstructionOperator(),
        new ObfuscatedInstructionOperator(),
        new InventedToolOperator(),
        new ImplausibleSocOperator(),
        new GenericFillerOperator(),
        new ProvenanceRemovedOperator(),
    ];

    public static IMutationOperator? Find(string mutationClass) =>
        All.FirstOrDefault(o => string.Equals(o.Class, mutationClass, StringComparison.OrdinalIgnoreCase));
}
