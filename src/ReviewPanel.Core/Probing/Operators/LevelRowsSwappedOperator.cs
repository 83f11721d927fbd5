using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Swaps two adjacent rows of the level-guidelines table, so the ladder is out of order.</summary>
public sealed class LevelRowsSwappedOperator : IMutationOperator
{
    public string Class => "level-rows-swapped";
    public string ExpectedDimension => Dimensions.LevelCalibration;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rows = source.TableRows(LayerKeys.LevelGuidelines);
        if (rows.Count < 2)
        {
            return null;
        }
        var i = random.Next(rows.Count - 1);
        var (a, b) = (rows[i], rows[i + 1]);
        if (b.Number != a.Number + 1)
        {
            return null;
        }
        return source.Mutate(this, a.Offset, b.End - a.Offset, b.Text + "\n" + a.Text,
            $"level rows {LevelRows.LevelOf(a) ?? "?"} and {LevelRows.LevelOf(b) ?? "?"} swapped");
    }
}
