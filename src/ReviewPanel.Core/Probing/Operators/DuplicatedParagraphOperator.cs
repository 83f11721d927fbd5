using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Copies one responsibility or skill line of six or more words and inserts the copy right after it.</summary>
public sealed class DuplicatedParagraphOperator : IMutationOperator
{
    public string Class => "duplicated-paragraph";
    public string ExpectedDimension => Dimensions.Consistency;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var candidates = source.Bullets(LayerKeys.Responsibilities).Concat(source.Bullets(LayerKeys.Skills))
            .Where(l => Draw.Words(l.Text) >= 7).ToList();
        if (Draw.One(random, candidates) is not { } line)
        {
            return null;
        }
        return source.Mutate(this, line.End, 0, "\n" + line.Text, $"line {line.Number + 1} repeated");
    }
}
