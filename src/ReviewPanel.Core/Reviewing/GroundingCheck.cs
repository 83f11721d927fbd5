using ReviewPanel.Hashing;
using ReviewPanel.Profiles;
using ReviewPanel.Text;

namespace ReviewPanel.Reviewing;

/// <summary>
/// Every quote must occur, whitespace- and case-normalized, in a string of the profile that reviewers see (a layer's
/// title, text, items, columns, cells, field names and values, sources; the profile's title, code and id under the
/// pseudo key <c>profile</c>; see <see cref="ProfileStrings"/>). The layer the quote names is searched first, then
/// every other; where it was found is recorded in <see cref="Evidence.Location"/>. Hidden characters may be quoted
/// as they are, left out (what a model saw when they were stripped) or as their visible escapes (<c>&lt;U+200B&gt;</c>).
/// A critique (a score below the pass line) with no grounded evidence is marked <see cref="DimensionScore.Ungrounded"/>
/// and does not count; ungrounded injection quotes are kept, marked, and do not fail the profile.
/// </summary>
public sealed class GroundingCheck(RoleProfile profile)
{
    // Normalized on the first quote to look up: a clean profile's reviews often quote nothing at all.
    // The location is spelled out only for a string a quote is found in.
    private readonly Lazy<List<(string Key, ProfileStringEntry String, string[] Forms)>> _strings = new(() => ProfileStrings.Entries(profile)
        .Where(s => s.Value.Length > 0)
        .Select(s => (s.LayerKey, s, Forms(s.Value)))
        .ToList());

    public bool IsGrounded(Evidence evidence) => Locate(evidence) is not null;

    /// <summary>Where the quote is (a <see cref="ProfileString.Location"/>), or null when it is in no string of the profile.</summary>
    public string? Locate(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var quotes = Forms(evidence.Quote).Where(q => q.Length > 0).ToArray();
        if (quotes.Length == 0)
        {
            return null;
        }
        return Find(quotes, s => s.Key == evidence.LayerKey) ?? Find(quotes, s => s.Key != evidence.LayerKey);
    }

    public Evidence Mark(Evidence evidence)
    {
        var location = Locate(evidence);
        return evidence with { Grounded = location is not null, Location = location };
    }

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

    private string? Find(string[] quotes, Func<(string Key, ProfileStringEntry String, string[] Forms), bool> where)
    {
        foreach (var s in _strings.Value)
        {
            if (where(s) && s.Forms.Any(f => quotes.Any(q => f.Contains(q, StringComparison.Ordinal))))
            {
                return s.String.Location;
            }
        }
        return null;
    }

    /// <summary>The normalized text; when it has hidden characters, also without them and with them escaped.</summary>
    private static string[] Forms(string text) =>
        VisibleText.ContainsHidden(text)
            ? [TextNormalizer.Normalize(text), TextNormalizer.Normalize(VisibleText.Strip(text)), TextNormalizer.Normalize(VisibleText.Escape(text))]
            : [TextNormalizer.Normalize(text)];

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
