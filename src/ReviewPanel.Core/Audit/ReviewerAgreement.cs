using ReviewPanel.Panel;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Audit;

/// <summary>
/// Audits a set of profile reports: per dimension, how far reviewers agree (Krippendorff's alpha), how each leans
/// against the panel median, how often it abstains or errs; and per reviewer, how its scores moved when its prompt
/// or model changed. Scores are the reviewers' own (ungrounded ones included): the point is how reviewers judge,
/// not what the gate counted. Adjudications are not reviews of the panel and are left out.
/// </summary>
public static class ReviewerAgreement
{
    /// <param name="passThreshold">The gate's pass threshold: what counts as a finding and as a passing score for leniency.</param>
    public static AgreementReport Analyze(IEnumerable<ProfileReport> reports, double passThreshold, AlphaLevel level = AlphaLevel.Ordinal)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var ordered = reports.OrderBy(r => r.StartedAt).ToList();
        var reviewerIds = ordered.SelectMany(r => r.Reviews).Select(r => r.ReviewerId)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var dimensions = ordered.SelectMany(r => r.Reviews).SelectMany(r => r.Scores).Select(s => s.Dimension)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(d => Dimensions.All.Contains(d) ? Dimensions.All.ToList().IndexOf(d) : int.MaxValue)
            .ThenBy(d => d, StringComparer.Ordinal)
            .ToList();

        var agreement = dimensions.Select(d => AnalyzeDimension(ordered, reviewerIds, d, level, passThreshold)).ToList();
        var drift = reviewerIds.Select(id => Drift(ordered, id)).OfType<ReviewerDrift>().ToList();
        return new AgreementReport(agreement, drift);
    }

    private static DimensionAgreement AnalyzeDimension(List<ProfileReport> reports, List<string> reviewerIds, string dimension, AlphaLevel level, double passThreshold)
    {
        var matrix = new List<IReadOnlyList<int?>>(reports.Count);
        var biasSum = new double[reviewerIds.Count];
        var biasUnits = new int[reviewerIds.Count];
        foreach (var report in reports)
        {
            var row = reviewerIds.Select(id => ScoreOf(Find(report, id), dimension)).ToArray();
            matrix.Add(row);
            var present = row.OfType<int>().ToList();
            if (present.Count < 2)
            {
                continue;
            }
            var median = Median(present);
            for (var r = 0; r < row.Length; r++)
            {
                if (row[r] is int score)
                {
                    biasSum[r] += score - median;
                    biasUnits[r]++;
                }
            }
        }

        var stats = new List<ReviewerDimensionStats>();
        for (var r = 0; r < reviewerIds.Count; r++)
        {
            var reviews = reports.Select(rep => Find(rep, reviewerIds[r])).OfType<Review>().ToList();
            // A reviewer that never mentions the dimension does not judge it; listing it would only add noise.
            if (!reviews.Any(rv => rv.Scores.Any(s => s.Dimension == dimension)))
            {
                continue;
            }
            var errors = reviews.Count(rv => rv.Status == ReviewStatus.Error);
            var scored = reviews.Count(rv => rv.Status == ReviewStatus.Ok && ScoreOf(rv, dimension) is not null);
            var abstained = reviews.Count(rv => rv.Status == ReviewStatus.Ok) - scored;
            var (contested, lenient) = Leniency(reports, reviewerIds[r], dimension, passThreshold);
            stats.Add(new ReviewerDimensionStats(
                reviewerIds[r], reviews.Count, errors, scored, abstained,
                biasUnits[r] == 0 ? null : biasSum[r] / biasUnits[r], biasUnits[r], contested, lenient));
        }

        var pairable = matrix.Count(row => row.Count(v => v is not null) >= 2);
        return new DimensionAgreement(dimension, KrippendorffAlpha.Compute(matrix, level), pairable, stats);
    }

    /// <summary>Reports where another reviewer had a grounded finding on the dimension and this one scored it; of those, the passing scores.</summary>
    private static (int Contested, int Lenient) Leniency(List<ProfileReport> reports, string reviewerId, string dimension, double passThreshold)
    {
        var contested = 0;
        var lenient = 0;
        foreach (var report in reports)
        {
            if (ScoreOf(Find(report, reviewerId), dimension) is not int own)
            {
                continue;
            }
            var othersFound = report.Reviews.Any(rv => rv.ReviewerId != reviewerId && rv.Status == ReviewStatus.Ok && rv.Scores.Any(s =>
                s.Dimension == dimension && s.Score is { } v && v < passThreshold && !s.Ungrounded && s.Evidence.Any(e => e.Grounded == true)));
            if (othersFound)
            {
                contested++;
                lenient += own >= passThreshold ? 1 : 0;
            }
        }
        return (contested, lenient);
    }

    private static ReviewerDrift? Drift(List<ProfileReport> reports, string reviewerId)
    {
        var segments = new List<(string Version, string? Model, List<(DateTimeOffset At, Review Review)> Items)>();
        foreach (var report in reports)
        {
            if (Find(report, reviewerId) is not Review review)
            {
                continue;
            }
            var model = review.Calls.Select(c => c.Model ?? c.Deployment).FirstOrDefault(m => m is not null);
            var last = segments.Count == 0 ? default : segments[^1];
            // An errored LLM review may carry no model: it belongs to the segment it falls in, not a new one.
            var sameModel = model is null || last.Model is null || last.Model == model;
            if (segments.Count == 0 || last.Version != review.ReviewerVersion || !sameModel)
            {
                segments.Add((review.ReviewerVersion, model, [(report.StartedAt, review)]));
            }
            else
            {
                last.Items.Add((report.StartedAt, review));
                if (last.Model is null && model is not null)
                {
                    segments[^1] = (last.Version, model, last.Items);
                }
            }
        }
        if (segments.Count < 2)
        {
            return null;
        }

        var result = segments.Select(s =>
        {
            var scores = s.Items.Where(i => i.Review.Status == ReviewStatus.Ok)
                .SelectMany(i => i.Review.Scores).Where(sc => sc.Score is not null).ToList();
            var byDimension = scores.GroupBy(sc => sc.Dimension, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Average(sc => (double)sc.Score!.Value), StringComparer.Ordinal);
            return new DriftSegment(
                s.Version, s.Model, s.Items[0].At, s.Items[^1].At, s.Items.Count,
                scores.Count == 0 ? null : scores.Average(sc => (double)sc.Score!.Value),
                byDimension);
        }).ToList();
        return new ReviewerDrift(reviewerId, result);
    }

    private static Review? Find(ProfileReport report, string reviewerId) =>
        report.Reviews.FirstOrDefault(r => r.ReviewerId == reviewerId);

    private static int? ScoreOf(Review? review, string dimension) =>
        review is { Status: ReviewStatus.Ok }
            ? review.Scores.FirstOrDefault(s => s.Dimension == dimension)?.Score
            : null;

    private static double Median(List<int> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
