using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Viewing;

/// <summary>
/// What the run page shows, from its query string: sort key (<c>profile</c>, <c>verdict</c>, <c>min</c> or a dimension)
/// and direction, failing only, a failing dimension, a reviewer behind a failing dimension, and a search over id, title,
/// source, quotes and notes (case-insensitive).
/// </summary>
public sealed record RunFilter
{
    public string Sort { get; init; } = "profile";
    public bool Descending { get; init; }
    public bool FailingOnly { get; init; }
    public string? Dimension { get; init; }
    public string? Reviewer { get; init; }
    public string? Search { get; init; }

    public IReadOnlyList<ProfileReport> Apply(IEnumerable<ProfileReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var shown = reports.Where(r => !FailingOnly || r.Verdict.Outcome != VerdictOutcome.Pass);
        if (!string.IsNullOrEmpty(Dimension))
        {
            shown = shown.Where(r => r.Verdict.Failing.Contains(Dimension, StringComparer.Ordinal));
        }
        if (!string.IsNullOrEmpty(Reviewer))
        {
            // A reviewer "behind" a failure: it scored or vetoed a failing dimension, or flagged an instruction to reviewers.
            shown = shown.Where(r => r.Verdict.Dimensions.Any(d => d.Failing && (d.ScoredBy.Contains(Reviewer, StringComparer.Ordinal) || d.VetoedBy.Any(v => v.Reviewer == Reviewer)))
                || (r.Verdict.Injections.Count > 0 && r.Reviews.Any(v => v.ReviewerId == Reviewer && v.Injections.Count > 0)));
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var q = Search.Trim();
            shown = shown.Where(r => Matches(r, q));
        }
        var ordered = Sort switch
        {
            "verdict" => shown.OrderBy(r => r.Verdict.Outcome).ThenBy(Key, StringComparer.Ordinal),
            "min" => shown.OrderBy(r => r.Verdict.Minimum ?? double.MinValue).ThenBy(Key, StringComparer.Ordinal),
            _ when Dimensions.IsKnown(Sort) => shown.OrderBy(r => r.Verdict.Dimensions.FirstOrDefault(d => d.Dimension == Sort)?.Aggregate ?? double.MinValue).ThenBy(Key, StringComparer.Ordinal),
            _ => shown.OrderBy(Key, StringComparer.Ordinal),
        };
        var list = ordered.ToList();
        if (Descending)
        {
            list.Reverse();
        }
        return list;
    }

    private static string Key(ProfileReport r) => r.ProfileId ?? r.Source;

    private static bool Matches(ProfileReport r, string q)
    {
        bool Has(string? s) => s is not null && s.Contains(q, StringComparison.OrdinalIgnoreCase);
        return Has(r.ProfileId) || Has(r.Title) || Has(r.Source) || Has(r.Verdict.Error)
            || r.Reviews.Any(v => v.Scores.Any(s => s.Evidence.Any(e => Has(e.Quote) || Has(e.Note))) || v.Injections.Any(e => Has(e.Quote)));
    }
}
