using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Adds an exclusionary or gendered sentence (age, native speaker, pedigree, gendered pronoun) to the focus.</summary>
public sealed class ExclusionaryWordingOperator : IMutationOperator
{
    private static readonly string[] Sentences =
    [
        "Seeking a young, energetic rockstar who is a native English speaker.",
        "He must be a recent graduate with a degree from a top-tier university.",
        "Ideal candidates are digital natives who fit a youthful team.",
        "She keeps the team's manpower plans up to date.",
    ];

    public string Class => "exclusionary-wording";
    public string ExpectedDimension => Dimensions.Fairness;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random) =>
        InsertedSentence.Append(this, source, random, Draw.OneOf(random, Sentences), "exclusionary sentence");
}
