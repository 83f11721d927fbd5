namespace ReviewPanel.Probing;

/// <summary>
/// Holds a probe to a minimum recall per class: <c>--min-recall R</c> applies to every class with mutants; without it,
/// 1.0 applies to the classes the offline heuristics declare they cover, when the panel includes them (offline or all).
/// An LLM-only panel without <c>--min-recall</c> is measured, not gated.
/// </summary>
public static class ProbeGate
{
    public static ProbeReport Apply(ProbeReport report, double? minRecall)
    {
        ArgumentNullException.ThrowIfNull(report);
        var heuristicsOnPanel = report.Reviewers.Any(r => r.StartsWith("heuristic.", StringComparison.Ordinal));
        return report with
        {
            Classes = report.Classes.Select(c =>
            {
                var required = c.Mutants == 0 ? null : minRecall ?? (c.OfflineCovered && heuristicsOnPanel ? 1.0 : (double?)null);
                return c with { RequiredRecall = required, MeetsRequirement = required is { } r ? c.Recall >= r - 1e-9 : null };
            }).ToList(),
        };
    }

    /// <summary>0 when every gated class meets its recall, 1 when one does not, 2 when a mutant or original could not be judged.</summary>
    public static int ExitCode(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Originals.Errored > 0 || report.Classes.Any(c => c.Errored > 0) || report.Mismatches.Count > 0)
        {
            return 2;
        }
        return report.Classes.Any(c => c.MeetsRequirement == false) ? 1 : 0;
    }
}
