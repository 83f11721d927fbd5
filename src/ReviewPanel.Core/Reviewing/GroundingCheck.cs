using ReviewPanel.Hashing;
using ReviewPanel.Profiles;

namespace ReviewPanel.Reviewing;

/// <summary>
/// Every quote must occur, whitespace- and case-normalized, in the layer it names. A critique (a score below the
/// pass line) with no grounded evidence is marked <see cref="DimensionScore.Ungrounded"/> and does not count;
/// ungrounded injection quotes are kept, marked, and do not fail the profile.
/// </summary>
public sealed class GroundingCheck(RoleProfile profile)
{
    private readonly Dictionary<string, string> _normalizedLayers = profile.Layers
        .GroupBy(l => l.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => TextNormalizer.Normalize(string.Join("\n", g.Select(l => l.Text))), StringComparer.Ordinal);

    public bool IsGrounded(Evidence evidence)
    {
        var quote = TextNormalizer.Normalize(evidence.Quote);
        return quote.Length > 0
            && _normalizedLayers.TryGetValue(evidence.LayerKey, out var layer)
            && layer.Contains(quote, StringComparison.Ordinal);
    }

    public Evidence Mark(Evidence evidence) => evidence with { Grounded = IsGrounded(evidence) };

    /// <summary>Marks every quote of the review; scores below <paramref name="passThreshold"/> without grounded evidence become ungrounded.</summary>
    public Review Apply(Review review, double passThreshold)
    {
        var scores = review.Scores.Select(s => Apply(s, passThreshold)).ToList();
        var repeats = review.Repeats.Select(r => (IReadOnlyList<DimensionScore>)r.Select(s => Apply(s, passThreshold)).ToList()).ToList();
        return review with
        {
            Scores = scores,
            Repeats = repeats,
            Injections = review.Injections.Select(Mark).ToList(),
            Refutations = review.Refutations.Select(r => r with { Counter = Mark(r.Counter) }).ToList(),
        };
    }

    private DimensionScore Apply(DimensionScore score, double passThreshold)
    {
        var evidence = score.Evidence.Select(Mark).ToList();
        var isCritique = score.Score is { } s && s < passThreshold;
        return score with
        {
            Evidence = evidence,
            Ungrounded = isCritique && !evidence.Any(e => e.Grounded == true),
        };
    }
}
