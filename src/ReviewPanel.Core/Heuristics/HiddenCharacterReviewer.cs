using System.Globalization;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Text;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Consistency: characters a reader cannot see but a model or a terminal acts on (zero-width characters, soft hyphens,
/// word joiners, bidi controls, tag characters, control characters; see <see cref="VisibleText"/>) anywhere in the
/// profile's strings. Published text has no use for them and they are the usual carrier of hidden instructions, so
/// each is a finding in itself. The quote is the raw text around the character (so it is grounded); the note shows
/// it with the characters escaped (<c>&lt;U+200B&gt;</c>).
/// </summary>
public sealed class HiddenCharacterReviewer : IReviewer
{
    private const int Cap = 2;
    private const int Context = 60;

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.hidden-characters", "1", HeuristicText.Kind, [Dimensions.Consistency]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var findings = new List<Finding>();
        var seen = new HashSet<(string, string)>();
        var strings = 0;
        foreach (var s in ProfileStrings.Entries(profile))
        {
            if (s.IsDerived) continue;
            strings++;
            // Checked first without collecting anything: nearly every string has no hidden character.
            if (!VisibleText.ContainsHidden(s.Value)) continue;
            var runs = VisibleText.HiddenRuns(s.Value).ToList();
            if (runs.Count == 0) continue;
            var quote = Around(s.Value, runs[0].Index, runs[0].Length);
            if (!seen.Add((s.LayerKey, quote))) continue;
            var kinds = runs
                .GroupBy(r => VisibleText.Code(s.Value, r.Index))
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {VisibleText.Describe(s.Value, g.First().Index)} ×{g.Count()}"));
            var note = $"{HeuristicText.Plural(runs.Count, "hidden character")} in {s.Location} ({string.Join(", ", kinds)}); "
                + $"shown: \"{VisibleText.Escape(quote)}\".";
            findings.Add(new Finding(Cap, new Evidence(s.LayerKey, quote, note)));
        }

        var score = HeuristicText.ScoreFrom(findings);
        const string Checked = "Looked in every string of the profile for invisible, format and control characters "
            + "(zero-width, soft hyphen, word joiner, bidi controls, tag characters, C0/C1 controls)";
        var rationale = findings.Count == 0
            ? $"{Checked}; {strings} strings, none found."
            : $"{Checked}; found them in {HeuristicText.Plural(findings.Count, "place")}.";
        var result = new DimensionScore(Dimensions.Consistency, score, rationale, findings.SelectMany(f => f.Evidence).ToList());
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, result));
    }

    /// <summary>The line holding the character, or a window of about <see cref="Context"/> characters each side; never splits a pair.</summary>
    private static string Around(string text, int index, int length)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var lineEnd = text.IndexOf('\n', index);
        if (lineEnd < 0) lineEnd = text.Length;
        var from = Math.Max(lineStart, index - Context);
        var to = Math.Min(lineEnd, index + length + Context);
        if (from > lineStart && char.IsLowSurrogate(text[from])) from--;
        if (to < lineEnd && char.IsLowSurrogate(text[to])) to++;
        var quote = text[from..to];
        var trimmed = HeuristicText.StripBullet(quote);
        // A quote that is nothing but hidden characters would vanish when normalized; keep the visible text around it.
        return VisibleText.Strip(trimmed).Trim().Length > 0 ? trimmed : text[lineStart..lineEnd];
    }
}
