using ReviewPanel.Reporting;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Output;

/// <summary>Loads one run's full reports and each profile's minimum-score history from the store, for the report writers.</summary>
internal static class RunReportLoader
{
    public static async Task<ReportModel?> LoadAsync(IReviewStore store, string runId, CancellationToken ct)
    {
        var run = await store.GetRunAsync(runId, ct).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }
        var reports = new List<ReviewPanel.Panel.ProfileReport>();
        var history = new Dictionary<string, IReadOnlyList<HistoryPoint>>(StringComparer.Ordinal);
        await foreach (var verdict in store.GetRunVerdictsAsync(runId, ct).ConfigureAwait(false))
        {
            if (await store.GetReportAsync(verdict.Sequence, ct).ConfigureAwait(false) is not { } report)
            {
                continue;
            }
            reports.Add(report);
            if (report.ProfileId is { Length: > 0 } id && !history.ContainsKey(id))
            {
                var points = new List<HistoryPoint>();
                await foreach (var h in store.GetHistoryAsync(id, ct).ConfigureAwait(false))
                {
                    points.Add(new HistoryPoint(h.RunId, h.RecordedAt, h.Minimum));
                }
                points.Reverse();
                history[id] = points;
            }
        }
        return new ReportModel { Run = run, Profiles = reports, History = history };
    }
}
