using ReviewPanel.Panel;
using ReviewPanel.Provenance;

namespace ReviewPanel.Reporting;

/// <summary>What every report writer renders: one run's provenance, its profile reports, and each profile's history.</summary>
public sealed record ReportModel
{
    public required RunProvenance Run { get; init; }

    public required IReadOnlyList<ProfileReport> Profiles { get; init; }

    /// <summary>
    /// Past verdicts per profile, keyed by <see cref="KeyOf"/> (profile id, else source). The current run need not be in
    /// it: writers add it when missing.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HistoryPoint>> History { get; init; } =
        new Dictionary<string, IReadOnlyList<HistoryPoint>>();

    /// <summary>When the report was produced (from the caller's <see cref="TimeProvider"/>); null omits it.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>The name a profile goes by in reports and in <see cref="History"/>: its id, or its source when the import failed.</summary>
    public static string KeyOf(ProfileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.ProfileId ?? report.Source;
    }

    /// <summary>The profile's history, oldest first, with this run's verdict appended when the history lacks it.</summary>
    public IReadOnlyList<HistoryPoint> HistoryOf(ProfileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = History.TryGetValue(KeyOf(report), out var known) ? known.ToList() : [];
        if (!points.Any(p => p.RunId == report.RunId))
        {
            points.Add(new HistoryPoint(report.RunId, report.FinishedAt, report.Verdict.Minimum));
        }
        return points.OrderBy(p => p.Time).ToList();
    }
}
