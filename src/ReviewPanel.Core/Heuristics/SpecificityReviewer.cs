using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Specificity: responsibilities that would fit any job. A bullet is generic when it uses filler phrases ("other
/// duties as assigned", "team player", ...) or when it shares no content word with the profile's own focus and
/// skills and names nothing technical (a word with digits or a slash, CamelCase, an acronym). The score follows the
/// generic fraction.
/// </summary>
public sealed partial class SpecificityReviewer : IReviewer
{
    /// <summary>Words every job description uses; sharing one with the focus says nothing about the focus.</summary>
    private static readonly HashSet<string> WorkplaceWords = new(StringComparer.Ordinal)
    {
        "work", "time", "team", "support", "help", "group", "people", "person", "task", "duty", "job", "role", "company",
        "colleague", "member", "day", "thing", "way", "other", "new", "good", "high", "level",
    };

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.specificity", "1", HeuristicText.Kind, [Dimensions.Specificity]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var layer = profile.Layer(LayerKeys.Responsibilities);
        var bullets = layer is null ? [] : Bullets(layer);
        if (layer is null || bullets.Count == 0)
        {
            const string Why = "No responsibilities to judge.";
            return Task.FromResult(HeuristicText.Review(Descriptor, Why, DimensionScore.Abstain(Dimensions.Specificity, Why)));
        }

        var vocabulary = Vocabulary(profile);
        var evidence = new List<Evidence>();
        foreach (var bullet in bullets)
        {
            var filler = Filler().Match(HeuristicText.Norm(bullet));
            if (filler.Success)
            {
                evidence.Add(new Evidence(layer.Key, HeuristicText.Clip(bullet, 200), $"Generic filler (\"{filler.Value}\")."));
            }
            else if (!HasTechnicalToken(bullet) && !HeuristicText.ContentWords(bullet).Any(vocabulary.Contains))
            {
                evidence.Add(new Evidence(layer.Key, HeuristicText.Clip(bullet, 200), "Shares no term with the focus or skills: could fit any job."));
            }
        }

        var fraction = (double)evidence.Count / bullets.Count;
        var score = fraction switch { >= 0.6 => 1, >= 0.3 => 2, >= 0.15 => 3, > 0 => 4, _ => 5 };
        var rationale = $"Checked {bullets.Count} responsibilities for filler phrases and for bullets sharing no term with the "
            + $"focus and skills and naming nothing technical; {evidence.Count} generic ({Math.Round(fraction * 100):0}%).";
        var result = new DimensionScore(Dimensions.Specificity, score, rationale, evidence);
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, result));
    }

    private static IReadOnlyList<string> Bullets(ProfileLayer layer) =>
        layer.Items.Count > 0
            ? layer.Items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList()
            : HeuristicText.Lines(layer).Where(HeuristicText.IsBullet).Select(HeuristicText.StripBullet).Where(b => b.Length > 0).ToList();

    /// <summary>The profile's own terms: the focus text and the skills (names and descriptions).</summary>
    private static HashSet<string> Vocabulary(RoleProfile profile)
    {
        var texts = new List<string>();
        if (profile.Layer(LayerKeys.Focus) is { } focus) texts.Add(focus.Text);
        if (profile.Layer(LayerKeys.Skills) is { } skills)
        {
            texts.AddRange(skills.Fields.Count > 0 ? skills.Fields.SelectMany(f => new[] { f.Key, f.Value }) : [skills.Text]);
        }
        return texts.SelectMany(HeuristicText.ContentWords).Where(w => !WorkplaceWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    private static bool HasTechnicalToken(string text) => TechnicalToken().IsMatch(text);

    // Words with a digit, a slash between letters, CamelCase (GitLab, DevOps), or an acronym (AWS, SLOs).
    [GeneratedRegex(@"\b\w*\d\w*\b|\w/\w|\b[A-Z]?[a-z]+[A-Z]\w*|\b[A-Z]{2,}s?\b")]
    private static partial Regex TechnicalToken();

    [GeneratedRegex(@"other duties|duties as assigned|works? well with others|team player|communicates? effectively|effective communicat\w*|attention to detail|detail[- ]oriented|fast[- ]paced|as needed|as required|various tasks|self[- ]starter|results[- ]driven|above and beyond|many hats|outside the box|strong work ethic|multi-?task\w*|\bwhatever it takes\b|\bsynerg\w*")]
    private static partial Regex Filler();
}
