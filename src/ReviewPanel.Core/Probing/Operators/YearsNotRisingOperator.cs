using System.Globalization;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Sets one level row's minimum years to the previous row's or fewer, so experience no longer rises with level.</summary>
public sealed class YearsNotRisingOperator : IMutationOperator
{
    public string Class => "years-not-rising";
    public string ExpectedDimension => Dimensions.LevelCalibration;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rows = source.TableRows(LayerKeys.LevelGuidelines).Select(r => (Row: r, Years: LevelRows.Years(r))).ToList();
        var candidates = Enumerable.Range(1, Math.Max(0, rows.Count - 1))
            .Where(i => rows[i].Years is not null && rows[i - 1].Years is not null && rows[i - 1].Years!.Value.Value < rows[i].Years!.Value.Value)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var pick = candidates[random.Next(candidates.Count)];
        var years = rows[pick].Years!.Value;
        var previous = rows[pick - 1].Years!.Value.Value;
        var value = Math.Max(0, previous - random.Next(2));
        return source.Mutate(this, years.Offset, years.Length, value.ToString(CultureInfo.InvariantCulture),
            $"{LevelRows.LevelOf(rows[pick].Row) ?? "row"} years {years.Value} → {value} (previous level: {previous})");
    }
}
