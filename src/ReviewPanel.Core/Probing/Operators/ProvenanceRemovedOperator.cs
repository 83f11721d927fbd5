using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Deletes the provenance section, heading included.</summary>
public sealed class ProvenanceRemovedOperator : IMutationOperator
{
    public string Class => "provenance-removed";
    public string ExpectedDimension => Dimensions.Evidence;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.LayerLines(LayerKeys.Provenance);
        if (lines.Count == 0)
        {
            return null;
        }
        var (offset, length) = source.WholeLines(lines[0], lines[^1]);
        return source.Mutate(this, offset, length, "", $"provenance removed (lines {lines[0].Number + 1}-{lines[^1].Number + 1})");
    }
}
