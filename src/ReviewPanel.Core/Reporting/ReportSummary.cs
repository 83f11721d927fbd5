using ReviewPanel.Scoring;

namespace ReviewPanel.Reporting;

/// <summary>A run's counts and spend, as every report shows them.</summary>
/// <param name="Profiles">Profile reports in the run.</param>
/// <param name="Passed">Verdicts that passed.</param>
/// <param name="Failed">Verdicts that failed.</param>
/// <param name="Errors">Verdicts that could not be reached.</param>
/// <param name="InputTokens">Input tokens of model calls made in this run (reused reviews cost nothing and are not counted).</param>
/// <param name="OutputTokens">Output tokens of the same calls.</param>
/// <param name="Calls">Model calls made in this run.</param>
/// <param name="ReusedCalls">Calls whose result was reused from an earlier run.</param>
/// <param name="Cost">Total tokens / 1000 × the configured price.</param>
public sealed record ReportSummary(
    int Profiles,
    int Passed,
    int Failed,
    int Errors,
    long InputTokens,
    long OutputTokens,
    int Calls,
    int ReusedCalls,
    decimal Cost)
{
    public long TotalTokens => InputTokens + OutputTokens;

    public static ReportSummary From(ReportModel model, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var reviews = model.Profiles.SelectMany(p => p.Reviews.Concat(p.Adjudications)).ToList();
        var calls = reviews.SelectMany(r => r.Calls).ToList();
        var spent = reviews.Where(r => r.ReusedFromRun is null).SelectMany(r => r.Calls).ToList();
        long input = spent.Sum(c => (long)c.InputTokens);
        long output = spent.Sum(c => (long)c.OutputTokens);
        return new ReportSummary(
            model.Profiles.Count,
            model.Profiles.Count(p => p.Verdict.Outcome == VerdictOutcome.Pass),
            model.Profiles.Count(p => p.Verdict.Outcome == VerdictOutcome.Fail),
            model.Profiles.Count(p => p.Verdict.Outcome == VerdictOutcome.Error),
            input,
            output,
            spent.Count,
            calls.Count - spent.Count,
            (input + output) / 1000m * options.PricePer1KTokens);
    }
}
