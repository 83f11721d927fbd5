using System.Globalization;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>
/// The pass/fail decision. Pass only when every required dimension is judged by its quorum and its aggregate
/// reaches the threshold, and no grounded instruction aimed at reviewers was found. A definite failure beats a
/// lost quorum (fail); a lost quorum with nothing failing is an error, never a pass.
/// </summary>
public sealed class Gate(GateOptions options)
{
    private const string HeuristicKind = "heuristic";

    /// <param name="reviews">Grounding-checked reviews of the panel (errors included; they count as nothing).</param>
    /// <param name="adjudications">Adjudicator reviews; each gives the final score of the dimension it scores.</param>
    /// <param name="declaredDimensions">What the panel's reviewers declare they score; required when the options name none.</param>
    public Verdict Decide(IReadOnlyList<Review> reviews, IReadOnlyList<Review> adjudications, IReadOnlyCollection<string> declaredDimensions)
    {
        var required = (options.RequiredDimensions.Count > 0 ? options.RequiredDimensions : declaredDimensions)
            .ToHashSet(StringComparer.Ordinal);
        var ok = reviews.Where(r => r.Status == ReviewStatus.Ok).ToList();

        var dimensions = Dimensions.All
            .Concat(ok.SelectMany(r => r.Scores.Select(s => s.Dimension)))
            .Concat(required)
            .Distinct(StringComparer.Ordinal)
            .Select(d => Judge(d, required.Contains(d), ok, adjudications))
            .ToList();

        var injections = ok.SelectMany(r => r.Injections).Where(e => e.Grounded == true).ToList();
        var failing = dimensions.Where(d => d.Failing && d.Judged).Select(d => d.Dimension).ToList();
        if (injections.Count > 0)
        {
            failing.Add(Verdict.InjectionRule);
        }
        var minimum = dimensions.Where(d => d.Judged).Select(d => d.Aggregate!.Value).DefaultIfEmpty(double.NaN).Min();
        var lostQuorum = dimensions.Where(d => d.Required && d.ScoredBy.Count < options.Quorum && d.AdjudicatedBy is null).ToList();

        VerdictOutcome outcome;
        string? error = null;
        if (failing.Count > 0)
        {
            outcome = VerdictOutcome.Fail;
        }
        else if (lostQuorum.Count > 0 || required.Count == 0)
        {
            outcome = VerdictOutcome.Error;
            error = required.Count == 0 ? "no dimension is required: nothing to judge" : QuorumMessage(lostQuorum, reviews);
        }
        else
        {
            outcome = VerdictOutcome.Pass;
        }

        return new Verdict
        {
            Outcome = outcome,
            Minimum = double.IsNaN(minimum) ? null : minimum,
            Dimensions = dimensions,
            Failing = failing,
            Injections = injections,
            Error = error,
        };
    }

    private DimensionResult Judge(string dimension, bool required, IReadOnlyList<Review> ok, IReadOnlyList<Review> adjudications)
    {
        var counted = ok
            .SelectMany(r => r.Scores.Where(s => s.Dimension == dimension && s.Score is not null && !s.Ungrounded).Select(s => (r.ReviewerId, r.Kind, Score: s)))
            .ToList();
        // Heuristic checks are detectors of different defects, not independent raters: one that finds a defect must
        // not be outvoted by another that looked for something else. Together they count as one rater, their lowest.
        var heuristic = counted.Where(c => c.Kind == HeuristicKind).Select(c => c.Score.Score!.Value).ToList();
        var raters = counted.Where(c => c.Kind != HeuristicKind).Select(c => c.Score.Score!.Value).ToList();
        if (heuristic.Count > 0)
        {
            raters.Add(heuristic.Min());
        }
        var adjudication = adjudications
            .Where(a => a.Status == ReviewStatus.Ok)
            .SelectMany(a => a.Scores.Where(s => s.Dimension == dimension && s.Score is not null).Select(s => (a.ReviewerId, Score: s)))
            .LastOrDefault();

        var aggregate = adjudication.Score is not null
            ? adjudication.Score.Score
            : ScoreAggregator.Aggregate(raters, options.Aggregation);
        var failing = aggregate is { } a && a < options.PassThreshold;
        var unstable = ok.SelectMany(r => r.Scores.Where(s => s.Dimension == dimension))
            .Any(s => s.RepeatScores.Count > 1 && s.RepeatScores.Min() < options.PassThreshold && s.RepeatScores.Max() >= options.PassThreshold);

        return new DimensionResult
        {
            Dimension = dimension,
            Aggregate = aggregate,
            Required = required,
            ScoredBy = counted.Select(c => c.ReviewerId).ToList(),
            Scores = counted.Select(c => c.Score.Score!.Value).ToList(),
            Failing = failing,
            AdjudicatedBy = adjudication.Score is not null ? adjudication.ReviewerId : null,
            Unstable = unstable,
            Evidence = failing
                ? counted.Where(c => c.Score.Score < options.PassThreshold).SelectMany(c => c.Score.Evidence.Where(e => e.Grounded == true)).ToList()
                : [],
        };
    }

    private string QuorumMessage(IReadOnlyList<DimensionResult> lost, IReadOnlyList<Review> reviews)
    {
        var errored = reviews.Where(r => r.Status == ReviewStatus.Error).Select(r => $"{r.ReviewerId}: {r.Error}").ToList();
        var dims = string.Join(", ", lost.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Dimension} ({d.ScoredBy.Count} of {options.Quorum})")));
        return errored.Count == 0
            ? $"quorum not met on {dims}"
            : $"quorum not met on {dims}; reviewer errors: {string.Join("; ", errored)}";
    }
}
