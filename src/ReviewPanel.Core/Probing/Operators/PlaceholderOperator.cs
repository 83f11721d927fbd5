using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Replaces the text of one responsibility or skill bullet with placeholder text a generator left behind.</summary>
public sealed class PlaceholderOperator : IMutationOperator
{
    private static readonly string[] Placeholders =
    [
        "TBD — lorem ipsum dolor sit amet.",
        "TODO: describe this responsibility.",
        "[Insert responsibility here]",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    ];

    public string Class => "placeholder";
    public string ExpectedDimension => Dimensions.Consistency;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var candidates = source.Bullets(LayerKeys.Responsibilities).Concat(source.Bullets(LayerKeys.Skills)).ToList();
        if (Draw.One(random, candidates) is not { } line)
        {
            return null;
        }
        var start = Draw.BulletTextStart(line);
        var placeholder = Draw.OneOf(random, Placeholders);
        return source.Mutate(this, start, line.End - start, placeholder, $"line {line.Number + 1} replaced by placeholder text");
    }
}
