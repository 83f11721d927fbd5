using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Cuts the level-guidelines table off just before the row of the profile's own level.</summary>
/// <remarks>Covered offline by <c>heuristic.completeness</c> (the table stops before the profile's own level).</remarks>
public sealed class LevelTableTruncatedOperator : IMutationOperator
{
    public string Class => "level-table-truncated";
    public string ExpectedDimension => Dimensions.LevelCalibration;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(source);
        var rows = source.TableRows(LayerKeys.LevelGuidelines);
        var own = original.Level is null ? -1 : rows.ToList().FindIndex(r => LevelRows.LevelOf(r) == original.Level);
        if (own <= 0)
        {
            return null;
        }
        var (offset, length) = source.WholeLines(rows[own], rows[^1]);
        return source.Mutate(this, offset, length, "", $"level table cut before its {original.Level} row ({rows.Count - own} of {rows.Count} rows removed)");
    }
}
