using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Years of experience stated in text: "2+ years", "5+ years (BA)", "12–18 yrs", "15+", "3 years". <see cref="Max"/>
/// is null when open-ended ("15+"); <see cref="Source"/> is the verbatim text that was read.
/// </summary>
internal sealed partial record YearsRange(int Min, int? Max, string Source)
{
    /// <summary>The first years statement in <paramref name="text"/>; a bare number without "+", a range or a years word is not one.</summary>
    public static YearsRange? Parse(string text)
    {
        foreach (Match m in Pattern().Matches(text))
        {
            var plus = m.Groups["plus"].Success || m.Groups["plus2"].Success;
            var to = m.Groups["to"].Success;
            if (!plus && !to && !m.Groups["unit"].Success) continue;
            var min = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
            int? max = plus ? null : to ? int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) : min;
            return new YearsRange(min, max, m.Value.Trim());
        }
        return null;
    }

    [GeneratedRegex(@"(?<!\d)(?<min>\d{1,2})(?:\s*(?<plus>\+)|\s*(?:–|—|-|to)\s*(?<to>\d{1,2})(?<plus2>\+)?)?(?:\s*(?<unit>years?|yrs?)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
