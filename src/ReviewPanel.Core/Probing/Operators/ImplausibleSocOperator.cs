using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Replaces the classification's SOC code with one that does not exist or belongs to an unrelated occupation.</summary>
public sealed partial class ImplausibleSocOperator : IMutationOperator
{
    // 15-1999, 13-9999, 53-9999 are well-formed but not in O*NET-SOC; the others are real and far from most focuses.
    private static readonly string[] Codes = ["15-1999", "13-9999", "53-9999", "29-1141", "35-2014", "47-2111"];

    public string Class => "implausible-soc";
    public string ExpectedDimension => Dimensions.Evidence;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var found = source.LayerLines(LayerKeys.Classification)
            .Select(l => (Line: l, Match: SocCode().Match(l.Text)))
            .FirstOrDefault(x => x.Match.Success);
        if (found.Match is null)
        {
            return null;
        }
        var claimed = found.Match.Value;
        var choices = Codes.Where(c => !claimed.StartsWith(c[..2], StringComparison.Ordinal) || !IsReal(c)).Where(c => c != claimed).ToList();
        var code = Draw.OneOf(random, choices);
        return source.Mutate(this, found.Line.Offset + found.Match.Index, found.Match.Length, code, $"SOC {claimed} → {code}");
    }

    private static bool IsReal(string code) => code is "29-1141" or "35-2014" or "47-2111";

    // The page glues fields together ("code=15-1243source=..."), so no word boundaries: digits must not continue.
    [GeneratedRegex(@"(?<!\d)\d{2}-\d{4}(?:\.\d{2})?(?!\d)")]
    private static partial Regex SocCode();
}
