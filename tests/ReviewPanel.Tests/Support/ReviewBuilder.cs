using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Support;

/// <summary>Builds reviews for gate and aggregation tests: <c>Reviews.Of("r1", ("consistency", 2))</c>.</summary>
internal static class Reviews
{
    public static Review Of(string reviewerId, params (string Dimension, int? Score)[] scores) => new()
    {
        ReviewerId = reviewerId,
        ReviewerVersion = "1",
        Kind = "llm",
        Scores = scores.Select(s => new DimensionScore(
            s.Dimension,
            s.Score,
            "because",
            s.Score < 4 ? [new Evidence("focus", "weak text") { Grounded = true }] : [])).ToList(),
    };

    public static Review Error(string reviewerId) => new()
    {
        ReviewerId = reviewerId,
        ReviewerVersion = "1",
        Kind = "llm",
        Status = ReviewStatus.Error,
        Error = "boom",
    };
}
