using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Changes the level named in the level block's heading (<c>Level — P4 — …</c>) to another level of the table, so it no longer matches the title.</summary>
public sealed partial class TitleLevelMismatchOperator : IMutationOperator
{
    public string Class => "title-level-mismatch";
    public string ExpectedDimension => Dimensions.LevelCalibration;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.LayerLines(LayerKeys.Level);
        if (lines.Count == 0 || BlockLevel().Match(lines[0].Text) is not { Success: true } match)
        {
            return null;
        }
        var heading = lines[0];
        var own = match.Groups[1].Value.ToUpperInvariant();
        var others = source.TableRows(LayerKeys.LevelGuidelines).Select(LevelRows.LevelOf).OfType<string>().Where(l => l != own).Distinct().ToList();
        if (others.Count == 0)
        {
            return null;
        }
        var other = Draw.OneOf(random, others);
        var group = match.Groups[1];
        return source.Mutate(this, heading.Offset + group.Index, group.Length, other, $"level block says {other}, title says {own}");
    }

    [GeneratedRegex(@"^Level\s*[—–:\-]\s*([A-Za-z]{1,3}\d{1,2})\b")]
    private static partial Regex BlockLevel();
}
