using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Evidence: a provenance layer with content, a classification with a well-formed SOC code that exists in O*NET-SOC
/// and is plausible for the focus. Plausible means the code's SOC major group leads, or holds at least three of, the major groups of the
/// occupations most similar (TF-IDF cosine) to the profile's focus, skills and responsibilities.
/// </summary>
/// <param name="catalog">The occupation list; the embedded O*NET-SOC catalog (loaded on first review) when null.</param>
public sealed partial class EvidenceReviewer(SocCatalog? catalog = null) : IReviewer
{
    /// <summary>How many best-matching occupations vouch for a major group.</summary>
    public const int TopMatches = 10;

    private SocCatalog Catalog => catalog ?? SocCatalog.Default;

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.evidence", "1", HeuristicText.Kind, [Dimensions.Evidence]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var findings = new List<Finding>();
        var anchor = Anchor(profile);
        if (anchor.Quote is null)
        {
            // Nothing to quote, so no critique could be grounded; say so instead of passing an empty draft.
            const string Why = "The profile has no text: nothing to check evidence against.";
            return Task.FromResult(HeuristicText.Review(Descriptor, Why, DimensionScore.Abstain(Dimensions.Evidence, Why)));
        }

        var provenance = profile.Layer(LayerKeys.Provenance);
        if (provenance is null || HeuristicText.BodyLines(provenance).Count == 0)
        {
            findings.AddRange(Absent(anchor, provenance is null ? "The profile has no provenance layer." : "The provenance layer is empty."));
        }

        var classification = profile.Layer(LayerKeys.Classification);
        var (code, codeText) = classification is null ? (null, null) : ClaimedCode(classification);
        if (classification is null || code is null)
        {
            var where = classification is not null && HeuristicText.FirstLine(classification) is { } heading ? (classification.Key, heading) : anchor;
            findings.AddRange(Absent(where, classification is null ? "The profile has no classification." : "The classification carries no SOC code."));
        }
        else if (!SocCatalog.IsWellFormed(code))
        {
            findings.Add(new Finding(2, new Evidence(classification.Key, codeText!, $"SOC code \"{code}\" is malformed (expected NN-NNNN or NN-NNNN.NN).")));
        }
        else if (Catalog.Find(code).Count == 0)
        {
            findings.Add(new Finding(2, new Evidence(classification.Key, codeText!, $"SOC code {code} is not in the O*NET-SOC list.")));
        }
        else if (Implausible(profile, code) is { } note)
        {
            findings.Add(new Finding(3, new Evidence(classification.Key, codeText!, note)));
        }

        // Empty adjacent roles or aliases weaken the evidence but do not fail it: at most a 4, with a note.
        var notes = new List<Finding>();
        foreach (var key in new[] { LayerKeys.AdjacentRoles, LayerKeys.TitleAliases })
        {
            var layer = profile.Layer(key);
            if (layer is not null && (layer.Items.Count > 0 || layer.Fields.Count > 0)) continue;
            var quote = layer is null ? anchor.Quote : HeuristicText.BodyLines(layer).Select(HeuristicText.StripBullet).FirstOrDefault() ?? HeuristicText.FirstLine(layer);
            if (quote is not null) notes.Add(new Finding(4, new Evidence(layer?.Key ?? anchor.Key, quote, $"No {key} listed.")));
        }

        var score = Math.Min(HeuristicText.ScoreFrom(findings), notes.Count > 0 ? 4 : 5);
        var rationale = "Checked provenance is present, the classification's SOC code is well-formed, in O*NET-SOC and "
            + $"plausible for the focus (its major group among the top {TopMatches} TF-IDF matches), and adjacent roles and aliases are listed"
            + (findings.Count + notes.Count == 0 ? "; all present." : $"; {HeuristicText.Plural(findings.Count, "defect")}, {HeuristicText.Plural(notes.Count, "note")}.");
        var evidence = findings.Concat(notes).SelectMany(f => f.Evidence).ToList();
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, new DimensionScore(Dimensions.Evidence, score, rationale, evidence)));
    }

    /// <summary>Null when the code is plausible (or nothing describes the focus); otherwise why not.</summary>
    /// <summary>How many of the top matches must share the claimed major group when it does not lead.</summary>
    private const int MinGroupShare = 3;

    private string? Implausible(RoleProfile profile, string code)
    {
        var text = string.Join("\n", new[] { LayerKeys.Focus, LayerKeys.Skills, LayerKeys.Responsibilities }
            .Select(profile.Layer).OfType<ProfileLayer>().Select(l => l.Text));
        if (string.IsNullOrWhiteSpace(text)) return null;
        var top = Catalog.Rank(text, TopMatches);
        if (top.Count == 0) return null;
        var group = code[..2];
        // One stray neighbour among the top matches is noise (a data profile's top ten can hold an occupational
        // therapist); the claimed group must lead the ranking or hold a real share of it.
        if (top[0].Occupation.MajorGroup == group || top.Count(m => m.Occupation.MajorGroup == group) >= MinGroupShare) return null;
        var claimed = Catalog.Find(code)[0].Title;
        var nearest = string.Join("; ", top.Take(3).Select(m => $"{m.Occupation.Soc} {m.Occupation.Title}"));
        return $"SOC {code} ({claimed}) is implausible for this focus; nearest occupations: {nearest}.";
    }

    /// <summary>The claimed code (a "code" field, else the first code-like token) and the verbatim text to quote.</summary>
    private static (string? Code, string? Quote) ClaimedCode(ProfileLayer classification)
    {
        var field = classification.Fields.FirstOrDefault(f => CodeKey().IsMatch(f.Key));
        if (!string.IsNullOrWhiteSpace(field.Value))
        {
            var value = field.Value.Trim();
            var quote = classification.Text.Contains(value, StringComparison.OrdinalIgnoreCase)
                ? value
                : HeuristicText.LineContaining(classification, value) ?? HeuristicText.FirstLine(classification);
            return (value, quote);
        }
        var match = CodeLike().Match(classification.Text);
        return match.Success ? (match.Value, match.Value) : (null, null);
    }

    private static IEnumerable<Finding> Absent((string Key, string? Quote) anchor, string note) =>
        anchor.Quote is null ? [] : [new Finding(2, new Evidence(anchor.Key, anchor.Quote, note))];

    /// <summary>What a finding about a missing layer quotes: the title line, which identifies the profile.</summary>
    private static (string Key, string? Quote) Anchor(RoleProfile profile)
    {
        var layer = profile.Layer(LayerKeys.Title) ?? profile.Layers.FirstOrDefault(l => !l.IsEmpty);
        return layer is null ? ("", null) : (layer.Key, HeuristicText.FirstLine(layer));
    }

    [GeneratedRegex(@"^(?:o\*?net[\s_-]*)?(?:soc[\s_-]*)?code$|^soc$|^o\*?net(?:[\s_-]*soc)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CodeKey();

    [GeneratedRegex(@"\b\d{2}-\d{4}(?:\.\d{2})?\b")]
    private static partial Regex CodeLike();
}
