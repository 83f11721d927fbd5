using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Consistency: paragraphs, bullets and table rows that occur more than once after normalization, within a layer
/// or across layers. A repeat inside one layer is a copy defect (2 points); the same text in another layer is an
/// echo (1 point: a page summary quoting its focus once is tolerable, more is not).
/// </summary>
public sealed class DuplicationReviewer : IReviewer
{
    /// <summary>Shorter lines (headings, skill names, "Organization-wide") repeat legitimately.</summary>
    private const int MinWords = 6;

    private static readonly char[] TrailingPunctuation = ['.', ';', ':', ' '];

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.duplication", "1", HeuristicText.Kind, [Dimensions.Consistency]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var occurrences =
            from layer in profile.Layers
            from line in HeuristicText.Lines(layer)
            where !HeuristicText.IsTableSeparator(line)
            let content = HeuristicText.StripBullet(line)
            where HeuristicText.WordCount(content) >= MinWords
            select (Layer: layer.Key, Content: content, Key: HeuristicText.Norm(content).TrimEnd(TrailingPunctuation));
        // Listed once, not walked (and normalized) for the emptiness check and again for the grouping.
        var found = occurrences.ToList();

        if (found.Count == 0)
        {
            const string Why = "No paragraph, bullet or table row of 6+ words: nothing to compare for repeats.";
            return Task.FromResult(HeuristicText.Review(Descriptor, Why, DimensionScore.Abstain(Dimensions.Consistency, Why)));
        }

        var points = 0;
        var evidence = new List<Evidence>();
        foreach (var group in found.GroupBy(o => o.Key).Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            var layers = all.Select(o => o.Layer).Distinct().ToList();
            var inLayerRepeats = all.Count - layers.Count;
            points += 2 * inLayerRepeats + (layers.Count - 1);

            var where = string.Join(", ", layers.Select(l => $"{l} ×{all.Count(o => o.Layer == l)}"));
            // Quote each repeat (not the first occurrence) from the layer where it occurs.
            foreach (var repeat in all.Skip(1).Take(4))
            {
                evidence.Add(new Evidence(repeat.Layer, HeuristicText.Lead(repeat.Content),
                    $"Text repeated {all.Count} times ({where})."));
            }
        }

        var score = points switch { 0 => 5, 1 => 4, 2 => 3, <= 4 => 2, _ => 1 };
        var rationale = points == 0
            ? $"Compared every paragraph, bullet and table row of {MinWords}+ words across all layers after normalization; none repeats."
            : $"Compared every paragraph, bullet and table row of {MinWords}+ words across all layers after normalization; "
              + $"repeats weigh {points} point(s) (2 per repeat inside a layer, 1 per extra layer).";
        var result = new DimensionScore(Dimensions.Consistency, score, rationale, evidence);
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, result));
    }
}
