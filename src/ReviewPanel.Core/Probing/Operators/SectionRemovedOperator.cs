using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Deletes one whole content section (focus, responsibilities, level guidelines or skills), heading included.</summary>
/// <remarks>Covered offline by <c>heuristic.completeness</c> (a section of the generator's page is missing).</remarks>
public sealed class SectionRemovedOperator : IMutationOperator
{
    private static readonly string[] Sections = [LayerKeys.Focus, LayerKeys.Responsibilities, LayerKeys.LevelGuidelines, LayerKeys.Skills];

    public string Class => "section-removed";
    public string ExpectedDimension => Dimensions.Consistency;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var present = Sections.Where(source.HasLayer).ToList();
        if (present.Count == 0)
        {
            return null;
        }
        var key = Draw.OneOf(random, present);
        var lines = source.LayerLines(key);
        var (offset, length) = source.WholeLines(lines[0], lines[^1]);
        return source.Mutate(this, offset, length, "", $"section {key} removed (lines {lines[0].Number + 1}-{lines[^1].Number + 1})");
    }
}
