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

    public static ReportRows FromReportJson(string reportJson) => FromReport(ParseReport(reportJson), reportJson);

    /// <summary>
    /// The rows of a report whose canonical JSON is <paramref name="reportJson"/> (the writer has both in hand, so it
    /// does not parse the report back; verification parses it with <see cref="FromReportJson"/> and must agree).
    /// </summary>
    public static ReportRows FromReport(ProfileReport report, string reportJson)
    {
        using var document = JsonDocument.Parse(reportJson);
        var reviewElements = RawElements(document.RootElement, "reviews");
        var adjudicationElements = RawElements(document.RootElement, "adjudications");

        var reviews = new List<ReviewRow>();
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
                    rawJson[i]));
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
