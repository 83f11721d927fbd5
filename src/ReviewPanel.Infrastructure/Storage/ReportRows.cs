using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;

namespace ReviewPanel.Storage;

/// <summary>
/// The queryable rows (reviews, scores) a report expands to. Writing and verifying both derive them from the
/// stored report_json, so "the rows agree with the hashed report" is checked by the same code that wrote them.
/// </summary>
internal sealed record ReportRows(IReadOnlyList<ReviewRow> Reviews, IReadOnlyList<ScoreRow> Scores)
{
    public const string ReviewRole = "review";

    public const string AdjudicationRole = "adjudication";

    public static ProfileReport ParseReport(string reportJson) =>
        JsonSerializer.Deserialize<ProfileReport>(reportJson, ReviewPanelJson.Canonical)
        ?? throw new JsonException("report_json is null");

    /// <summary>
    /// The rows of a report whose canonical JSON is <paramref name="reportJson"/> (the writer has both in hand, so it
    /// does not parse the report back; verification parses the stored report and must agree).
    /// <c>review_json</c> holds a review's exact text inside the report only where it is read on its own: a review
    /// with a cache key, which a later run may reuse. Every other review is in the hashed report already; copying
    /// it again was a quarter of what an offline verdict stored. Rows written before that hold the copy for every
    /// review, and verification accepts both (<see cref="ChainVerifier"/>).
    /// </summary>
    public static ReportRows FromReport(ProfileReport report, string reportJson) => FromReport(report, reportJson, copyEvery: false);

    /// <param name="copyEvery">Every review's text, cached or not (what rows written before reviews kept only cached text hold).</param>
    public static ReportRows FromReport(ProfileReport report, string reportJson, bool copyEvery)
    {
        var needsText = copyEvery
            || report.Reviews.Any(r => r.CacheKey is not null)
            || report.Adjudications.Any(r => r.CacheKey is not null);
        // Parsed only when some review's text is kept: an offline report has none, and then is not read back at all.
        using var document = needsText ? JsonDocument.Parse(reportJson) : null;
        var reviewElements = document is null ? [] : RawElements(document.RootElement, "reviews");
        var adjudicationElements = document is null ? [] : RawElements(document.RootElement, "adjudications");

        var reviews = new List<ReviewRow>(report.Reviews.Count + report.Adjudications.Count);
        var scores = new List<ScoreRow>();
        Add(report.Reviews, reviewElements, ReviewRole);
        Add(report.Adjudications, adjudicationElements, AdjudicationRole);
        return new ReportRows(reviews, scores);

        void Add(IReadOnlyList<Review> items, IReadOnlyList<string> rawJson, string role)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var review = items[i];
                var ordinal = reviews.Count;
                reviews.Add(new ReviewRow(
                    ordinal,
                    role,
                    review.ReviewerId,
                    review.ReviewerVersion,
                    review.Kind,
                    EnumText.Of(review.Status),
                    review.CacheKey,
                    copyEvery || review.CacheKey is not null ? rawJson[i] : ""));
                for (var s = 0; s < review.Scores.Count; s++)
                {
                    var score = review.Scores[s];
                    scores.Add(new ScoreRow(ordinal, s, review.ReviewerId, score.Dimension, score.Score, score.Ungrounded));
                }
            }
        }
    }

    // The exact text of each review inside report_json, so review_json is byte-identical to what was hashed.
    private static List<string> RawElements(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetRawText())]
            : [];
}
