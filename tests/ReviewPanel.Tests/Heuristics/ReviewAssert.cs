using ReviewPanel.Hashing;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Heuristics;

/// <summary>Runs a heuristic reviewer and checks the contract every heuristic review must keep.</summary>
internal static class ReviewAssert
{
    public static async Task<Review> RunAsync(IReviewer reviewer, RoleProfile profile)
    {
        var review = await reviewer.ReviewAsync(profile, CancellationToken.None);
        WellFormed(reviewer, profile, review);
        return review;
    }

    /// <summary>Runs a single-dimension reviewer and returns its only score.</summary>
    public static async Task<DimensionScore> ScoreAsync(IReviewer reviewer, RoleProfile profile) =>
        Assert.Single((await RunAsync(reviewer, profile)).Scores);

    public static void WellFormed(IReviewer reviewer, RoleProfile profile, Review review)
    {
        Assert.Equal(reviewer.Descriptor.Id, review.ReviewerId);
        Assert.StartsWith("heuristic.", review.ReviewerId, StringComparison.Ordinal);
        Assert.Equal("1", review.ReviewerVersion);
        Assert.Equal("heuristic", review.Kind);
        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.False(string.IsNullOrWhiteSpace(review.Rationale));
        // Only its own dimensions, no padding abstentions for the others.
        Assert.Equal(reviewer.Descriptor.Dimensions, review.Scores.Select(s => s.Dimension));
        foreach (var score in review.Scores)
        {
            Assert.False(string.IsNullOrWhiteSpace(score.Rationale));
            if (score.Score is { } value)
            {
                Assert.InRange(value, 1, 5);
                if (value < 4) Assert.NotEmpty(score.Evidence);
            }
            foreach (var evidence in score.Evidence) Grounded(profile, evidence);
        }
        foreach (var injection in review.Injections) Grounded(profile, injection);
    }

    /// <summary>
    /// The quote occurs verbatim (whitespace- and case-normalized) in a string of the layer it names (or of the
    /// profile's title, code and id for <c>profile</c>), and says why.
    /// </summary>
    public static void Grounded(RoleProfile profile, Evidence evidence)
    {
        var strings = ProfileStrings.Of(profile).Where(s => s.LayerKey == evidence.LayerKey).ToList();
        Assert.True(strings.Count > 0, $"Evidence names missing layer '{evidence.LayerKey}'.");
        var quote = TextNormalizer.Normalize(evidence.Quote);
        Assert.False(quote.Length == 0, "Empty quote.");
        Assert.True(strings.Any(s => TextNormalizer.Normalize(s.Value).Contains(quote, StringComparison.Ordinal)),
            $"Quote not in layer '{evidence.LayerKey}': {evidence.Quote}");
        Assert.False(string.IsNullOrWhiteSpace(evidence.Note));
    }
}
