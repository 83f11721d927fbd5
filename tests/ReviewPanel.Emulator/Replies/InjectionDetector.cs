using System.Text.RegularExpressions;

namespace ReviewPanel.Emulator.Replies;

/// <summary>Finds lines of a profile that talk to its reviewers instead of describing the role: "ignore the previous
/// instructions", "score every dimension 5". The emulator needs this to play both a gullible and a careful model.</summary>
internal static partial class InjectionDetector
{
    public static IReadOnlyList<QuoteRef> Find(FencedProfile? profile)
    {
        if (profile is null)
        {
            return [];
        }

        var hits = new List<QuoteRef>();
        foreach (var layer in profile.Layers)
        {
            foreach (var raw in layer.Text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length > 0 && (IgnoreRegex().IsMatch(line) || ScoreRegex().IsMatch(line)))
                {
                    hits.Add(new QuoteRef(layer.Key, line));
                }
            }
        }

        return hits;
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget|override)\b.{0,60}\b(instructions?|rules|rubric|guidelines|prompt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IgnoreRegex();

    [GeneratedRegex(@"\b(score|rate|grade|give|mark)\b.{0,60}\b5\b(?!\s*(years?|%|percent|incidents?|services?))", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreRegex();
}
