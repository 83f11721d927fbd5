using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Panel;

/// <summary>The small per-profile line of a batch: what the table, JSON and JUnit outputs show.</summary>
public sealed record ProfileSummary
{
    public required string Source { get; init; }
    public string? ProfileId { get; init; }
    public string? Title { get; init; }
    public string? VersionHash { get; init; }
    public required VerdictOutcome Verdict { get; init; }
    public double? Minimum { get; init; }
    /// <summary>Dimension → aggregate; null means not judged.</summary>
    public required IReadOnlyDictionary<string, double?> Scores { get; init; }
    public required IReadOnlyList<string> Failing { get; init; }
    public string? Error { get; init; }
    /// <summary>Dimension → the reviewers whose scores counted.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> JudgedBy { get; init; }
    /// <summary>Failing dimensions with the grounded quotes behind them, plus injections.</summary>
    public required IReadOnlyList<Evidence> FailingEvidence { get; init; }
    public required IReadOnlyList<string> Unstable { get; init; }
    /// <summary>Standing grounded findings that capped a dimension, with the dimension they capped.</summary>
    public IReadOnlyList<(string Dimension, Veto Veto)> Vetoes { get; init; } = [];
    /// <summary>Passing scores that carried no weight against a standing finding.</summary>
    public IReadOnlyList<(string Dimension, OverruledScore Score)> Overruled { get; init; } = [];
    /// <summary>The adjudicator's refutation claims and the gate's ruling on each.</summary>
    public IReadOnlyList<(string Dimension, Refutation Refutation)> Refutations { get; init; } = [];
    public int ModelCalls { get; init; }
    public int ReusedReviews { get; init; }
    public int InputTokens { get; init; }
    public int OutputTokens { get; init; }
    /// <summary>Input tokens served from the provider's prompt cache; null when no fresh call reported it.</summary>
    public int? CachedInputTokens { get; init; }
    /// <summary>max_tokens of the fresh calls' requests: what the quota was charged for replies on arrival.</summary>
    public int ReservedTokens { get; init; }
    /// <summary>Each fresh model call with the reviewer that made it, in panel order.</summary>
    public IReadOnlyList<(string Reviewer, CallRecord Call)> Calls { get; init; } = [];
    /// <summary>Tokens of fresh model calls per deployment, for <see cref="PricingOptions.CostOf"/>.</summary>
    public IReadOnlyList<DeploymentUsage> Usage { get; init; } = [];

    public static ProfileSummary From(ProfileReport report)
    {
        var verdict = report.Verdict;
        var reviewerCalls = report.Reviews.Concat(report.Adjudications).Where(r => r.ReusedFromRun is null)
            .SelectMany(r => r.Calls.Select(c => (r.ReviewerId, c))).ToList();
        var calls = reviewerCalls.Select(rc => rc.c).ToList();
        return new ProfileSummary
        {
            Source = report.Source,
            ProfileId = report.ProfileId,
            Title = report.Title,
            VersionHash = report.VersionHash,
            Verdict = verdict.Outcome,
            Minimum = verdict.Minimum,
            Scores = Dimensions.All.ToDictionary(d => d, d => verdict.Dimensions.FirstOrDefault(r => r.Dimension == d)?.Aggregate),
            Failing = verdict.Failing,
            Error = verdict.Error,
            JudgedBy = verdict.Dimensions.Where(d => d.Judged).ToDictionary(d => d.Dimension, d => (IReadOnlyList<string>)(d.AdjudicatedBy is { } a ? [.. d.ScoredBy, a] : d.ScoredBy)),
            FailingEvidence = verdict.Dimensions.Where(d => d.Failing).SelectMany(d => d.Evidence.Select(e => e with { Note = $"{d.Dimension}: {e.Note}" }))
                .Concat(verdict.Injections.Select(e => e with { Note = $"{Scoring.Verdict.InjectionRule}: {e.Note}" }))
                .ToList(),
            Unstable = verdict.Dimensions.Where(d => d.Unstable).Select(d => d.Dimension).ToList(),
            Vetoes = verdict.Dimensions.SelectMany(d => d.VetoedBy.Select(v => (d.Dimension, v))).ToList(),
            Overruled = verdict.Dimensions.SelectMany(d => d.Overruled.Select(o => (d.Dimension, o))).ToList(),
            Refutations = verdict.Dimensions.SelectMany(d => d.Refutations.Select(r => (d.Dimension, r))).ToList(),
            ModelCalls = calls.Sum(c => c.Attempts),
            ReusedReviews = report.Reviews.Count(r => r.ReusedFromRun is not null),
            InputTokens = calls.Sum(c => c.InputTokens),
            OutputTokens = calls.Sum(c => c.OutputTokens),
            CachedInputTokens = calls.Any(c => c.CachedInputTokens is not null) ? calls.Sum(c => c.CachedInputTokens ?? 0) : null,
            ReservedTokens = calls.Sum(c => c.ReservedOutputTokens ?? 0),
            Calls = reviewerCalls,
            Usage = calls.GroupBy(c => c.Deployment ?? c.Model, StringComparer.OrdinalIgnoreCase)
                .Select(g => new DeploymentUsage(g.Key, g.Sum(c => c.InputTokens), g.Sum(c => c.OutputTokens), g.Sum(c => c.CachedInputTokens ?? 0))).ToList(),
        };
    }
}
